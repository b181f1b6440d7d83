//! The machine-register copy of an integer loop ([`molt_mir::int_loops`]).
//!
//! The generic translation of the loop stays as it is. Every edge into the loop header from
//! outside the loop goes to a *dispatch* block instead, which takes the copy when the header
//! arguments and the numbers the loop reads from outside are inline ints or float words (a
//! carried parameter: any word without a reference count), and profiling is off (so that the
//! generic code counts what a profile shows); the generic header otherwise. In the copy, an
//! `int` is an `i64`, a `float` an `f64`, a `bool` a machine condition and a carried value its
//! word: an operation is the machine instruction and, where Python's result could differ (an
//! int result beyond 64 bits, a NaN, a zero divisor, a negative shift count, an int compared
//! with a float beyond 2**53), a check that *bails*: it boxes the values the header
//! parameters had at the start of the iteration and jumps to the generic header, which runs
//! the iteration again. Within an iteration an `int` may use all 64 bits; the arguments of a
//! back edge must be inline ints again (48 bits, checked unless known: a remainder, a
//! constant, an unchanged header value), so the start values always box without allocating.
//! An edge out of the loop bails the same way (the generic header then leaves the loop as
//! the generic code does), so the copy never needs the values the generic code defines in
//! the loop.

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{self, BlockArg, InstBuilder, types};
use cranelift_frontend::FunctionBuilder;
use molt_mir::int_loops::IntLoop;
use molt_mir::{BinaryOp, Block, BlockCall, CmpOp, Constant, InstKind, IntConst, Type, UnaryOp};
use molt_mir::{Value, ValueDef};
use rustc_hash::{FxHashMap, FxHashSet};

use super::{
    I8, I64, Translator, as_f64, box_small_int, float_cc, floor_div_mod, int_cc, shift, small_int,
};
use crate::CodegenError;

/// An integer loop of the function being translated, and its dispatch block once an edge
/// from outside has asked for it.
pub(super) struct LoopCopy {
    lp: IntLoop,
    body: FxHashSet<Block>,
    dispatch: Option<ir::Block>,
}

/// The integer loops of `func` that get a machine-integer copy.
pub(super) fn plan(func: &molt_mir::Function) -> Vec<LoopCopy> {
    let (loops, _missed) = molt_mir::int_loops::find(func);
    loops
        .into_iter()
        .map(|lp| LoopCopy {
            body: lp.blocks.iter().copied().collect(),
            lp,
            dispatch: None,
        })
        .collect()
}

/// The state of translating one copy: the machine values of the MIR values, the copy's
/// blocks, and where a failed check goes.
pub(super) struct Copy {
    pub(super) raw: FxHashMap<Value, ir::Value>,
    pub(super) conds: FxHashMap<Value, ir::Value>,
    pub(super) blocks: FxHashMap<Block, ir::Block>,
    /// Boxes its parameters (the header's machine values at the start of the iteration) and
    /// jumps to the generic header; in a function's copy, returns *bail*.
    pub(super) bail: ir::Block,
    /// The copy's header parameters (the arguments of every bail; none in a function's).
    pub(super) start: Vec<ir::Value>,
    /// The MIR loop header (`None` in a function's copy, which has no back edges to check).
    pub(super) header: Option<Block>,
    /// The values of MIR type `dyn` that the copy keeps as an `int` or a `float` (items read
    /// from lists, [`IntLoop::types`]; a function's copy:
    /// [`molt_mir::int_functions::IntFunction::ints`]).
    pub(super) types: FxHashMap<Value, Type>,
    /// The lists the loop reads: their length and the address of their first item, loaded
    /// on entry (nothing in the copy changes a list).
    pub(super) lists: FxHashMap<Value, (ir::Value, ir::Value)>,
    /// The `int` values known to be in the inline range (48 bits): the header parameters (by
    /// induction: back edges check), the invariants, constants, and remainders of a division
    /// by such a value. A back edge checks only the others.
    pub(super) inline: FxHashSet<Value>,
    /// Back edges whose `int` arguments are still to be checked against the inline range:
    /// (edge block, whether each parameter is an `int`).
    pub(super) back_edges: Vec<(ir::Block, Vec<bool>, Vec<(ir::Value, ir::Value)>)>,
    /// The stores of the block being translated (item address, word), checked and made at
    /// the end of the iteration, after every check of its back edge: a bail before them
    /// runs the iteration again, so none may come after them.
    pub(super) pending: Vec<(ir::Value, ir::Value)>,
    /// Values known to be `>= 0` (the loop's counters, [`IntLoop::counters`]): an index needs
    /// no adjustment from the end.
    pub(super) nonneg: FxHashSet<Value>,
    /// The counters' increments: no overflow check, and inline ints.
    pub(super) steps: FxHashSet<Value>,
}

