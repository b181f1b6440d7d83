//! One Cranelift IR function to one WebAssembly function body (instruction selection for the
//! wasm32 target), with the relocations a relocatable object needs.
//!
//! **Control flow.** CLIF is a control-flow graph; wasm has only structured control flow
//! (`block`, `loop`, `if`, branches to enclosing labels). The translation is Norman Ramsey's
//! "Beyond Relooper: recursive translation of unstructured control flow to structured control
//! flow" (ICFP 2022): walk the dominator tree; a block with two or more forward in-edges (a
//! *merge node*) is placed after a wasm `block` that its dominator opens, so forward branches
//! to it are `br` out of that `block`; a block that is the target of a back edge (a *loop
//! header*) is wrapped in a wasm `loop`, so back edges are `br` to it; any other block has one
//! forward in-edge and is placed where that edge is. The algorithm needs a reducible graph,
//! which MIR of Python code always gives (no `goto`); an irreducible one is an internal error.
//!
//! **Values.** Every CLIF value (instruction result or block parameter) is a wasm local of its
//! type (`i8`/`i16`/`i32` as `i32`, kept zero-extended; `i64`; `f64`). A branch with arguments
//! pushes them all, then pops them into the target's parameters (a parallel copy). Stack
//! slots live in a frame on the shadow stack (`__stack_pointer`, 16-byte aligned), popped
//! before every `return`.
//!
//! **Addresses.** Codegen computes addresses as `i64` (the native backends' pointer type);
//! each memory access wraps its address to the wasm32 `i32`. A call passes an `i64` argument
//! to an `i32` parameter (a pointer or `usize` of the runtime's wasm32 ABI) wrapped, and
//! extends an `i32` result the caller uses as `i64`.

use cranelift_codegen::dominator_tree::DominatorTree;
use cranelift_codegen::flowgraph::ControlFlowGraph;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    self, BlockArg, ExternalName, GlobalValueData, InstructionData, Opcode, Type, types,
};
use cranelift_module::{DataId, FuncId};
use rustc_hash::FxHashMap;

use super::{CodeReloc, RelocKind, RelocTarget, ValType, WasmFunction, WasmSig};

/// Why a function could not be translated (an opcode or type the backend does not select, or
/// an irreducible control-flow graph): an internal error, never user input.
#[derive(Debug)]
pub struct EmitError(pub String);

/// The wasm value type of a CLIF type.
fn val_type(ty: Type) -> Result<ValType, EmitError> {
    Ok(match ty {
        types::I8 | types::I16 | types::I32 => ValType::I32,
        types::I64 => ValType::I64,
        types::F64 => ValType::F64,
        types::F32 => ValType::F32,
        other => return Err(EmitError(format!("no wasm type for {other}"))),
    })
}

/// The state machine of a generator's body: its cases (a block from an instruction on, the
/// first of a block or the one after a `yield`) and its bookkeeping locals.
struct Machine {
    /// `(block, first instruction index)` → case number.
    case_of: FxHashMap<(ir::Block, usize), u32>,
    /// Local: the save area's address (`i32`).
    area: u32,
    /// Local: the next case (`i32`).
    next: u32,
    /// The locals saved across a `yield`, in save-area order.
    saved: Vec<u32>,
}

/// Where a branch goes to in the structured code: the labels around the current position,
/// innermost last (Ramsey's context).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Label {
    /// The dispatch loop of a generator's state machine.
    Dispatch,
    /// A `block` whose end is followed by this merge node.
    BlockFollowedBy(ir::Block),
    /// A `loop` headed by this block.
    LoopHeadedBy(ir::Block),
    /// The arms of an `if`.
    IfThenElse,
}

/// What a function body needs to know of the module around it.
pub struct Env<'a> {
    /// The wasm signature of a function the body calls (by its module id).
    pub sig_of: &'a dyn Fn(FuncId) -> WasmSig,
    /// The runtime's `molt_yield` and `molt_yield_owned`: a body that calls one is a
    /// generator's, compiled as a state machine.
    pub yields: [Option<FuncId>; 2],
    /// The runtime's `molt_gen_state(size) -> *mut u8` (the running generator's save area).
    pub gen_state: Option<FuncId>,
    /// The runtime's `molt_gen_sent() -> Value` (the value sent in on resumption).
    pub gen_sent: Option<FuncId>,
}

/// Translates `func` into a wasm function body; `own` is its own signature.
///
/// A generator's body (one that calls `molt_yield`) becomes a state machine, since wasm has
/// no stacks to switch: a dispatch loop over its blocks, where each `yield` saves every local
/// to the generator's save area (`molt_gen_state`), records where to resume and returns;
/// calling the body again restores the locals and continues after that `yield`, with the
/// value sent in (`molt_gen_sent`) as the `yield`'s result. Its stack slots live in the save
/// area too.
///
/// # Errors
/// [`EmitError`] for an instruction or type this backend does not select, or an irreducible
/// control-flow graph.
pub fn function(
    func: &ir::Function,
    own: &WasmSig,
    env: &Env<'_>,
) -> Result<WasmFunction, EmitError> {
    let cfg = ControlFlowGraph::with_function(func);
    let domtree = DominatorTree::with_function(func, &cfg);
    let mut e = Emitter {
        func,
        cfg: &cfg,
        domtree: &domtree,
        env,
        machine: None,
        code: Vec::new(),
        relocs: Vec::new(),
        locals: FxHashMap::default(),
        local_types: Vec::new(),
        nparams: own.params.len() as u32,
        param_types: own.params.clone(),
        rpo: FxHashMap::default(),
        merge: FxHashMap::default(),
        loop_header: FxHashMap::default(),
        frame: None,
        slot_offsets: Vec::new(),
        frame_size: 0,
        scratch: FxHashMap::default(),
        temps: Default::default(),
        release_after: FxHashMap::default(),
        pool: FxHashMap::default(),
        context: Vec::new(),
    };
    e.analyse()?;
    let entry = func
        .layout
        .entry_block()
        .ok_or_else(|| EmitError("function without blocks".into()))?;
    if e.is_generator() {
        e.state_machine(own, entry)?;
    } else {
        e.find_temps();
        e.prologue(own)?;
        e.do_tree(entry)?;
    }
    // Every path ends in `return`, `br` or `unreachable`; the function's end is unreachable.
    e.code.push(0x00);
    e.code.push(0x0b);
    // Locals after the parameters, grouped in runs of one type.
    let mut body = Vec::new();
    let mut runs: Vec<(u32, ValType)> = Vec::new();
    for &t in &e.local_types {
        match runs.last_mut() {
            Some((n, last)) if *last == t => *n += 1,
            _ => runs.push((1, t)),
        }
    }
    leb_u32(&mut body, runs.len() as u32);
    for (n, t) in runs {
        leb_u32(&mut body, n);
        body.push(t.byte());
    }
    let shift = body.len() as u32;
    body.extend_from_slice(&e.code);
    let relocs = e
        .relocs
        .into_iter()
        .map(|mut r| {
            r.offset += shift;
            r
        })
        .collect();
    Ok(WasmFunction { body, relocs })
}

