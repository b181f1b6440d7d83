//! The machine copy of an integer function ([`molt_mir::int_functions`]).
//!
//! The copy is a native function of its own (`__molt_fnm_<name>`) taking one `i64` per
//! parameter and returning an `i64`: the result, or [`BAIL`] for a bail (a result that
//! happens to be `i64::MIN` bails too, which is only slower: the generic code computes it
//! again). Its body
//! is the function's typed version translated as an integer loop's copy is
//! ([`super::int_loops`]): an `int` is an `i64`, a `bool` a machine condition, every check
//! that Python could answer differently bails. A call of the function itself counts the call
//! depth as the generic call does (bailing at the recursion limit) and calls the copy
//! directly; a bail in the callee bails the caller, up to the generic code that entered the
//! copy.
//!
//! The generic code enters the copy at the start of its typed version when every argument is
//! an inline int, the global still names this function object (the copy's calls of itself
//! skip the check: nothing in the copy can rebind it), profiling is off (the generic code
//! counts what a profile shows), and the function has bailed fewer than
//! [`molt_mir::int_functions::BAIL_LIMIT`] times; after a bail it runs the call itself.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{self, InstBuilder};
use cranelift_frontend::FunctionBuilder;
use molt_mir::int_functions::{BAIL_LIMIT, IntFunction};
use molt_mir::{InstKind, Type, Value};
use rustc_hash::FxHashSet;

use super::int_loops::{Copy, guard_not};
use super::{I32, I64, TAG_INT, Translator, box_small_int, small_int};
use crate::CodegenError;

/// What the machine copy of a function returns when it bails.
const BAIL: i64 = i64::MIN;

/// The signature of the machine copy of a function of `params` parameters: the call depth
/// (an `i64`: the copy counts its own recursion in a register, not in `molt_depth`, which no
/// code it runs reads), then one `i64` per parameter (a machine integer, any of 64 bits),
/// returning an `i64` (the result, or [`BAIL`]).
pub(crate) fn machine_signature(
    call_conv: cranelift_codegen::isa::CallConv,
    params: usize,
) -> ir::Signature {
    let mut sig = ir::Signature::new(call_conv);
    for _ in 0..=params {
        sig.params.push(ir::AbiParam::new(I64));
    }
    sig.returns.push(ir::AbiParam::new(I64));
    sig
}