impl Copy {
    /// A copy that bails to `bail`, with the types of `types` for `dyn` values and nothing
    /// else known yet.
    pub(super) fn new(bail: ir::Block, types: FxHashMap<Value, Type>) -> Copy {
        Copy {
            raw: FxHashMap::default(),
            conds: FxHashMap::default(),
            blocks: FxHashMap::default(),
            bail,
            start: Vec::new(),
            header: None,
            types,
            lists: FxHashMap::default(),
            inline: FxHashSet::default(),
            back_edges: Vec::new(),
            pending: Vec::new(),
            nonneg: FxHashSet::default(),
            steps: FxHashSet::default(),
        }
    }
}

impl Translator<'_> {
    /// Creates the copy's CLIF block of each of `blocks`, with a parameter of the machine
    /// type of each MIR parameter (`i8` condition, `f64`, else `i64`).
    pub(super) fn copy_blocks(
        &self,
        b: &mut FunctionBuilder<'_>,
        copy: &mut Copy,
        blocks: &[Block],
    ) {
        for &block in blocks {
            let cb = b.create_block();
            for p in &self.func.blocks[block.index()].params {
                let ty = match self.cty(copy, *p) {
                    Type::Bool => I8,
                    Type::Float => types::F64,
                    _ => I64,
                };
                b.append_block_param(cb, ty);
            }
            copy.blocks.insert(block, cb);
        }
    }

    /// Switches to the copy of MIR block `block` and binds its parameters (a `bool` as a
    /// condition, a number as its machine value).
    pub(super) fn enter_copy_block(
        &self,
        b: &mut FunctionBuilder<'_>,
        copy: &mut Copy,
        block: Block,
    ) {
        let cb = copy.blocks[&block];
        b.switch_to_block(cb);
        let params = b.block_params(cb).to_vec();
        for (p, x) in self.func.blocks[block.index()].params.iter().zip(params) {
            if *self.cty(copy, *p) == Type::Bool {
                copy.conds.insert(*p, x);
            } else {
                copy.raw.insert(*p, x);
            }
        }
    }

    /// The CLIF block an edge from the block being translated to `target` jumps to: the
    /// dispatch block of `target`'s integer loop when the edge enters the loop from outside.
    pub(super) fn loop_entry(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        target: Block,
    ) -> Option<ir::Block> {
        let from = Block(self.position.0);
        let func = self.func;
        let copy = self
            .int_loops
            .iter_mut()
            .find(|c| c.lp.header == target && !c.body.contains(&from))?;
        Some(*copy.dispatch.get_or_insert_with(|| {
            let block = b.create_block();
            for _ in &func.blocks[target.index()].params {
                b.append_block_param(block, I64);
            }
            block
        }))
    }

    /// Translates the dispatch block and the machine-integer copy of every integer loop that
    /// an edge entered (after the generic translation, whose values the dispatch reads).
    pub(super) fn int_loop_copies(
        &mut self,
        b: &mut FunctionBuilder<'_>,
    ) -> Result<(), CodegenError> {
        for k in 0..self.int_loops.len() {
            let Some(dispatch) = self.int_loops[k].dispatch else {
                continue;
            };
            let lp = self.int_loops[k].lp.clone();
            let body = self.int_loops[k].body.clone();
            self.loop_copy(b, &lp, &body, dispatch)?;
        }
        Ok(())
    }

    fn loop_copy(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        lp: &IntLoop,
        body: &FxHashSet<Block>,
        dispatch: ir::Block,
    ) -> Result<(), CodegenError> {
        let func = self.func;
        let generic = self.blocks[lp.header.index()];
        b.switch_to_block(dispatch);
        let site = func.terminator(lp.header).map(|t| t.site);
        b.set_srcloc(site.map_or(ir::SourceLoc::default(), |s| {
            ir::SourceLoc::new(s.index() as u32)
        }));
        let args = b.block_params(dispatch).to_vec();
        let generic_args: Vec<BlockArg> = args.iter().map(|a| BlockArg::Value(*a)).collect();
        // The words that must be inline ints (or floats, by their MIR type): the header
        // arguments, then the invariants.
        let mut words = args.clone();
        let kind = |v: &Value| match lp.types.get(v).unwrap_or_else(|| func.ty(*v)) {
            Type::Float => Kind::Float,
            Type::Int => Kind::Int,
            _ => Kind::Word,
        };
        let mut kinds: Vec<Kind> = func.blocks[lp.header.index()]
            .params
            .iter()
            .map(kind)
            .collect();
        kinds.extend(lp.invariants.iter().map(kind));
        for v in &lp.invariants {
            match self.values.get(v) {
                Some(w) => words.push(*w),
                None => {
                    // Not translated (unreachable code): never take the copy.
                    b.ins().jump(generic, &generic_args);
                    return Ok(());
                }
            }
        }
        let mut ok: Option<ir::Value> = None;
        for (w, kind) in words.iter().zip(&kinds) {
            let c = match kind {
                Kind::Float => {
                    // A float word never has its top 13 bits all set (a NaN is an object).
                    let top = b.ins().ushr_imm_u(*w, 51);
                    b.ins().icmp_imm_s(IntCC::NotEqual, top, 0x1FFF)
                }
                Kind::Int => {
                    let t = b.ins().ushr_imm_u(*w, 48);
                    b.ins().icmp_imm_s(IntCC::Equal, t, super::TAG_INT)
                }
                Kind::Word => {
                    // A carried value must have no reference count (the copy keeps none).
                    let t = b.ins().ushr_imm_u(*w, 48);
                    b.ins().icmp_imm_s(IntCC::NotEqual, t, super::TAG_PTR)
                }
            };
            ok = Some(match ok {
                Some(o) => b.ins().band(o, c),
                None => c,
            });
        }
        if self.counters.is_some() {
            // Under a profile, the generic code runs (it counts edges and guard failures).
            let gv = self
                .symbols
                .import_data(b.func, self.symbols.profile_on.as_u32());
            let addr = b.ins().symbol_value(I64, gv);
            let on = b.ins().load(I64, ir::MemFlagsData::trusted(), addr, 0);
            let off = b.ins().icmp_imm_s(IntCC::Equal, on, 0);
            ok = Some(match ok {
                Some(o) => b.ins().band(o, off),
                None => off,
            });
        }
        let enter = b.create_block();
        match ok {
            Some(ok) => {
                b.ins().brif(ok, enter, &[], generic, &generic_args);
            }
            None => {
                b.ins().jump(enter, &[]);
            }
        }
        b.switch_to_block(enter);
        // The lists read: each must be a list (its object's kind; a subclass's instance is
        // not), whose length and items stay as they are while the copy runs.
        let mem = ir::MemFlagsData::trusted();
        let mut lists = FxHashMap::default();
        for l in &lp.lists {
            let Some(w) = self.values.get(l).copied() else {
                b.ins().jump(generic, &generic_args);
                return Ok(());
            };
            let t = b.ins().ushr_imm_u(w, 48);
            let is_ptr = b.ins().icmp_imm_s(IntCC::Equal, t, super::TAG_PTR);
            let heap = b.create_block();
            b.ins().brif(is_ptr, heap, &[], generic, &generic_args);
            b.switch_to_block(heap);
            let p = b.ins().band_imm_u(w, super::PAYLOAD_MASK);
            let kind = b.ins().uload32(mem, p, super::HEADER_KIND_OFFSET);
            let is_list = b.ins().icmp_imm_s(IntCC::Equal, kind, super::KIND_LIST);
            let list = b.create_block();
            b.ins().brif(is_list, list, &[], generic, &generic_args);
            b.switch_to_block(list);
            let len = b.ins().load(I64, mem, p, super::LIST_LEN_OFFSET);
            let items = b.ins().load(I64, mem, p, super::LIST_ITEMS_OFFSET);
            lists.insert(*l, (len, items));
        }
        let mut copy = Copy::new(
            b.create_block(),
            lp.types.iter().map(|(v, t)| (*v, t.clone())).collect(),
        );
        copy.header = Some(lp.header);
        copy.lists = lists;
        copy.inline = lp.invariants.iter().copied().collect();
        copy.nonneg = lp.counters.iter().map(|c| c.param).collect();
        copy.steps = lp
            .counters
            .iter()
            .flat_map(|c| c.steps.iter().copied())
            .collect();
        copy.inline
            .extend(func.blocks[lp.header.index()].params.iter().copied());
        let unbox = |b: &mut FunctionBuilder<'_>, w: ir::Value, kind: Kind| match kind {
            Kind::Float => as_f64(b, w),
            Kind::Int => small_int(b, w),
            Kind::Word => w,
        };
        for ((v, w), kind) in lp
            .invariants
            .iter()
            .zip(&words[args.len()..])
            .zip(&kinds[args.len()..])
        {
            let r = unbox(b, *w, *kind);
            copy.raw.insert(*v, r);
        }
        let raw_args: Vec<BlockArg> = args
            .iter()
            .zip(&kinds)
            .map(|(a, kind)| BlockArg::Value(unbox(b, *a, *kind)))
            .collect();
        self.copy_blocks(b, &mut copy, &lp.blocks);
        let header = copy.blocks[&lp.header];
        copy.start = b.block_params(header).to_vec();
        b.ins().jump(header, &raw_args);

        // The bail: box the start values, run the iteration generically.
        b.switch_to_block(copy.bail);
        b.set_cold_block(copy.bail);
        // All parameters first: Cranelift admits none after the block's first instruction.
        let starts: Vec<ir::Value> = kinds[..args.len()]
            .iter()
            .map(|kind| {
                let ty = if *kind == Kind::Float {
                    types::F64
                } else {
                    I64
                };
                b.append_block_param(copy.bail, ty)
            })
            .collect();
        let mut boxed = Vec::new();
        for (kind, p) in kinds[..args.len()].iter().zip(starts) {
            let w = match kind {
                // Never a NaN: every float of the copy was checked.
                Kind::Float => b.ins().bitcast(I64, ir::MemFlagsData::new(), p),
                Kind::Int => box_small_int(b, p),
                Kind::Word => p,
            };
            boxed.push(BlockArg::Value(w));
        }
        b.ins().jump(generic, &boxed);

        for &block in &lp.blocks {
            self.enter_copy_block(b, &mut copy, block);
            let data = &func.blocks[block.index()];
            for &inst in &data.insts {
                let d = &func.insts[inst.index()];
                b.set_srcloc(ir::SourceLoc::new(d.site.index() as u32));
                self.copy_inst(b, &mut copy, body, d)?;
            }
        }
        Ok(())
    }

    /// One instruction of the copy ([`molt_mir::int_loops`] admits these only).
    pub(super) fn copy_inst(
        &mut self,
        b: &mut FunctionBuilder<'_>,
        copy: &mut Copy,
        body: &FxHashSet<Block>,
        d: &molt_mir::InstData,
    ) -> Result<(), CodegenError> {
        let unexpected = || CodegenError::Internal {
            function: self.func.name.to_string(),
            message: format!("{:?} in an integer loop", d.kind),
        };
        let result = |copy: &mut Copy, x: ir::Value| {
            if let Some(r) = d.result {
                copy.raw.insert(r, x);
            }
        };
        let cond = |copy: &mut Copy, c: ir::Value| {
            if let Some(r) = d.result {
                copy.conds.insert(r, c);
            }
        };
        let float_result = d.result.is_some_and(|r| *self.cty(copy, r) == Type::Float);
        match &d.kind {
            InstKind::Const(Constant::Int(IntConst::Small(k))) => {
                let x = b.ins().iconst(I64, *k);
                result(copy, x);
                copy.inline.extend(d.result);
            }
            InstKind::Const(Constant::Float(x)) => {
                let x = b.ins().f64const(*x);
                result(copy, x);
            }
            InstKind::Binary { op, lhs, rhs, .. } if float_result => {
                // `int / int` is exact in Python: both ints must convert exactly.
                let exact = *op == BinaryOp::TrueDiv;
                let x = self.float_of(b, copy, *lhs, exact)?;
                let y = self.float_of(b, copy, *rhs, exact)?;
                let r = match op {
                    BinaryOp::Add => b.ins().fadd(x, y),
                    BinaryOp::Sub => b.ins().fsub(x, y),
                    BinaryOp::Mul => b.ins().fmul(x, y),
                    BinaryOp::TrueDiv => {
                        // A zero divisor raises ZeroDivisionError: the generic code does that.
                        let zero = b.ins().f64const(0.0);
                        let nonzero = b.ins().fcmp(FloatCC::NotEqual, y, zero);
                        guard(b, copy, nonzero);
                        b.ins().fdiv(x, y)
                    }
                    _ => return Err(unexpected()),
                };
                // A NaN is an object of its own: the generic code makes it.
                let ordered = b.ins().fcmp(FloatCC::Ordered, r, r);
                guard(b, copy, ordered);
                result(copy, r);
            }
            InstKind::Unary(op, x) if float_result => {
                let x = self.raw(b, copy, *x)?;
                let r = match op {
                    UnaryOp::Neg => b.ins().fneg(x),
                    UnaryOp::Pos => x,
                    _ => return Err(unexpected()),
                };
                result(copy, r);
            }
            InstKind::Unary(UnaryOp::Not, x) if *self.cty(copy, *x) == Type::Float => {
                let x = self.raw(b, copy, *x)?;
                let zero = b.ins().f64const(0.0);
                let c = b.ins().fcmp(FloatCC::Equal, x, zero);
                cond(copy, c);
            }
            InstKind::Const(Constant::Bool(v)) => {
                let c = b.ins().iconst(I8, i64::from(*v));
                cond(copy, c);
            }
            InstKind::Binary { lhs, rhs, .. }
                if d.result.is_some_and(|r| copy.steps.contains(&r)) =>
            {
                // A counter's increment: below an inline bound before it, so within it after.
                let x = self.raw(b, copy, *lhs)?;
                let y = self.raw(b, copy, *rhs)?;
                let r = b.ins().iadd(x, y);
                result(copy, r);
                copy.inline.extend(d.result);
            }
            InstKind::Binary { op, lhs, rhs, .. } => {
                let x = self.raw(b, copy, *lhs)?;
                let y = self.raw(b, copy, *rhs)?;
                let r = self
                    .copy_binary(b, copy, *op, x, y)
                    .ok_or_else(unexpected)?;
                result(copy, r);
            }
            InstKind::Unary(op, x) if *self.cty(copy, *x) == Type::Int => {
                let x = self.raw(b, copy, *x)?;
                match op {
                    UnaryOp::Neg => {
                        let zero = b.ins().iconst(I64, 0);
                        let r = self.checked(b, copy, Checked::Sub, zero, x);
                        result(copy, r);
                    }
                    UnaryOp::Pos => result(copy, x),
                    UnaryOp::Invert => {
                        let r = b.ins().bnot(x);
                        result(copy, r);
                    }
                    UnaryOp::Not => {
                        let c = b.ins().icmp_imm_s(IntCC::Equal, x, 0);
                        cond(copy, c);
                    }
                }
            }
            InstKind::Unary(UnaryOp::Not, x) => {
                let c = *copy.conds.get(x).ok_or_else(unexpected)?;
                let n = b.ins().icmp_imm_s(IntCC::Equal, c, 0);
                cond(copy, n);
            }
            InstKind::Truthy(x) => {
                let c = match copy.conds.get(x) {
                    Some(c) => *c,
                    None if *self.cty(copy, *x) == Type::Float => {
                        let x = self.raw(b, copy, *x)?;
                        let zero = b.ins().f64const(0.0);
                        b.ins().fcmp(FloatCC::NotEqual, x, zero)
                    }
                    None => {
                        let x = self.raw(b, copy, *x)?;
                        b.ins().icmp_imm_s(IntCC::NotEqual, x, 0)
                    }
                };
                cond(copy, c);
            }
            InstKind::Compare(op, l, r) => {
                let x = self.raw(b, copy, *l)?;
                let y = self.raw(b, copy, *r)?;
                if matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn) {
                    return Err(unexpected());
                }
                let floats =
                    *self.cty(copy, *l) == Type::Float || *self.cty(copy, *r) == Type::Float;
                let c = if floats {
                    // An `int` operand that converts exactly: Python's exact comparison of an
                    // int with a float.
                    let x = self.float_of(b, copy, *l, true)?;
                    let y = self.float_of(b, copy, *r, true)?;
                    b.ins().fcmp(float_cc(*op), x, y)
                } else {
                    b.ins().icmp(int_cc(*op), x, y)
                };
                cond(copy, c);
            }
            InstKind::GetItem(l, k) => {
                // An item of a list the entry checked: the index from the end when negative,
                // within the length, the item of the speculated type.
                let addr = self.item_addr(b, copy, *l, *k)?;
                let w = b.ins().load(I64, ir::MemFlagsData::trusted(), addr, 0);
                let r = d.result.ok_or_else(unexpected)?;
                let x = match self.cty(copy, r) {
                    Type::Float => {
                        let top = b.ins().ushr_imm_u(w, 51);
                        let float = b.ins().icmp_imm_s(IntCC::NotEqual, top, 0x1FFF);
                        guard(b, copy, float);
                        as_f64(b, w)
                    }
                    Type::Int => {
                        let t = b.ins().ushr_imm_u(w, 48);
                        let int = b.ins().icmp_imm_s(IntCC::Equal, t, super::TAG_INT);
                        guard(b, copy, int);
                        copy.inline.insert(r);
                        small_int(b, w)
                    }
                    _ => return Err(unexpected()),
                };
                result(copy, x);
            }
            InstKind::KeepAlive(_) => {}
            // An inlined function body's guard: the function's slot (bail before its `def`
            // ran: the generic code raises `NameError`), the value read being it, and room
            // for a call within the recursion limit (the generic code raises otherwise).
            // Nothing in the copy runs code, so nothing can rebind the global meanwhile;
            // the copy holds no reference.
            InstKind::GlobalLoadDirect {
                func: target,
                via: None,
            } => {
                let (slot, _, _) = self.direct_slot(target, None)?;
                let f = self.cached(b, slot);
                let bound = b.ins().icmp_imm_s(IntCC::NotEqual, f, 0);
                guard(b, copy, bound);
                result(copy, f);
            }
            InstKind::FuncIs {
                func: target,
                loaded,
            } => {
                let f = self.raw(b, copy, *loaded)?;
                let (slot, _, _) = self.direct_slot(target, None)?;
                let now = self.cached(b, slot);
                let same = b.ins().icmp(IntCC::Equal, f, now);
                self.inline_depth = self.inline_depths.get(&d.site).copied().unwrap_or(0);
                let room = self.depth_room(b);
                let c = b.ins().band(same, room);
                cond(copy, c);
            }
            // An inlined body's entry guard: the copy knows the operand's type.
            InstKind::IsType(v, t) => {
                let c = b.ins().iconst(I8, i64::from(self.cty(copy, *v) == t));
                cond(copy, c);
            }
            InstKind::Assume(v, _) => match copy.conds.get(v).copied() {
                Some(c) => cond(copy, c),
                None => {
                    let x = self.raw(b, copy, *v)?;
                    result(copy, x);
                    if copy.inline.contains(v) {
                        copy.inline.extend(d.result);
                    }
                }
            },
            InstKind::SetItem(l, k, v) => {
                // The item's address (the index checked as a read checks it), an old item
                // without a reference count (releasing one could run code), the new word.
                let addr = self.item_addr(b, copy, *l, *k)?;
                let old = b.ins().load(I64, ir::MemFlagsData::trusted(), addr, 0);
                let t = b.ins().ushr_imm_u(old, 48);
                let plain = b.ins().icmp_imm_s(IntCC::NotEqual, t, super::TAG_PTR);
                guard(b, copy, plain);
                if !matches!(self.cty(copy, *v), Type::Int | Type::Float) {
                    return Err(unexpected());
                }
                let word = self.word(b, copy, *v)?;
                copy.pending.push((addr, word));
            }
            InstKind::Jump(call) => {
                let (target, args) = self.copy_edge(b, copy, body, call)?;
                let stores = std::mem::take(&mut copy.pending);
                match copy.back_edges.last_mut() {
                    Some(edge) if edge.0 == target => edge.2 = stores,
                    _ => {
                        for (addr, word) in stores {
                            b.ins().store(ir::MemFlagsData::trusted(), word, addr, 0);
                        }
                    }
                }
                b.ins().jump(target, &args);
                back_edges(b, copy);
            }
            InstKind::Brif(c, t, e) => {
                let c = *copy.conds.get(c).ok_or_else(unexpected)?;
                let (tb, targs) = self.copy_edge(b, copy, body, t)?;
                let (eb, eargs) = self.copy_edge(b, copy, body, e)?;
                b.ins().brif(c, tb, &targs, eb, &eargs);
                back_edges(b, copy);
            }
            _ => return Err(unexpected()),
        }
        Ok(())
    }

    /// The address of item `k` of list `l` (one the entry checked), bailing unless `k`
    /// indexes it.
    fn item_addr(
        &self,
        b: &mut FunctionBuilder<'_>,
        copy: &Copy,
        l: Value,
        k: Value,
    ) -> Result<ir::Value, CodegenError> {
        let (len, items) = *copy.lists.get(&l).ok_or_else(|| CodegenError::Internal {
            function: self.func.name.to_string(),
            message: format!("{l} is not a list the integer loop checked"),
        })?;
        let i = self.index(b, copy, k, len)?;
        let inside = b.ins().icmp(IntCC::UnsignedLessThan, i, len);
        guard(b, copy, inside);
        let offset = b.ins().ishl_imm_u(i, 3);
        Ok(b.ins().iadd(items, offset))
    }

    /// The position index `k` names in a sequence of `len` items: counted from the end when
    /// negative (not for a value known to be `>= 0`).
    fn index(
        &self,
        b: &mut FunctionBuilder<'_>,
        copy: &Copy,
        k: Value,
        len: ir::Value,
    ) -> Result<ir::Value, CodegenError> {
        let i = self.raw(b, copy, k)?;
        if copy.nonneg.contains(&k) {
            return Ok(i);
        }
        let from_end = b.ins().iadd(i, len);
        let negative = b.ins().icmp_imm_s(IntCC::SignedLessThan, i, 0);
        Ok(b.ins().select(negative, from_end, i))
    }

    /// The type of `v` in the copy: its MIR type, or `int` for a value the copy infers to
    /// be one ([`Copy::types`]).
    pub(super) fn cty<'f>(&'f self, copy: &'f Copy, v: Value) -> &'f Type {
        copy.types.get(&v).unwrap_or_else(|| self.func.ty(v))
    }

    /// The machine value of `int` operand `v` in the copy.
    pub(super) fn raw(
        &self,
        b: &mut FunctionBuilder<'_>,
        copy: &Copy,
        v: Value,
    ) -> Result<ir::Value, CodegenError> {
        if let Some(x) = copy.raw.get(&v) {
            return Ok(*x);
        }
        // A constant defined outside the loop (an edge argument).
        if let ValueDef::Result(i) = self.func.values[v.index()].def {
            match &self.func.insts[i.index()].kind {
                InstKind::Const(Constant::Int(IntConst::Small(k))) => {
                    return Ok(b.ins().iconst(I64, *k));
                }
                InstKind::Const(Constant::Float(x)) => return Ok(b.ins().f64const(*x)),
                _ => {}
            }
        }
        Err(CodegenError::Internal {
            function: self.func.name.to_string(),
            message: format!("{v} has no machine value in an integer loop"),
        })
    }

    /// The word of `v` for a carried parameter ([`molt_mir::int_loops`]): a number boxed (an
    /// `int` outside the inline range bails), a condition as `True`/`False`, a carried word
    /// or an immediate constant as it is.
    fn word(
        &self,
        b: &mut FunctionBuilder<'_>,
        copy: &Copy,
        v: Value,
    ) -> Result<ir::Value, CodegenError> {
        if let ValueDef::Result(i) = self.func.values[v.index()].def
            && let InstKind::Const(c) = &self.func.insts[i.index()].kind
            && !copy.raw.contains_key(&v)
            && !copy.conds.contains_key(&v)
        {
            let w = match c {
                Constant::None => super::NONE,
                Constant::Unbound => super::UNBOUND,
                Constant::Bool(true) => super::TRUE,
                Constant::Bool(false) => super::FALSE,
                Constant::Int(IntConst::Small(k)) if molt_mir::int_loops::fits_inline(*k) => {
                    (k & super::PAYLOAD_MASK) | super::INT_TAG
                }
                Constant::Float(x) if !x.is_nan() => x.to_bits() as i64,
                _ => {
                    return Err(CodegenError::Internal {
                        function: self.func.name.to_string(),
                        message: format!("{v} is not an immediate constant"),
                    });
                }
            };
            return Ok(b.ins().iconst(I64, w));
        }
        if let Some(c) = copy.conds.get(&v) {
            return Ok(super::bool_word(b, *c));
        }
        let x = self.raw(b, copy, v)?;
        Ok(match self.cty(copy, v) {
            Type::Float => b.ins().bitcast(I64, ir::MemFlagsData::new(), x),
            Type::Int => {
                if !self.is_inline(copy, v) {
                    guard_inline(b, copy, x);
                }
                box_small_int(b, x)
            }
            _ => x,
        })
    }

    /// Whether `int` value `v` is known to be in the inline range ([`Copy::inline`]).
    fn is_inline(&self, copy: &Copy, v: Value) -> bool {
        copy.inline.contains(&v)
            || matches!(self.func.values[v.index()].def, ValueDef::Result(i)
                if matches!(self.func.insts[i.index()].kind,
                    InstKind::Const(Constant::Int(IntConst::Small(k)))
                        if molt_mir::int_loops::fits_inline(k)))
    }

    /// The machine `f64` of number operand `v`: a float, or an `int` converted (rounded to
    /// nearest, as Python's `int + float` converts; with `exact`, the copy bails for an int
    /// that an `f64` does not hold exactly, beyond 2**53, where Python's comparisons and
    /// `int / int` are exact and a conversion would not be).
    fn float_of(
        &self,
        b: &mut FunctionBuilder<'_>,
        copy: &Copy,
        v: Value,
        exact: bool,
    ) -> Result<ir::Value, CodegenError> {
        let x = self.raw(b, copy, v)?;
        if *self.cty(copy, v) == Type::Float {
            return Ok(x);
        }
        if exact {
            let shifted = b.ins().iadd_imm_s(x, 1 << 53);
            let ok = b
                .ins()
                .icmp_imm_u(IntCC::UnsignedLessThanOrEqual, shifted, 1 << 54);
            guard(b, copy, ok);
        }
        Ok(b.ins().fcvt_from_sint(types::F64, x))
    }

    /// `x + y`, `x - y` or `x * y` of machine ints, bailing when the result does not fit 64
    /// bits (the overflow flag natively; the sign rule on wasm32, which has no flags).
    fn checked(
        &self,
        b: &mut FunctionBuilder<'_>,
        copy: &Copy,
        op: Checked,
        x: ir::Value,
        y: ir::Value,
    ) -> ir::Value {
        if !self.symbols.wasm32 {
            let (r, overflow) = match op {
                Checked::Add => b.ins().sadd_overflow(x, y),
                Checked::Sub => b.ins().ssub_overflow(x, y),
                Checked::Mul => b.ins().smul_overflow(x, y),
            };
            guard_not(b, copy, overflow);
            return r;
        }
        let (r, ok) = match op {
            Checked::Add | Checked::Sub => {
                // Overflow iff the result's sign differs from both operands' (addition) or
                // from the minuend's and agrees with the subtrahend's (subtraction).
                let r = if op == Checked::Add {
                    b.ins().iadd(x, y)
                } else {
                    b.ins().isub(x, y)
                };
                let xr = b.ins().bxor(x, r);
                let other = if op == Checked::Add {
                    b.ins().bxor(y, r)
                } else {
                    b.ins().bxor(x, y)
                };
                let both = b.ins().band(xr, other);
                (
                    r,
                    b.ins().icmp_imm_s(IntCC::SignedGreaterThanOrEqual, both, 0),
                )
            }
            Checked::Mul => {
                let lo = b.ins().imul(x, y);
                let hi = b.ins().smulhi(x, y);
                let sign = b.ins().sshr_imm_u(lo, 63);
                (lo, b.ins().icmp(IntCC::Equal, hi, sign))
            }
        };
        guard(b, copy, ok);
        r
    }

    /// An edge of the copy: into the loop, the copy's block with machine arguments (through
    /// an edge block that checks that the `int`s fit the inline range, for a back edge:
    /// within an iteration they may use all 64 bits, at its start they are inline ints); out
    /// of it, the bail with the iteration's start values.
    fn copy_edge(
        &self,
        b: &mut FunctionBuilder<'_>,
        copy: &mut Copy,
        body: &FxHashSet<Block>,
        call: &BlockCall,
    ) -> Result<(ir::Block, Vec<BlockArg>), CodegenError> {
        if !body.contains(&call.block) {
            let start = copy.start.iter().map(|v| BlockArg::Value(*v)).collect();
            return Ok((copy.bail, start));
        }
        let params = &self.func.blocks[call.block.index()].params;
        let mut args = Vec::with_capacity(call.args.len());
        for (a, p) in call.args.iter().zip(params) {
            let x = if *self.cty(copy, *p) == Type::Dyn {
                self.word(b, copy, *a)?
            } else if *self.cty(copy, *p) == Type::Bool && !copy.raw.contains_key(a) {
                match copy.conds.get(a) {
                    Some(c) => *c,
                    None => {
                        return Err(CodegenError::Internal {
                            function: self.func.name.to_string(),
                            message: format!("{a} is not a condition in an integer loop"),
                        });
                    }
                }
            } else {
                self.raw(b, copy, *a)?
            };
            args.push(BlockArg::Value(x));
        }
        if Some(call.block) == copy.header {
            let ints: Vec<bool> = params
                .iter()
                .zip(&call.args)
                .map(|(p, a)| *self.cty(copy, *p) == Type::Int && !self.is_inline(copy, *a))
                .collect();
            if ints.contains(&true) {
                let edge = b.create_block();
                for p in params {
                    let ty = if *self.cty(copy, *p) == Type::Float {
                        types::F64
                    } else {
                        I64
                    };
                    b.append_block_param(edge, ty);
                }
                copy.back_edges.push((edge, ints, Vec::new()));
                return Ok((edge, args));
            }
        }
        Ok((copy.blocks[&call.block], args))
    }

    /// `x op y` on machine ints of the inline range, with the checks that bail when the
    /// result leaves that range or Python would raise; `None` for an operator the copy does
    /// not have.
    fn copy_binary(
        &self,
        b: &mut FunctionBuilder<'_>,
        copy: &Copy,
        op: BinaryOp,
        x: ir::Value,
        y: ir::Value,
    ) -> Option<ir::Value> {
        let r = match op {
            BinaryOp::Add => self.checked(b, copy, Checked::Add, x, y),
            BinaryOp::Sub => self.checked(b, copy, Checked::Sub, x, y),
            BinaryOp::Mul => self.checked(b, copy, Checked::Mul, x, y),
            BinaryOp::FloorDiv | BinaryOp::Mod => {
                // A zero divisor raises ZeroDivisionError: the generic code does that; the
                // one quotient that does not fit 64 bits (`MIN // -1`) is a big int.
                let nonzero = b.ins().icmp_imm_s(IntCC::NotEqual, y, 0);
                guard(b, copy, nonzero);
                let min = b.ins().icmp_imm_s(IntCC::Equal, x, i64::MIN);
                let minus_one = b.ins().icmp_imm_s(IntCC::Equal, y, -1);
                let wraps = b.ins().band(min, minus_one);
                guard_not(b, copy, wraps);
                // `q - 1` (floor division) only when the remainder is non-zero: `q > MIN`.
                floor_div_mod(b, op, x, y)
            }
            BinaryOp::BitAnd => b.ins().band(x, y),
            BinaryOp::BitOr => b.ins().bor(x, y),
            BinaryOp::BitXor => b.ins().bxor(x, y),
            BinaryOp::LShift | BinaryOp::RShift => {
                let (r, conds) = shift(b, op, x, y);
                for c in conds {
                    guard(b, copy, c);
                }
                r
            }
            _ => return None,
        };
        Some(r)
    }
}