struct Emitter<'a> {
    func: &'a ir::Function,
    cfg: &'a ControlFlowGraph,
    domtree: &'a DominatorTree,
    env: &'a Env<'a>,
    /// Set for a generator's body (a state machine).
    machine: Option<Machine>,
    code: Vec<u8>,
    relocs: Vec<CodeReloc>,
    /// CLIF value → wasm local index.
    locals: FxHashMap<ir::Value, u32>,
    /// Types of the locals after the parameters.
    local_types: Vec<ValType>,
    nparams: u32,
    /// The wasm types of the parameters.
    param_types: Vec<ValType>,
    rpo: FxHashMap<ir::Block, usize>,
    merge: FxHashMap<ir::Block, bool>,
    loop_header: FxHashMap<ir::Block, bool>,
    /// The frame pointer local (an `i32`), when the function has stack slots.
    frame: Option<u32>,
    slot_offsets: Vec<u32>,
    frame_size: u32,
    /// Scratch locals by type (for multi-step sequences), allocated on first use.
    scratch: FxHashMap<(ValType, u8), u32>,
    /// Values defined and last used in one block (no block parameter, no branch
    /// argument): they share locals, taken from `pool` at the definition and given back
    /// after the last use (`release_after`).
    temps: rustc_hash::FxHashSet<ir::Value>,
    release_after: FxHashMap<ir::Inst, Vec<ir::Value>>,
    pool: FxHashMap<ValType, Vec<u32>>,
    context: Vec<Label>,
}