impl Translator<'_> {
    /// In the generic code, at the start of the typed entry block of the function's integer
    /// copy (before its `assume`s): calls the machine copy when it may run (see the module documentation) and
    /// returns its result unless it bailed; translation goes on in the block after.
    pub(super) fn int_function_entry(
        &mut self,
        b: &mut FunctionBuilder<'_>,
    ) -> Result<(), CodegenError> {
        let func = self.func;
        let name = &*func.name;
        let (Some(&fid), Some(&bails), Some(&fobj_slot), Some(func_param)) = (
            self.symbols.machine.get(name),
            self.symbols.bails.get(name),
            self.symbols.fobj.get(name),
            self.func_param,
        ) else {
            return Ok(());
        };
        let mut words = Vec::new();
        for p in &func.blocks[0].params {
            match self.values.get(p) {
                Some(w) => words.push(*w),
                None => return Ok(()),
            }
        }
        let flags = ir::MemFlagsData::trusted();
        let mut ok = None;
        for w in &words {
            let t = b.ins().ushr_imm_u(*w, 48);
            let c = b.ins().icmp_imm_s(IntCC::Equal, t, TAG_INT);
            ok = Some(match ok {
                Some(o) => b.ins().band(o, c),
                None => c,
            });
        }
        let fobj = self.cached(b, fobj_slot.as_u32());
        let same = b.ins().icmp(IntCC::Equal, fobj, func_param);
        let on = self.cached(b, self.symbols.profile_on.as_u32());
        let off = b.ins().icmp_imm_s(IntCC::Equal, on, 0);
        let bails_addr = self.data_addr(b, bails.as_u32());
        let count = b.ins().load(I64, flags, bails_addr, 0);
        let few = b.ins().icmp_imm_s(IntCC::SignedLessThan, count, BAIL_LIMIT);
        let mut all = b.ins().band(same, off);
        all = b.ins().band(all, few);
        if let Some(o) = ok {
            all = b.ins().band(all, o);
        }
        let enter = b.create_block();
        let done = b.create_block();
        let bailed = b.create_block();
        let cont = b.create_block();
        b.ins().brif(all, enter, &[], cont, &[]);
        b.switch_to_block(enter);
        let cells = self.data_addr(b, self.symbols.depth.as_u32());
        let depth = b.ins().load(I32, flags, cells, 0);
        let depth = b.ins().uextend(I64, depth);
        let mut raw = vec![depth];
        raw.extend(words.iter().map(|w| small_int(b, *w)));
        let sig = machine_signature(self.symbols.call_conv, words.len());
        let callee = self.symbols.import_local_function(b.func, fid, sig);
        let call = b.ins().call(callee, &raw);
        let r = b.inst_results(call)[0];
        // A result beyond the inline range (BAIL included) is the generic code's to make.
        let shifted = b.ins().iadd_imm_s(r, 1 << 47);
        let fits = b
            .ins()
            .icmp_imm_u(IntCC::UnsignedLessThan, shifted, 1 << 48);
        b.ins().brif(fits, done, &[], bailed, &[]);
        // The arguments are inline ints (no reference to release), nothing else is held yet.
        b.switch_to_block(done);
        let w = box_small_int(b, r);
        b.ins().return_(&[w]);
        b.switch_to_block(bailed);
        b.set_cold_block(bailed);
        let count = b.ins().load(I64, flags, bails_addr, 0);
        let count = b.ins().iadd_imm_s(count, 1);
        b.ins().store(flags, count, bails_addr, 0);
        b.ins().jump(cont, &[]);
        b.switch_to_block(cont);
        Ok(())
    }

    /// Translates the machine copy of integer function `ifn` as the whole Cranelift function
    /// (signature [`machine_signature`]).
    pub(super) fn machine_copy(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        ifn: &IntFunction,
    ) -> Result<(), CodegenError> {
        let func = self.func;
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        let mut copy = Copy::new(
            b.create_block(),
            ifn.ints.iter().map(|v| (*v, Type::Int)).collect(),
        );
        self.copy_blocks(b, &mut copy, &ifn.blocks);
        b.switch_to_block(entry);
        let params = b.block_params(entry).to_vec();
        let depth = params[0];
        for (v, x) in ifn.params.iter().zip(&params[1..]) {
            copy.raw.insert(*v, *x);
        }
        b.ins().jump(copy.blocks[&ifn.entry], &[]);
        b.switch_to_block(copy.bail);
        b.set_cold_block(copy.bail);
        let bail = b.ins().iconst(I64, BAIL);
        b.ins().return_(&[bail]);

        let body: FxHashSet<molt_mir::Block> = ifn.blocks.iter().copied().collect();
        for &block in &ifn.blocks {
            self.enter_copy_block(b, &mut copy, block);
            let data = &func.blocks[block.index()];
            let skip = if block == ifn.entry {
                ifn.params.len()
            } else {
                0
            };
            for &inst in &data.insts[skip..] {
                let d = &func.insts[inst.index()];
                b.set_srcloc(ir::SourceLoc::new(d.site.index() as u32));
                match &d.kind {
                    InstKind::CallDirect { args, .. } => {
                        self.machine_call(b, &mut copy, d, args, depth)?
                    }
                    // The function read for a call of itself: the copy calls itself directly.
                    InstKind::GlobalLoadDirect { .. } => {}
                    InstKind::Return(v) => {
                        let x = self.raw(b, &copy, *v)?;
                        b.ins().return_(&[x]);
                    }
                    _ => self.copy_inst(b, &mut copy, &body, d)?,
                }
            }
        }
        Ok(())
    }

    /// A call of the function itself in its machine copy, at call depth `depth`: the depth
    /// checked as the generic call checks it (bailing at the recursion limit, where the
    /// generic call raises RecursionError), the copy called with the next depth and the
    /// machine arguments, a bail passed on.
    fn machine_call(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        copy: &mut Copy,
        d: &molt_mir::InstData,
        args: &[Value],
        depth: ir::Value,
    ) -> Result<(), CodegenError> {
        let fid =
            *self
                .symbols
                .machine
                .get(&*self.func.name)
                .ok_or_else(|| CodegenError::Internal {
                    function: self.func.name.to_string(),
                    message: "a machine copy without its symbol".into(),
                })?;
        let raw = args
            .iter()
            .map(|a| self.raw(b, copy, *a))
            .collect::<Result<Vec<_>, _>>()?;
        let cells = self.data_addr(b, self.symbols.depth.as_u32());
        let flags = ir::MemFlagsData::trusted();
        let limit = b.ins().load(I32, flags, cells, 4);
        let limit = b.ins().uextend(I64, limit);
        let too_deep = b
            .ins()
            .icmp(IntCC::UnsignedGreaterThanOrEqual, depth, limit);
        guard_not(b, copy, too_deep);
        let depth1 = b.ins().iadd_imm_s(depth, 1);
        let sig = machine_signature(self.symbols.call_conv, raw.len());
        let callee = self.symbols.import_local_function(b.func, fid, sig);
        let mut call_args = vec![depth1];
        call_args.extend(raw);
        let call = b.ins().call(callee, &call_args);
        let r = b.inst_results(call)[0];
        let failed = b.ins().icmp_imm_s(IntCC::Equal, r, BAIL);
        guard_not(b, copy, failed);
        if let Some(result) = d.result {
            copy.raw.insert(result, r);
        }
        Ok(())
    }
}