/// Translates the back-edge blocks [`Translator::copy_edge`] asked for: each checks that its
/// `int` arguments are inline ints (48 bits) and jumps to the copy's header.
fn back_edges(b: &mut FunctionBuilder<'_>, copy: &mut Copy) {
    let Some(header) = copy.header.map(|h| copy.blocks[&h]) else {
        return;
    };
    for (edge, ints, stores) in std::mem::take(&mut copy.back_edges) {
        b.switch_to_block(edge);
        let params = b.block_params(edge).to_vec();
        for (p, int) in params.iter().zip(&ints) {
            if *int {
                guard_inline(b, copy, *p);
            }
        }
        for (addr, word) in stores {
            b.ins().store(ir::MemFlagsData::trusted(), word, addr, 0);
        }
        let args: Vec<BlockArg> = params.iter().map(|p| BlockArg::Value(*p)).collect();
        b.ins().jump(header, &args);
    }
}

/// How a header argument or invariant enters the copy: an inline int (its payload), a float
/// word (its `f64`), or a carried word (as it is, without a reference count).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Float,
    Word,
}

/// The operations [`Translator::checked`] makes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Checked {
    Add,
    Sub,
    Mul,
}

/// Bails with the iteration's start values when `bad`, else continues in a new block.
pub(super) fn guard_not(b: &mut FunctionBuilder<'_>, copy: &Copy, bad: ir::Value) {
    let cont = b.create_block();
    let start: Vec<BlockArg> = copy.start.iter().map(|v| BlockArg::Value(*v)).collect();
    b.ins().brif(bad, copy.bail, &start, cont, &[]);
    b.switch_to_block(cont);
}

/// Bails unless machine int `x` is in the inline range (-2**47 .. 2**47, as one unsigned
/// comparison).
fn guard_inline(b: &mut FunctionBuilder<'_>, copy: &Copy, x: ir::Value) {
    let shifted = b.ins().iadd_imm_s(x, 1 << 47);
    let ok = b
        .ins()
        .icmp_imm_u(IntCC::UnsignedLessThan, shifted, 1 << 48);
    guard(b, copy, ok);
}

/// Continues in a new block when `ok`, else bails with the iteration's start values.
pub(super) fn guard(b: &mut FunctionBuilder<'_>, copy: &Copy, ok: ir::Value) {
    let cont = b.create_block();
    let start: Vec<BlockArg> = copy.start.iter().map(|v| BlockArg::Value(*v)).collect();
    b.ins().brif(ok, cont, &[], copy.bail, &start);
    b.switch_to_block(cont);
}