impl Emitter<'_> {
    /// Numbers the blocks in reverse postorder, finds merge nodes and loop headers, and
    /// checks that the graph is reducible (every back edge goes to a dominator).
    fn analyse(&mut self) -> Result<(), EmitError> {
        for (i, &b) in self.domtree.cfg_rpo().enumerate() {
            self.rpo.insert(b, i);
        }
        for (&b, &n) in &self.rpo {
            let mut forward = 0;
            for pred in self.cfg.pred_iter(b) {
                let Some(&p) = self.rpo.get(&pred.block) else {
                    continue; // unreachable predecessor
                };
                // Count edges, not predecessors: `brif c, b, b` is two edges.
                let edges = self.edges_between(pred.inst, b);
                if n <= p {
                    if !self.domtree.block_dominates(b, pred.block) {
                        return Err(EmitError(format!(
                            "irreducible control flow: {} -> {b}",
                            pred.block
                        )));
                    }
                    self.loop_header.insert(b, true);
                } else {
                    forward += edges;
                }
            }
            if forward >= 2 {
                self.merge.insert(b, true);
            }
        }
        Ok(())
    }

    fn edges_between(&self, branch: ir::Inst, target: ir::Block) -> usize {
        let pool = &self.func.dfg.value_lists;
        match &self.func.dfg.insts[branch] {
            InstructionData::Jump { destination, .. } => {
                usize::from(destination.block(pool) == target)
            }
            InstructionData::Brif { blocks, .. } => {
                blocks.iter().filter(|c| c.block(pool) == target).count()
            }
            InstructionData::BranchTable { table, .. } => self.func.dfg.jump_tables[*table]
                .all_branches()
                .iter()
                .filter(|c| c.block(pool) == target)
                .count(),
            _ => 1,
        }
    }

    fn is_merge(&self, b: ir::Block) -> bool {
        self.merge.get(&b).copied().unwrap_or(false)
    }

    fn is_loop_header(&self, b: ir::Block) -> bool {
        self.loop_header.get(&b).copied().unwrap_or(false)
    }

    /// Maps the entry block's parameters to the wasm parameters (extending an `i32` that
    /// the CLIF signature has as `i64`), gives every other value a local, and sets up the
    /// frame of the stack slots.
    fn prologue(&mut self, own: &WasmSig) -> Result<(), EmitError> {
        let entry = self
            .func
            .layout
            .entry_block()
            .ok_or_else(|| EmitError("function without blocks".into()))?;
        let params: Vec<ir::Value> = self.func.dfg.block_params(entry).to_vec();
        if params.len() != own.params.len() {
            return Err(EmitError(format!(
                "{} parameters, wasm signature has {}",
                params.len(),
                own.params.len()
            )));
        }
        let mut widen = Vec::new();
        for (i, (&v, &wt)) in params.iter().zip(&own.params).enumerate() {
            let ct = val_type(self.func.dfg.value_type(v))?;
            if ct == wt {
                self.locals.insert(v, i as u32);
            } else {
                widen.push((i as u32, v, wt, ct));
            }
        }
        for (i, v, wt, ct) in widen {
            let l = self.local_for(v)?;
            self.local_get(i);
            self.convert(wt, ct)?;
            self.local_set(l);
        }
        // Stack slots: a frame on the shadow stack (a generator's: in its save area).
        let mut size = 0u32;
        for (_, data) in self.func.sized_stack_slots.iter() {
            let align = 1u32 << data.align_shift.min(4);
            size = size.div_ceil(align) * align;
            self.slot_offsets.push(size);
            size += data.size;
        }
        if size > 0 {
            let size = size.div_ceil(16) * 16;
            self.frame_size = size;
            let fp = self.new_local(ValType::I32);
            self.frame = Some(fp);
            if self.is_generator() {
                return Ok(());
            }
            // fp = __stack_pointer - size; __stack_pointer = fp
            self.global_get_sp();
            self.i32_const(size as i32);
            self.code.push(0x6b); // i32.sub
            self.code.push(0x22); // local.tee
            leb_u32(&mut self.code, fp);
            self.global_set_sp();
        }
        Ok(())
    }

    fn new_local(&mut self, t: ValType) -> u32 {
        self.local_types.push(t);
        self.nparams + self.local_types.len() as u32 - 1
    }

    fn local_for(&mut self, v: ir::Value) -> Result<u32, EmitError> {
        if let Some(&l) = self.locals.get(&v) {
            return Ok(l);
        }
        let t = val_type(self.func.dfg.value_type(v))?;
        let reused = if self.temps.contains(&v) {
            self.pool.get_mut(&t).and_then(Vec::pop)
        } else {
            None
        };
        let l = match reused {
            Some(l) => l,
            None => self.new_local(t),
        };
        self.locals.insert(v, l);
        Ok(l)
    }

    fn scratch(&mut self, t: ValType, k: u8) -> u32 {
        if let Some(&l) = self.scratch.get(&(t, k)) {
            return l;
        }
        let l = self.new_local(t);
        self.scratch.insert((t, k), l);
        l
    }

    // ----- control flow (Ramsey) -----

    fn do_tree(&mut self, x: ir::Block) -> Result<(), EmitError> {
        let mut merges: Vec<ir::Block> = self
            .domtree
            .children(x)
            .filter(|&c| self.is_merge(c))
            .collect();
        // Highest reverse-postorder number first: its `block` is the outermost.
        merges.sort_by_key(|b| std::cmp::Reverse(self.rpo[b]));
        if self.is_loop_header(x) {
            self.code.extend_from_slice(&[0x03, 0x40]); // loop (empty)
            self.context.push(Label::LoopHeadedBy(x));
            self.node_within(x, &merges)?;
            self.context.pop();
            self.code.push(0x0b);
        } else {
            self.node_within(x, &merges)?;
        }
        Ok(())
    }

    fn node_within(&mut self, x: ir::Block, merges: &[ir::Block]) -> Result<(), EmitError> {
        match merges.split_first() {
            Some((&y, rest)) => {
                self.code.extend_from_slice(&[0x02, 0x40]); // block (empty)
                self.context.push(Label::BlockFollowedBy(y));
                self.node_within(x, rest)?;
                self.context.pop();
                self.code.push(0x0b);
                self.do_tree(y)
            }
            None => self.block_code(x),
        }
    }

    fn branch(&mut self, source: ir::Block, call: ir::BlockCall) -> Result<(), EmitError> {
        let pool = &self.func.dfg.value_lists;
        let target = call.block(pool);
        let args: Vec<BlockArg> = call.args(pool).collect();
        let params: Vec<ir::Value> = self.func.dfg.block_params(target).to_vec();
        // Parallel copy: push every argument, then pop into the parameters.
        for a in &args {
            match a {
                BlockArg::Value(v) => {
                    let l = self.local_for(*v)?;
                    self.local_get(l);
                }
                _ => return Err(EmitError("exception block arguments".into())),
            }
        }
        for &p in params.iter().rev() {
            let l = self.local_for(p)?;
            self.local_set(l);
        }
        if let Some(m) = &self.machine {
            let case = m.case_of[&(target, 0)];
            let next = m.next;
            self.i32_const(case as i32);
            self.local_set(next);
            return self.br_to(Label::Dispatch);
        }
        let backward = self.rpo[&target] <= self.rpo[&source];
        if backward {
            self.br_to(Label::LoopHeadedBy(target))
        } else if self.is_merge(target) {
            self.br_to(Label::BlockFollowedBy(target))
        } else {
            self.do_tree(target)
        }
    }

    fn br_to(&mut self, label: Label) -> Result<(), EmitError> {
        let depth = self
            .context
            .iter()
            .rev()
            .position(|&l| l == label)
            .ok_or_else(|| EmitError("branch to a label that is not in scope".into()))?;
        self.code.push(0x0c);
        leb_u32(&mut self.code, depth as u32);
        Ok(())
    }

    fn block_code(&mut self, x: ir::Block) -> Result<(), EmitError> {
        let insts: Vec<ir::Inst> = self.func.layout.block_insts(x).collect();
        for inst in insts {
            if let Some(done) = self.terminator(x, inst) {
                return done;
            }
            self.inst(inst)?;
            self.release(inst);
        }
        Ok(())
    }

    /// The branch `inst` ends `x` with (`jump`, `brif`, `br_table`), or `None` for any
    /// other instruction.
    fn terminator(&mut self, x: ir::Block, inst: ir::Inst) -> Option<Result<(), EmitError>> {
        Some(match self.func.dfg.insts[inst] {
            InstructionData::Jump { destination, .. } => self.branch(x, destination),
            InstructionData::Brif { arg, blocks, .. } => (|| {
                let c = self.local_for(arg)?;
                self.local_get(c);
                if self.func.dfg.value_type(arg) == types::I64 {
                    self.code.extend_from_slice(&[0x50, 0x45]); // i64.eqz; i32.eqz
                }
                self.code.extend_from_slice(&[0x04, 0x40]); // if (empty)
                self.context.push(Label::IfThenElse);
                self.branch(x, blocks[0])?;
                self.code.push(0x05); // else
                self.branch(x, blocks[1])?;
                self.context.pop();
                self.code.push(0x0b);
                Ok(())
            })(),
            InstructionData::BranchTable { arg, table, .. } => self.branch_table(x, arg, table),
            _ => return None,
        })
    }

    /// Gives back to the pool the locals of the temporaries whose last use is `inst`.
    fn release(&mut self, inst: ir::Inst) {
        let Some(values) = self.release_after.remove(&inst) else {
            return;
        };
        for v in values {
            // A temporary is never a parameter: its local is one of `local_types`.
            if let Some(l) = self.locals.remove(&v).filter(|&l| l >= self.nparams) {
                let t = self.type_of_local(l);
                self.pool.entry(t).or_default().push(l);
            }
        }
    }

    /// Finds the temporaries: instruction results whose uses are all in the defining block
    /// and are not branch arguments, with the instruction after which each is dead.
    fn find_temps(&mut self) {
        let mut home: FxHashMap<ir::Value, (ir::Block, usize)> = FxHashMap::default();
        let mut last: FxHashMap<ir::Value, (usize, ir::Inst)> = FxHashMap::default();
        let mut escapes: rustc_hash::FxHashSet<ir::Value> = Default::default();
        for b in self.func.layout.blocks() {
            for (k, inst) in self.func.layout.block_insts(b).enumerate() {
                for &r in self.func.dfg.inst_results(inst) {
                    home.insert(r, (b, k));
                    last.insert(r, (k, inst));
                }
                let is_branch = matches!(
                    self.func.dfg.insts[inst],
                    InstructionData::Jump { .. }
                        | InstructionData::Brif { .. }
                        | InstructionData::BranchTable { .. }
                );
                for &a in self.func.dfg.inst_args(inst) {
                    match home.get(&a) {
                        Some(&(hb, _)) if hb == b => {
                            let e = last.entry(a).or_insert((k, inst));
                            if k >= e.0 {
                                *e = (k, inst);
                            }
                        }
                        _ => {
                            escapes.insert(a);
                        }
                    }
                }
                if is_branch {
                    // Branch arguments (and a brif's condition) go to other blocks' code.
                    self.func.dfg.inst_values(inst).for_each(|v| {
                        escapes.insert(v);
                    });
                }
            }
        }
        for (v, (_, inst)) in last {
            if escapes.contains(&v) {
                continue;
            }
            self.temps.insert(v);
            self.release_after.entry(inst).or_default().push(v);
        }
    }

    /// `br_table`: one `block` per entry (innermost first), each entry's branch after the
    /// end of its `block`.
    fn branch_table(
        &mut self,
        x: ir::Block,
        arg: ir::Value,
        table: ir::JumpTable,
    ) -> Result<(), EmitError> {
        let jt = &self.func.dfg.jump_tables[table];
        let default = jt.default_block();
        let calls: Vec<ir::BlockCall> = jt.as_slice().to_vec();
        let n = calls.len() as u32;
        // blocks: default (outermost), then entries n-1 .. 0.
        for _ in 0..=n {
            self.code.extend_from_slice(&[0x02, 0x40]);
            self.context.push(Label::IfThenElse);
        }
        let a = self.local_for(arg)?;
        self.local_get(a);
        self.code.push(0x0e); // br_table
        leb_u32(&mut self.code, n);
        for i in 0..n {
            leb_u32(&mut self.code, i);
        }
        leb_u32(&mut self.code, n);
        for call in calls.iter().chain(std::iter::once(&default)) {
            self.code.push(0x0b);
            self.context.pop();
            self.branch(x, *call)?;
        }
        Ok(())
    }

    // ----- generators: state machines -----

    /// The `yield` function `inst` calls, if it is a call of one.
    fn yield_call(&self, inst: ir::Inst) -> Option<FuncId> {
        let InstructionData::Call { func_ref, .. } = self.func.dfg.insts[inst] else {
            return None;
        };
        let ExternalName::User(r) = self.func.dfg.ext_funcs[func_ref].name else {
            return None;
        };
        let n = &self.func.params.user_named_funcs()[r];
        let id = FuncId::from_u32(n.index);
        (n.namespace == 0 && self.env.yields.contains(&Some(id))).then_some(id)
    }

    fn is_generator(&self) -> bool {
        self.func
            .layout
            .blocks()
            .flat_map(|b| self.func.layout.block_insts(b))
            .any(|i| self.yield_call(i).is_some())
    }

    /// The body of a generator as a dispatch loop (see [`function`]).
    fn state_machine(&mut self, own: &WasmSig, entry: ir::Block) -> Result<(), EmitError> {
        let (Some(gen_state), Some(gen_sent)) = (self.env.gen_state, self.env.gen_sent) else {
            return Err(EmitError(
                "generator support functions are not declared".into(),
            ));
        };
        // Every value gets its local now, so that each `yield` saves them all.
        self.prologue(own)?;
        let blocks: Vec<ir::Block> = self
            .func
            .layout
            .blocks()
            .filter(|b| self.rpo.contains_key(b))
            .collect();
        for &b in &blocks {
            for &p in self.func.dfg.block_params(b) {
                self.local_for(p)?;
            }
            for i in self.func.layout.block_insts(b) {
                for &r in self.func.dfg.inst_results(i) {
                    self.local_for(r)?;
                }
            }
        }
        let saved: Vec<u32> = (0..self.nparams + self.local_types.len() as u32)
            .filter(|&l| Some(l) != self.frame)
            .collect();
        let mut cases = Vec::new();
        let mut case_of = FxHashMap::default();
        for &b in &blocks {
            case_of.insert((b, 0), cases.len() as u32);
            cases.push((b, 0, None));
            for (k, i) in self.func.layout.block_insts(b).enumerate() {
                if self.yield_call(i).is_some() {
                    case_of.insert((b, k + 1), cases.len() as u32);
                    cases.push((b, k + 1, Some(i)));
                }
            }
        }
        let area = self.new_local(ValType::I32);
        let next = self.new_local(ValType::I32);
        let frame_offset = (8 + 8 * saved.len() as u32).div_ceil(16) * 16;
        let area_size = frame_offset + self.frame_size;
        let ncases = cases.len() as u32;
        self.machine = Some(Machine {
            case_of,
            area,
            next,
            saved: saved.clone(),
        });
        let head = std::mem::take(&mut self.code);
        let head_relocs = std::mem::take(&mut self.relocs);

        // The dispatch loop: `loop { block*ncases { br_table } case code... }`.
        self.code.extend_from_slice(&[0x03, 0x40]);
        self.context.push(Label::Dispatch);
        for _ in 0..ncases {
            self.code.extend_from_slice(&[0x02, 0x40]);
            self.context.push(Label::IfThenElse);
        }
        self.local_get(next);
        self.code.push(0x0e);
        leb_u32(&mut self.code, ncases);
        for i in 0..ncases {
            leb_u32(&mut self.code, i);
        }
        leb_u32(&mut self.code, ncases.saturating_sub(1));
        for (block, start, resumed) in cases {
            self.code.push(0x0b);
            self.context.pop();
            if let Some(y) = resumed {
                // The `yield`'s result: the value sent in.
                self.code.push(0x10);
                self.reloc_leb(RelocKind::FunctionIndexLeb, RelocTarget::Func(gen_sent), 0);
                let r = self.func.dfg.first_result(y);
                let l = self.local_for(r)?;
                self.local_set(l);
            }
            self.case_code(block, start)?;
        }
        self.context.pop();
        self.code.push(0x0b);
        let body = std::mem::take(&mut self.code);
        let body_relocs = std::mem::take(&mut self.relocs);

        // After the parameters' set-up (`head`): the save area, the case to run, and on
        // resumption the locals.
        self.code = head;
        self.relocs = head_relocs;
        self.i32_const(area_size as i32);
        self.code.push(0x10);
        self.reloc_leb(RelocKind::FunctionIndexLeb, RelocTarget::Func(gen_state), 0);
        self.local_set(area);
        if let Some(fp) = self.frame {
            self.local_get(area);
            self.i32_const(frame_offset as i32);
            self.code.push(0x6a);
            self.local_set(fp);
        }
        // next = resume point (0: the start); the save area's resume point cleared.
        self.local_get(area);
        self.code.extend_from_slice(&[0x28, 2, 0]); // i32.load
        self.local_set(next);
        self.local_get(area);
        self.i32_const(0);
        self.code.extend_from_slice(&[0x36, 2, 0]); // i32.store
        self.local_get(next);
        self.code.extend_from_slice(&[0x04, 0x40]); // if resumed
        for (k, &l) in saved.iter().enumerate() {
            let t = self.type_of_local(l);
            self.local_get(area);
            let (op, align) = load_op(t);
            self.code.push(op);
            leb_u32(&mut self.code, align);
            leb_u32(&mut self.code, 8 + 8 * k as u32);
            self.local_set(l);
        }
        // Resume points are case numbers + 1.
        self.local_get(next);
        self.i32_const(1);
        self.code.push(0x6b);
        self.local_set(next);
        self.code.push(0x05); // else: the entry block's case
        let start = self.machine.as_ref().map_or(0, |m| m.case_of[&(entry, 0)]);
        self.i32_const(start as i32);
        self.local_set(next);
        self.code.push(0x0b);
        let shift = self.code.len() as u32;
        self.code.extend_from_slice(&body);
        self.relocs.extend(body_relocs.into_iter().map(|mut r| {
            r.offset += shift;
            r
        }));
        Ok(())
    }

    /// A local's type: the wasm signature's for a parameter, else its declared one.
    fn type_of_local(&self, l: u32) -> ValType {
        if l < self.nparams {
            self.param_types[l as usize]
        } else {
            self.local_types[(l - self.nparams) as usize]
        }
    }

    /// One case of the state machine: `block`'s instructions from index `start`, up to its
    /// terminator or the next `yield`.
    fn case_code(&mut self, block: ir::Block, start: usize) -> Result<(), EmitError> {
        let insts: Vec<ir::Inst> = self.func.layout.block_insts(block).skip(start).collect();
        for (k, inst) in insts.into_iter().enumerate() {
            if let Some(callee) = self.yield_call(inst) {
                return self.suspend(block, start + k + 1, inst, callee);
            }
            if let Some(done) = self.terminator(block, inst) {
                return done;
            }
            self.inst(inst)?;
        }
        // A block always ends in a terminator; this case ended in a `return`.
        self.code.push(0x00);
        Ok(())
    }

    /// A `yield`: saves the locals, records the case to resume at, hands the value to the
    /// runtime and returns to the resumer.
    fn suspend(
        &mut self,
        block: ir::Block,
        resume_at: usize,
        inst: ir::Inst,
        callee: FuncId,
    ) -> Result<(), EmitError> {
        let (area, saved, resume) = {
            let m = self
                .machine
                .as_ref()
                .ok_or_else(|| EmitError("yield outside a state machine".into()))?;
            (m.area, m.saved.clone(), m.case_of[&(block, resume_at)] + 1)
        };
        for (k, &l) in saved.iter().enumerate() {
            let t = self.type_of_local(l);
            self.local_get(area);
            self.local_get(l);
            let (op, align) = store_op(t);
            self.code.push(op);
            leb_u32(&mut self.code, align);
            leb_u32(&mut self.code, 8 + 8 * k as u32);
        }
        self.local_get(area);
        self.i32_const(resume as i32);
        self.code.extend_from_slice(&[0x36, 2, 0]);
        // The runtime takes the value (`molt_yield` borrows it, `molt_yield_owned` takes it).
        let sig = (self.env.sig_of)(callee);
        let args: Vec<ir::Value> = self.func.dfg.inst_args(inst).to_vec();
        for (&a, &p) in args.iter().zip(&sig.params) {
            self.get(a)?;
            self.convert(val_type(self.func.dfg.value_type(a))?, p)?;
        }
        self.code.push(0x10);
        self.reloc_leb(RelocKind::FunctionIndexLeb, RelocTarget::Func(callee), 0);
        if sig.result.is_some() {
            self.code.push(0x1a); // drop
        }
        self.i64_const(0);
        self.code.push(0x0f); // return
        Ok(())
    }

    // ----- instructions -----

    fn result(&self, inst: ir::Inst) -> ir::Value {
        self.func.dfg.first_result(inst)
    }

    fn get(&mut self, v: ir::Value) -> Result<(), EmitError> {
        let l = self.local_for(v)?;
        self.local_get(l);
        Ok(())
    }

    fn set_result(&mut self, inst: ir::Inst) -> Result<(), EmitError> {
        let r = self.result(inst);
        let ty = self.func.dfg.value_type(r);
        // Narrow integers are kept zero-extended. Comparisons (0 or 1), and bitwise operations
        // and selects of zero-extended operands, already are.
        let extended = matches!(
            self.func.dfg.insts[inst].opcode(),
            Opcode::Icmp
                | Opcode::Fcmp
                | Opcode::Band
                | Opcode::Bor
                | Opcode::Bxor
                | Opcode::Select
        );
        match ty {
            _ if extended => {}
            types::I8 => {
                self.i32_const(0xff);
                self.code.push(0x71);
            }
            types::I16 => {
                self.i32_const(0xffff);
                self.code.push(0x71);
            }
            _ => {}
        }
        let l = self.local_for(r)?;
        self.local_set(l);
        Ok(())
    }

    fn inst(&mut self, inst: ir::Inst) -> Result<(), EmitError> {
        let dfg = &self.func.dfg;
        let data = dfg.insts[inst];
        let op = data.opcode();
        let unsupported = |what: &str| {
            Err(EmitError(format!(
                "the wasm32 backend does not select `{}` ({what})",
                op
            )))
        };
        match data {
            InstructionData::UnaryImm { imm, .. } => {
                let r = self.result(inst);
                match dfg.value_type(r) {
                    types::I64 => self.i64_const(imm.bits()),
                    types::I32 => self.i32_const(imm.bits() as i32),
                    types::I16 => self.i32_const((imm.bits() & 0xffff) as i32),
                    types::I8 => self.i32_const((imm.bits() & 0xff) as i32),
                    _ => return unsupported("type"),
                }
                let l = self.local_for(r)?;
                self.local_set(l);
            }
            InstructionData::UnaryIeee64 { imm, .. } => {
                self.code.push(0x44);
                self.code.extend_from_slice(&imm.bits().to_le_bytes());
                let l = self.local_for(self.result(inst))?;
                self.local_set(l);
            }
            InstructionData::Binary { args, .. } => {
                let ty = dfg.value_type(args[0]);
                let wide = ty == types::I64;
                if op == Opcode::Smulhi {
                    if ty != types::I64 {
                        return unsupported("type");
                    }
                    self.smulhi(args[0], args[1])?;
                    let l = self.local_for(self.result(inst))?;
                    self.local_set(l);
                    return Ok(());
                }
                if matches!(
                    op,
                    Opcode::Smin | Opcode::Smax | Opcode::Umin | Opcode::Umax
                ) {
                    // `select(a, b, a < b)` (or `>`): the e-graph makes these from selects.
                    let signed = matches!(op, Opcode::Smin | Opcode::Smax);
                    if signed && !matches!(ty, types::I32 | types::I64) {
                        return unsupported("narrow type");
                    }
                    let (lt, gt) = match (wide, signed) {
                        (true, true) => (0x53, 0x55),
                        (true, false) => (0x54, 0x56),
                        (false, true) => (0x48, 0x4a),
                        (false, false) => (0x49, 0x4b),
                    };
                    for _ in 0..2 {
                        self.get(args[0])?;
                        self.get(args[1])?;
                    }
                    let min = matches!(op, Opcode::Smin | Opcode::Umin);
                    self.code.push(if min { lt } else { gt });
                    self.code.push(0x1b);
                    self.set_result(inst)?;
                    return Ok(());
                }
                let signed_narrow = matches!(ty, types::I8 | types::I16)
                    && matches!(
                        op,
                        Opcode::Sshr
                            | Opcode::Sdiv
                            | Opcode::Srem
                            | Opcode::Ushr
                            | Opcode::Udiv
                            | Opcode::Urem
                    );
                if signed_narrow {
                    return unsupported("narrow type");
                }
                let byte = if ty == types::F64 {
                    match op {
                        Opcode::Fadd => 0xa0,
                        Opcode::Fsub => 0xa1,
                        Opcode::Fmul => 0xa2,
                        Opcode::Fdiv => 0xa3,
                        Opcode::Fmin => 0xa4,
                        Opcode::Fmax => 0xa5,
                        Opcode::Fcopysign => 0xa6,
                        _ => return unsupported("f64"),
                    }
                } else {
                    let (b32, b64) = match op {
                        Opcode::Iadd => (0x6a, 0x7c),
                        Opcode::Isub => (0x6b, 0x7d),
                        Opcode::Imul => (0x6c, 0x7e),
                        Opcode::Sdiv => (0x6d, 0x7f),
                        Opcode::Udiv => (0x6e, 0x80),
                        Opcode::Srem => (0x6f, 0x81),
                        Opcode::Urem => (0x70, 0x82),
                        Opcode::Band => (0x71, 0x83),
                        Opcode::Bor => (0x72, 0x84),
                        Opcode::Bxor => (0x73, 0x85),
                        Opcode::Ishl => (0x74, 0x86),
                        Opcode::Sshr => (0x75, 0x87),
                        Opcode::Ushr => (0x76, 0x88),
                        Opcode::Rotl => (0x77, 0x89),
                        Opcode::Rotr => (0x78, 0x8a),
                        _ => return unsupported("integer"),
                    };
                    if wide { b64 } else { b32 }
                };
                self.get(args[0])?;
                self.get(args[1])?;
                // Shift amounts have their own type; wasm wants the shifted operand's.
                let amount_ty = dfg.value_type(args[1]);
                if matches!(
                    op,
                    Opcode::Ishl | Opcode::Sshr | Opcode::Ushr | Opcode::Rotl | Opcode::Rotr
                ) && amount_ty != ty
                {
                    self.convert(val_type(amount_ty)?, val_type(ty)?)?;
                }
                self.code.push(byte);
                self.set_result(inst)?;
            }
            InstructionData::LoadNoOffset { arg, .. } if op == Opcode::Bitcast => {
                let from = dfg.value_type(arg);
                let to = dfg.value_type(self.result(inst));
                self.get(arg)?;
                match (from, to) {
                    (types::I64, types::F64) => self.code.push(0xbf),
                    (types::F64, types::I64) => self.code.push(0xbd),
                    (a, b) if a == b => {}
                    _ => return unsupported("types"),
                }
                self.set_result(inst)?;
            }
            InstructionData::Unary { arg, .. } => {
                let from = dfg.value_type(arg);
                let to = dfg.value_type(self.result(inst));
                if op == Opcode::Ineg {
                    if from == types::I64 {
                        self.i64_const(0);
                    } else {
                        self.i32_const(0);
                    }
                }
                self.get(arg)?;
                match op {
                    Opcode::Uextend => match (from, to) {
                        (types::I8 | types::I16 | types::I32, types::I32) => {}
                        (types::I8 | types::I16 | types::I32, types::I64) => {
                            self.code.push(0xad);
                        }
                        _ => return unsupported("types"),
                    },
                    Opcode::Sextend => {
                        match from {
                            types::I8 => self.code.push(0xc0),
                            types::I16 => self.code.push(0xc1),
                            types::I32 => {}
                            _ => return unsupported("types"),
                        }
                        if to == types::I64 {
                            self.code.push(0xac);
                        }
                    }
                    Opcode::Ireduce => {
                        if from == types::I64 {
                            self.code.push(0xa7);
                        }
                    }
                    Opcode::FcvtFromSint => match (from, to) {
                        (types::I64, types::F64) => self.code.push(0xb9),
                        (types::I32, types::F64) => self.code.push(0xb7),
                        _ => return unsupported("types"),
                    },
                    Opcode::FcvtFromUint => match (from, to) {
                        (types::I64, types::F64) => self.code.push(0xba),
                        (types::I32, types::F64) => self.code.push(0xb8),
                        _ => return unsupported("types"),
                    },
                    Opcode::FcvtToSint => match (from, to) {
                        (types::F64, types::I64) => self.code.push(0xb0),
                        (types::F64, types::I32) => self.code.push(0xaa),
                        _ => return unsupported("types"),
                    },
                    Opcode::FcvtToSintSat => match (from, to) {
                        (types::F64, types::I64) => self.code.extend_from_slice(&[0xfc, 6]),
                        (types::F64, types::I32) => self.code.extend_from_slice(&[0xfc, 2]),
                        _ => return unsupported("types"),
                    },
                    Opcode::Fabs => self.code.push(0x99),
                    Opcode::Fneg => self.code.push(0x9a),
                    Opcode::Ceil => self.code.push(0x9b),
                    Opcode::Floor => self.code.push(0x9c),
                    Opcode::Trunc => self.code.push(0x9d),
                    Opcode::Nearest => self.code.push(0x9e),
                    Opcode::Sqrt => self.code.push(0x9f),
                    Opcode::Bnot => {
                        if from == types::I64 {
                            self.i64_const(-1);
                            self.code.push(0x85);
                        } else {
                            self.i32_const(-1);
                            self.code.push(0x73);
                        }
                    }
                    // 0 - x (the 0 is pushed before x, above)
                    Opcode::Ineg => self.code.push(if from == types::I64 { 0x7d } else { 0x6b }),
                    Opcode::Clz => self.code.push(if from == types::I64 { 0x79 } else { 0x67 }),
                    Opcode::Ctz => self.code.push(if from == types::I64 { 0x7a } else { 0x68 }),
                    Opcode::Popcnt => self.code.push(if from == types::I64 { 0x7b } else { 0x69 }),
                    _ => return unsupported("unary"),
                }
                self.set_result(inst)?;
            }
            InstructionData::IntCompare { args, cond, .. } => {
                let ty = dfg.value_type(args[0]);
                self.get(args[0])?;
                if matches!(ty, types::I8 | types::I16) && is_signed(cond) {
                    self.code.push(if ty == types::I8 { 0xc0 } else { 0xc1 });
                }
                self.get(args[1])?;
                if matches!(ty, types::I8 | types::I16) && is_signed(cond) {
                    self.code.push(if ty == types::I8 { 0xc0 } else { 0xc1 });
                }
                let base: u8 = if ty == types::I64 { 0x51 } else { 0x46 };
                let off = match cond {
                    IntCC::Equal => 0,
                    IntCC::NotEqual => 1,
                    IntCC::SignedLessThan => 2,
                    IntCC::UnsignedLessThan => 3,
                    IntCC::SignedGreaterThan => 4,
                    IntCC::UnsignedGreaterThan => 5,
                    IntCC::SignedLessThanOrEqual => 6,
                    IntCC::UnsignedLessThanOrEqual => 7,
                    IntCC::SignedGreaterThanOrEqual => 8,
                    IntCC::UnsignedGreaterThanOrEqual => 9,
                };
                self.code.push(base + off);
                self.set_result(inst)?;
            }
            InstructionData::FloatCompare { args, cond, .. } => {
                if dfg.value_type(args[0]) != types::F64 {
                    return unsupported("type");
                }
                self.fcmp(cond, args[0], args[1])?;
                self.set_result(inst)?;
            }
            InstructionData::Ternary { args, .. } if op == Opcode::Select => {
                self.get(args[1])?;
                self.get(args[2])?;
                self.get(args[0])?;
                if dfg.value_type(args[0]) == types::I64 {
                    // A 64-bit condition: nonzero.
                    self.i64_const(0);
                    self.code.push(0x52); // i64.ne
                }
                self.code.push(0x1b);
                self.set_result(inst)?;
            }
            InstructionData::Load { arg, offset, .. } => {
                let offset: i32 = offset.into();
                let mem = self.address(arg, offset)?;
                let ty = dfg.value_type(self.result(inst));
                let (byte, align) = match (op, ty) {
                    (Opcode::Load, types::I64) => (0x29, 3),
                    (Opcode::Load, types::I32) => (0x28, 2),
                    (Opcode::Load, types::F64) => (0x2b, 3),
                    (Opcode::Load, types::I8) => (0x2d, 0),
                    (Opcode::Load, types::I16) => (0x2f, 1),
                    (Opcode::Uload32, types::I64) => (0x35, 2),
                    (Opcode::Sload32, types::I64) => (0x34, 2),
                    (Opcode::Uload8, types::I64) => (0x31, 0),
                    (Opcode::Uload8, types::I32) => (0x2d, 0),
                    (Opcode::Sload8, types::I32) => (0x2c, 0),
                    (Opcode::Uload16, types::I32) => (0x2f, 1),
                    (Opcode::Uload16, types::I64) => (0x33, 1),
                    _ => return unsupported("load"),
                };
                self.code.push(byte);
                leb_u32(&mut self.code, align);
                leb_u32(&mut self.code, mem);
                let l = self.local_for(self.result(inst))?;
                self.local_set(l);
            }
            InstructionData::Store { args, offset, .. } => {
                let offset: i32 = offset.into();
                let mem = self.address(args[1], offset)?;
                self.get(args[0])?;
                let ty = dfg.value_type(args[0]);
                let (byte, align) = match (op, ty) {
                    (Opcode::Store, types::I64) => (0x37, 3),
                    (Opcode::Store, types::I32) => (0x36, 2),
                    (Opcode::Store, types::F64) => (0x39, 3),
                    (Opcode::Store, types::I8) => (0x3a, 0),
                    (Opcode::Store, types::I16) => (0x3b, 1),
                    (Opcode::Istore32, types::I64) => (0x3e, 2),
                    (Opcode::Istore8, types::I64) => (0x3c, 0),
                    (Opcode::Istore8, types::I32) => (0x3a, 0),
                    _ => return unsupported("store"),
                };
                self.code.push(byte);
                leb_u32(&mut self.code, align);
                leb_u32(&mut self.code, mem);
            }
            InstructionData::StackAddr {
                stack_slot, offset, ..
            } => {
                let fp = self
                    .frame
                    .ok_or_else(|| EmitError("stack_addr without a frame".into()))?;
                let off: i32 = offset.into();
                let base = self.slot_offsets[stack_slot.as_u32() as usize] as i32 + off;
                self.local_get(fp);
                self.i32_const(base);
                self.code.push(0x6a);
                self.convert(ValType::I32, val_type(dfg.value_type(self.result(inst)))?)?;
                let l = self.local_for(self.result(inst))?;
                self.local_set(l);
            }
            InstructionData::UnaryGlobalValue { global_value, .. } => {
                let GlobalValueData::Symbol {
                    ref name, offset, ..
                } = self.func.global_values[global_value]
                else {
                    return unsupported("global value");
                };
                let target = self.external(name)?;
                let addend: i64 = offset.bits();
                match target {
                    RelocTarget::Func(_) => {
                        self.reloc_i32_const(RelocKind::TableIndexSleb, target, 0);
                    }
                    _ => {
                        self.reloc_i32_const(RelocKind::MemoryAddrSleb, target, addend as i32);
                    }
                }
                self.convert(ValType::I32, val_type(dfg.value_type(self.result(inst)))?)?;
                let l = self.local_for(self.result(inst))?;
                self.local_set(l);
            }
            InstructionData::FuncAddr { func_ref, .. } => {
                let name = self.func.dfg.ext_funcs[func_ref].name.clone();
                let target = self.external(&name)?;
                self.reloc_i32_const(RelocKind::TableIndexSleb, target, 0);
                self.convert(ValType::I32, val_type(dfg.value_type(self.result(inst)))?)?;
                let l = self.local_for(self.result(inst))?;
                self.local_set(l);
            }
            InstructionData::Call { args, func_ref, .. } => {
                let name = self.func.dfg.ext_funcs[func_ref].name.clone();
                let target = self.external(&name)?;
                let RelocTarget::Func(id) = target else {
                    return unsupported("call of data");
                };
                let sig = (self.env.sig_of)(id);
                let args: Vec<ir::Value> = args.as_slice(&dfg.value_lists).to_vec();
                if args.len() != sig.params.len() {
                    return Err(EmitError(format!(
                        "call with {} arguments, wasm signature has {}",
                        args.len(),
                        sig.params.len()
                    )));
                }
                for (&a, &p) in args.iter().zip(&sig.params) {
                    self.get(a)?;
                    self.convert(val_type(self.func.dfg.value_type(a))?, p)?;
                }
                self.code.push(0x10);
                self.reloc_leb(RelocKind::FunctionIndexLeb, target, 0);
                let results: Vec<ir::Value> = self.func.dfg.inst_results(inst).to_vec();
                match (results.as_slice(), sig.result) {
                    ([], None) => {}
                    ([r], Some(t)) => {
                        self.convert(t, val_type(self.func.dfg.value_type(*r))?)?;
                        let l = self.local_for(*r)?;
                        self.local_set(l);
                    }
                    ([], Some(_)) => self.code.push(0x1a),
                    _ => return unsupported("results"),
                }
            }
            InstructionData::MultiAry { args, .. } if op == Opcode::Return => {
                let args: Vec<ir::Value> = args.as_slice(&dfg.value_lists).to_vec();
                for a in args {
                    self.get(a)?;
                }
                self.epilogue();
                self.code.push(0x0f);
            }
            InstructionData::Trap { .. } => self.code.push(0x00),
            InstructionData::CondTrap { arg, .. } => {
                self.get(arg)?;
                if op == Opcode::Trapz {
                    self.code.push(0x45); // i32.eqz
                }
                self.code.extend_from_slice(&[0x04, 0x40, 0x00, 0x0b]);
            }
            InstructionData::NullAry { .. } if op == Opcode::Nop => {}
            _ => return unsupported("instruction format"),
        }
        Ok(())
    }

    /// Pushes the `i32` address of `base + offset` and returns the memarg offset to use.
    fn address(&mut self, base: ir::Value, offset: i32) -> Result<u32, EmitError> {
        self.get(base)?;
        if self.func.dfg.value_type(base) == types::I64 {
            self.code.push(0xa7); // i32.wrap_i64
        }
        if offset >= 0 {
            Ok(offset as u32)
        } else {
            self.i32_const(offset);
            self.code.push(0x6a);
            Ok(0)
        }
    }

    /// Converts the value on the stack from `from` to `to` (integers: wrap or zero-extend).
    fn convert(&mut self, from: ValType, to: ValType) -> Result<(), EmitError> {
        match (from, to) {
            (a, b) if a == b => {}
            (ValType::I64, ValType::I32) => self.code.push(0xa7),
            (ValType::I32, ValType::I64) => self.code.push(0xad),
            _ => {
                return Err(EmitError(format!("no conversion from {from:?} to {to:?}")));
            }
        }
        Ok(())
    }

    /// The high 64 bits of the signed 128-bit product `a * b`. When both operands fit in 32
    /// bits (the overflow check of most small-int multiplications), their 64-bit product is
    /// exact and its high half is its sign, `(a * b) >> 63`; otherwise [`Self::smulhi_wide`].
    fn smulhi(&mut self, a: ir::Value, b: ir::Value) -> Result<(), EmitError> {
        let la = self.local_for(a)?;
        let lb = self.local_for(b)?;
        for l in [la, lb] {
            self.local_get(l);
            self.local_get(l);
            self.code.push(0xc4); // i64.extend32_s
            self.code.push(0x51); // i64.eq
        }
        self.code.push(0x71); // i32.and
        self.code.extend_from_slice(&[0x04, 0x7e]); // if (result i64)
        self.local_get(la);
        self.local_get(lb);
        self.code.push(0x7e); // i64.mul
        self.i64_const(63);
        self.code.push(0x87); // i64.shr_s
        self.code.push(0x05); // else
        self.smulhi_wide(a, b)?;
        self.code.push(0x0b); // end
        Ok(())
    }

    /// The high 64 bits of the signed 128-bit product `a * b` for any operands (Hacker's
    /// Delight, 8-2, `mulhs`, on 32-bit halves).
    fn smulhi_wide(&mut self, a: ir::Value, b: ir::Value) -> Result<(), EmitError> {
        let la = self.local_for(a)?;
        let lb = self.local_for(b)?;
        let [u0, u1, v0, v1, w0, t] = [0u8, 1, 2, 3, 4, 5].map(|k| self.scratch(ValType::I64, k));
        let lo = |e: &mut Self, src: u32, dst: u32| {
            e.local_get(src);
            e.i64_const(0xffff_ffff);
            e.code.push(0x83);
            e.local_set(dst);
        };
        let hi = |e: &mut Self, src: u32, dst: u32| {
            e.local_get(src);
            e.i64_const(32);
            e.code.push(0x87); // i64.shr_s
            e.local_set(dst);
        };
        lo(self, la, u0);
        hi(self, la, u1);
        lo(self, lb, v0);
        hi(self, lb, v1);
        // w0 = u0 * v0
        self.local_get(u0);
        self.local_get(v0);
        self.code.push(0x7e);
        self.local_set(w0);
        // t = u1 * v0 + (w0 >>u 32)
        self.local_get(u1);
        self.local_get(v0);
        self.code.push(0x7e);
        self.local_get(w0);
        self.i64_const(32);
        self.code.push(0x88);
        self.code.push(0x7c);
        self.local_set(t);
        // w1 = u0 * v1 + (t & 0xffffffff)   (into w0)
        self.local_get(u0);
        self.local_get(v1);
        self.code.push(0x7e);
        self.local_get(t);
        self.i64_const(0xffff_ffff);
        self.code.push(0x83);
        self.code.push(0x7c);
        self.local_set(w0);
        // u1 * v1 + (t >>s 32) + (w1 >>s 32)
        self.local_get(u1);
        self.local_get(v1);
        self.code.push(0x7e);
        self.local_get(t);
        self.i64_const(32);
        self.code.push(0x87);
        self.code.push(0x7c);
        self.local_get(w0);
        self.i64_const(32);
        self.code.push(0x87);
        self.code.push(0x7c);
        Ok(())
    }

    fn fcmp(&mut self, cond: FloatCC, a: ir::Value, b: ir::Value) -> Result<(), EmitError> {
        // f64 comparison opcodes: eq 0x61, ne 0x62, lt 0x63, gt 0x64, le 0x65, ge 0x66.
        let simple = |cond| match cond {
            FloatCC::Equal => Some((0x61, false)),
            FloatCC::NotEqual => Some((0x62, false)),
            FloatCC::LessThan => Some((0x63, false)),
            FloatCC::GreaterThan => Some((0x64, false)),
            FloatCC::LessThanOrEqual => Some((0x65, false)),
            FloatCC::GreaterThanOrEqual => Some((0x66, false)),
            // Unordered-or-x is not(ordered opposite).
            FloatCC::UnorderedOrGreaterThanOrEqual => Some((0x63, true)),
            FloatCC::UnorderedOrGreaterThan => Some((0x65, true)),
            FloatCC::UnorderedOrLessThanOrEqual => Some((0x64, true)),
            FloatCC::UnorderedOrLessThan => Some((0x66, true)),
            _ => None,
        };
        if let Some((byte, negate)) = simple(cond) {
            self.get(a)?;
            self.get(b)?;
            self.code.push(byte);
            if negate {
                self.code.push(0x45);
            }
            return Ok(());
        }
        let (la, lb) = (self.local_for(a)?, self.local_for(b)?);
        match cond {
            FloatCC::Unordered | FloatCC::Ordered => {
                let byte = if cond == FloatCC::Unordered {
                    0x62
                } else {
                    0x61
                };
                self.local_get(la);
                self.local_get(la);
                self.code.push(byte);
                self.local_get(lb);
                self.local_get(lb);
                self.code.push(byte);
                self.code.push(if cond == FloatCC::Unordered {
                    0x72
                } else {
                    0x71
                });
            }
            FloatCC::OrderedNotEqual | FloatCC::UnorderedOrEqual => {
                self.local_get(la);
                self.local_get(lb);
                self.code.push(0x63);
                self.local_get(la);
                self.local_get(lb);
                self.code.push(0x64);
                self.code.push(0x72);
                if cond == FloatCC::UnorderedOrEqual {
                    self.code.push(0x45);
                }
            }
            _ => return Err(EmitError(format!("fcmp {cond}"))),
        }
        Ok(())
    }

    /// The module symbol an external name refers to.
    fn external(&self, name: &ExternalName) -> Result<RelocTarget, EmitError> {
        match name {
            ExternalName::User(r) => {
                let n = &self.func.params.user_named_funcs()[*r];
                Ok(match n.namespace {
                    0 => RelocTarget::Func(FuncId::from_u32(n.index)),
                    _ => RelocTarget::Data(DataId::from_u32(n.index)),
                })
            }
            other => Err(EmitError(format!("external name {other:?}"))),
        }
    }

    fn epilogue(&mut self) {
        if self.machine.is_some() {
            return; // its frame is in the save area
        }
        if let Some(fp) = self.frame {
            self.local_get(fp);
            self.i32_const(self.frame_size as i32);
            self.code.push(0x6a);
            self.global_set_sp();
        }
    }

    // ----- encoding -----

    fn local_get(&mut self, l: u32) {
        self.code.push(0x20);
        leb_u32(&mut self.code, l);
    }

    fn local_set(&mut self, l: u32) {
        self.code.push(0x21);
        leb_u32(&mut self.code, l);
    }

    fn i32_const(&mut self, v: i32) {
        self.code.push(0x41);
        leb_i64(&mut self.code, i64::from(v));
    }

    fn i64_const(&mut self, v: i64) {
        self.code.push(0x42);
        leb_i64(&mut self.code, v);
    }

    fn global_get_sp(&mut self) {
        self.code.push(0x23);
        self.reloc_leb(RelocKind::GlobalIndexLeb, RelocTarget::StackPointer, 0);
    }

    fn global_set_sp(&mut self) {
        self.code.push(0x24);
        self.reloc_leb(RelocKind::GlobalIndexLeb, RelocTarget::StackPointer, 0);
    }

    /// A 5-byte padded unsigned LEB the linker patches.
    fn reloc_leb(&mut self, kind: RelocKind, target: RelocTarget, addend: i32) {
        self.relocs.push(CodeReloc {
            offset: self.code.len() as u32,
            kind,
            target,
            addend,
        });
        self.code.extend_from_slice(&[0x80, 0x80, 0x80, 0x80, 0x00]);
    }

    /// `i32.const` with a 5-byte padded signed LEB the linker patches.
    fn reloc_i32_const(&mut self, kind: RelocKind, target: RelocTarget, addend: i32) {
        self.code.push(0x41);
        self.reloc_leb(kind, target, addend);
    }
}

fn load_op(t: ValType) -> (u8, u32) {
    match t {
        ValType::I32 => (0x28, 2),
        ValType::I64 => (0x29, 3),
        ValType::F32 => (0x2a, 2),
        ValType::F64 => (0x2b, 3),
    }
}

fn store_op(t: ValType) -> (u8, u32) {
    match t {
        ValType::I32 => (0x36, 2),
        ValType::I64 => (0x37, 3),
        ValType::F32 => (0x38, 2),
        ValType::F64 => (0x39, 3),
    }
}

fn is_signed(cond: IntCC) -> bool {
    matches!(
        cond,
        IntCC::SignedLessThan
            | IntCC::SignedLessThanOrEqual
            | IntCC::SignedGreaterThan
            | IntCC::SignedGreaterThanOrEqual
    )
}

/// Appends `v` as an unsigned LEB128.
pub(super) fn leb_u32(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Appends `v` as a signed LEB128.
pub(super) fn leb_i64(out: &mut Vec<u8>, mut v: i64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        let done = (v == 0 && byte & 0x40 == 0) || (v == -1 && byte & 0x40 != 0);
        if done {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}
