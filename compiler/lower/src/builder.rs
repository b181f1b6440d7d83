//! SSA construction while lowering: blocks, predecessors, sealing, and variable reads and
//! writes turned into block parameters.
//!
//! Algorithm: Braun, Buchwald, Hack, Leißa, Mallon, Zwinkau, "Simple and Efficient
//! Construction of Static Single Assignment Form" (CC 2013), with block parameters in place
//! of phi nodes: reading a variable in a block without a local definition asks its
//! predecessors, adding a block parameter at joins and in unsealed (loop header) blocks; a
//! block is sealed once all its predecessors are known. Trivial parameters (all incoming
//! values the same) are removed afterwards by [`FnBuilder::finish`].

use molt_mir::{Block, BlockCall, Constant, Function, InstKind, Span, Type, Value, ValueDef};
use rustc_hash::{FxHashMap, FxHashSet};

/// Builds one MIR function.
pub struct FnBuilder {
    /// The function under construction.
    pub func: Function,
    /// The block instructions are appended to.
    pub current: Block,
    /// The exception handler of blocks created from now on.
    pub handler: Option<Block>,
    preds: Vec<Vec<Block>>,
    sealed: FxHashSet<Block>,
    defs: FxHashMap<(Block, String), Value>,
    incomplete: FxHashMap<Block, Vec<(String, Value)>>,
    /// Block parameters that are not variables (join results, iterator items, exceptions);
    /// never removed as trivial.
    fixed_params: FxHashSet<Value>,
    unbound: Option<Value>,
}

impl FnBuilder {
    /// A builder for a function named `name` with `n_params` entry parameters typed `dyn`.
    pub fn new(name: &str, n_params: usize) -> FnBuilder {
        let mut func = Function::new(name);
        let entry = func.entry();
        let mut fixed_params = FxHashSet::default();
        for _ in 0..n_params {
            fixed_params.insert(func.append_block_param(entry, Type::Dyn));
        }
        let mut sealed = FxHashSet::default();
        sealed.insert(entry);
        FnBuilder {
            func,
            current: entry,
            handler: None,
            preds: vec![Vec::new()],
            sealed,
            defs: FxHashMap::default(),
            incomplete: FxHashMap::default(),
            fixed_params,
            unbound: None,
        }
    }

    /// A new block, protected by the current handler.
    pub fn new_block(&mut self) -> Block {
        let block = self.func.create_block();
        self.func.blocks[block.index()].handler = self.handler;
        self.preds.push(Vec::new());
        block
    }

    /// A new block that receives one non-variable parameter (a join result, an exception or
    /// an iterator item), returned with it.
    pub fn new_block_with_param(&mut self) -> (Block, Value) {
        let block = self.new_block();
        let param = self.func.append_block_param(block, Type::Dyn);
        self.fixed_params.insert(param);
        (block, param)
    }

    /// Makes `block` current.
    pub fn switch_to(&mut self, block: Block) {
        self.current = block;
    }

    /// Whether the current block already ended (code after `return`, `raise`, `break`).
    pub fn is_terminated(&self) -> bool {
        self.func.is_terminated(self.current)
    }

    /// Appends an instruction to the current block; if that block already ended, to a fresh
    /// unreachable block (removed by compaction). Returns the result, or a placeholder value
    /// for instructions without one.
    pub fn ins(&mut self, kind: InstKind, span: Span) -> Value {
        if self.is_terminated() {
            let dead = self.new_block();
            self.seal(dead);
            self.switch_to(dead);
        }
        let values = &self.func.values;
        let ty = molt_mir::types::result_type(&kind, &|v: Value| values[v.index()].ty.clone());
        match self.func.append_inst(self.current, kind, ty, span) {
            Some(v) => v,
            None => Value(u32::MAX),
        }
    }

    /// Ends the current block with a terminator, recording predecessor edges.
    pub fn terminate(&mut self, kind: InstKind, span: Span) {
        if self.is_terminated() {
            return;
        }
        let from = self.current;
        for call in kind.successors() {
            if !self.preds[call.block.index()].contains(&from) {
                self.preds[call.block.index()].push(from);
            }
        }
        self.func.append_inst(from, kind, Type::Dyn, span);
    }

    /// `jump target(args)`.
    pub fn jump(&mut self, target: Block, args: Vec<Value>, span: Span) {
        self.terminate(
            InstKind::Jump(BlockCall {
                block: target,
                args,
            }),
            span,
        );
    }

    /// `brif cond, then, else` (cond must be a bool).
    pub fn brif(&mut self, cond: Value, then: Block, else_: Block, span: Span) {
        self.terminate(
            InstKind::Brif(
                cond,
                BlockCall {
                    block: then,
                    args: vec![],
                },
                BlockCall {
                    block: else_,
                    args: vec![],
                },
            ),
            span,
        );
    }

    /// Declares that every predecessor of `block` is known, completing its pending variable
    /// parameters.
    pub fn seal(&mut self, block: Block) {
        if !self.sealed.insert(block) {
            return;
        }
        for (var, param) in self.incomplete.remove(&block).unwrap_or_default() {
            self.add_param_operands(&var, block, param);
        }
    }

    /// Records that `var` has value `value` at the end of the current block.
    pub fn write_var(&mut self, var: &str, value: Value) {
        self.defs.insert((self.current, var.to_owned()), value);
    }

    /// The value of `var` in the current block (`const.unbound` on paths where it was never
    /// assigned).
    pub fn read_var(&mut self, var: &str) -> Value {
        let block = self.current;
        self.read_var_in(var, block)
    }

    fn read_var_in(&mut self, var: &str, block: Block) -> Value {
        // Chains of single predecessors are walked in a loop, not by recursion: in
        // unreachable code they can be cycles (a loop after `return`, entered only by its
        // own back edge), which have no definition to find. Any value does there; the
        // function's `const.unbound` is used.
        let mut chain: Vec<Block> = Vec::new();
        let mut on_chain: FxHashSet<Block> = FxHashSet::default();
        let mut block = block;
        let value = loop {
            if let Some(v) = self.defs.get(&(block, var.to_owned())) {
                break *v;
            }
            if !self.sealed.contains(&block) {
                let param = self.func.append_block_param(block, Type::Never);
                self.incomplete
                    .entry(block)
                    .or_default()
                    .push((var.to_owned(), param));
                break param;
            }
            match self.preds[block.index()].as_slice() {
                [] => break self.unbound_value(),
                [single] => {
                    let single = *single;
                    chain.push(block);
                    on_chain.insert(block);
                    if on_chain.contains(&single) {
                        break self.unbound_value();
                    }
                    block = single;
                }
                _ => {
                    let param = self.func.append_block_param(block, Type::Never);
                    self.defs.insert((block, var.to_owned()), param);
                    self.add_param_operands(var, block, param);
                    break param;
                }
            }
        };
        self.defs.insert((block, var.to_owned()), value);
        for b in chain {
            self.defs.insert((b, var.to_owned()), value);
        }
        value
    }

    fn add_param_operands(&mut self, var: &str, block: Block, _param: Value) {
        let preds = self.preds[block.index()].clone();
        for pred in preds {
            let value = self.read_var_in(var, pred);
            let Some(&term) = self.func.blocks[pred.index()].insts.last() else {
                continue;
            };
            for call in self.func.insts[term.index()].kind.successors_mut() {
                if call.block == block {
                    call.args.push(value);
                }
            }
        }
    }

    /// The function's `const.unbound` value (created once, at the top of the entry block).
    pub fn unbound_value(&mut self) -> Value {
        if let Some(v) = self.unbound {
            return v;
        }
        let entry = self.func.entry();
        let v = self
            .func
            .prepend_inst(
                entry,
                InstKind::Const(Constant::Unbound),
                Type::Dyn,
                Span::default(),
            )
            .unwrap_or(Value(u32::MAX));
        self.unbound = Some(v);
        v
    }

    /// Whether `value` is the function's `const.unbound` (a variable never assigned).
    pub fn is_unbound(&self, value: Value) -> bool {
        Some(value) == self.unbound
    }

    /// Whether `value` may be `const.unbound` or a block parameter (the cases where a read
    /// needs a `check.bound`; [`FnBuilder::finish`] drops the checks it proves redundant).
    pub fn may_need_bound_check(&self, value: Value) -> bool {
        Some(value) == self.unbound
            || matches!(self.func.values.get(value.index()).map(|d| d.def), Some(ValueDef::Param(b, _)) if b != self.func.entry())
    }

    /// Finishes the function: removes trivial block parameters, drops provably redundant
    /// `check.bound`s, removes unreachable blocks, renumbers, and infers types.
    pub fn finish(mut self) -> Function {
        // Seal anything left unsealed (blocks whose predecessors are now all known).
        let unsealed: Vec<Block> = self
            .func
            .layout
            .iter()
            .copied()
            .filter(|b| !self.sealed.contains(b))
            .collect();
        for b in unsealed {
            self.seal(b);
        }
        let mut alias: FxHashMap<Value, Value> = FxHashMap::default();
        self.remove_trivial_params(&mut alias);
        self.remove_redundant_bound_checks(&mut alias);
        let resolve = |alias: &FxHashMap<Value, Value>, mut v: Value| {
            while let Some(&next) = alias.get(&v) {
                if next == v {
                    break;
                }
                v = next;
            }
            v
        };
        for inst in &mut self.func.insts {
            inst.kind.map_operands(|v| resolve(&alias, v));
        }
        self.drop_unbound_keepalives();
        // Drop a `const.unbound` nobody uses.
        self.func.compact();
        molt_mir::types::infer(&mut self.func);
        self.func
    }

    /// Removes `const.unbound` from `keepalive`s (a variable never assigned holds nothing),
    /// the `keepalive`s left empty, and then the `const.unbound` itself when unused.
    fn drop_unbound_keepalives(&mut self) {
        let Some(unbound) = self.unbound else {
            return;
        };
        let mut used = false;
        for block in 0..self.func.blocks.len() {
            let insts = std::mem::take(&mut self.func.blocks[block].insts);
            let mut keep = Vec::with_capacity(insts.len());
            for inst in insts {
                let kind = &mut self.func.insts[inst.index()].kind;
                if let InstKind::KeepAlive(vs) = kind {
                    vs.retain(|v| *v != unbound);
                    if vs.is_empty() {
                        continue;
                    }
                }
                kind.visit_operands(|v| used |= *v == unbound);
                keep.push(inst);
            }
            self.func.blocks[block].insts = keep;
        }
        if !used {
            for data in &mut self.func.blocks {
                data.insts.retain(|i| {
                    !matches!(
                        self.func.insts[i.index()].kind,
                        InstKind::Const(Constant::Unbound)
                    )
                });
            }
        }
    }

    /// Incoming values of parameter `index` of `block`, from every branch to it.
    /// For each block, the blocks whose terminator branches to it (each once), read from
    /// the terminators. Removing parameters changes branch arguments, never edges, so one
    /// table serves a whole fixpoint: [`FnBuilder::incoming`] and
    /// [`FnBuilder::remove_param`] then visit a block's predecessors, not every block
    /// (which made lowering quadratic in the number of blocks).
    fn predecessor_table(&self) -> Vec<Vec<Block>> {
        let mut table: Vec<Vec<Block>> = vec![Vec::new(); self.func.blocks.len()];
        for (bi, data) in self.func.blocks.iter().enumerate() {
            let Some(&term) = data.insts.last() else {
                continue;
            };
            let from = Block(bi as u32);
            for call in self.func.insts[term.index()].kind.successors() {
                // A block's edges are visited together: a repeated target is the last one.
                if let Some(preds) = table.get_mut(call.block.index())
                    && preds.last() != Some(&from)
                {
                    preds.push(from);
                }
            }
        }
        table
    }

    fn incoming(&self, preds: &[Vec<Block>], block: Block, index: usize) -> Vec<Value> {
        let mut out = Vec::new();
        for pred in preds.get(block.index()).map_or(&[][..], Vec::as_slice) {
            let Some(&term) = self.func.blocks[pred.index()].insts.last() else {
                continue;
            };
            let kind = &self.func.insts[term.index()].kind;
            let item_offset = |call: &BlockCall, is_iter_body: bool| {
                if is_iter_body && call.block == block {
                    1
                } else {
                    0
                }
            };
            let calls: Vec<(&BlockCall, bool)> = match kind {
                InstKind::IterNext(_, body, exit) => vec![(body, true), (exit, false)],
                other => other.successors().into_iter().map(|c| (c, false)).collect(),
            };
            for (call, is_body) in calls {
                if call.block != block {
                    continue;
                }
                let off = item_offset(call, is_body);
                if let Some(i) = index.checked_sub(off) {
                    if let Some(v) = call.args.get(i) {
                        out.push(*v);
                    }
                }
            }
        }
        out
    }

    fn remove_trivial_params(&mut self, alias: &mut FxHashMap<Value, Value>) {
        let resolve = |alias: &FxHashMap<Value, Value>, mut v: Value| {
            while let Some(&next) = alias.get(&v) {
                v = next;
            }
            v
        };
        let preds = self.predecessor_table();
        loop {
            let mut changed = false;
            for bi in 0..self.func.blocks.len() {
                let block = Block(bi as u32);
                let params = self.func.blocks[bi].params.clone();
                for (index, &param) in params.iter().enumerate().rev() {
                    if self.fixed_params.contains(&param) || alias.contains_key(&param) {
                        continue;
                    }
                    let incoming: Vec<Value> = self
                        .incoming(&preds, block, index)
                        .into_iter()
                        .map(|v| resolve(alias, v))
                        .filter(|v| *v != param)
                        .collect();
                    let Some(&first) = incoming.first() else {
                        continue;
                    };
                    if incoming.iter().all(|v| *v == first) {
                        alias.insert(param, first);
                        self.remove_param(&preds, block, index);
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
    }

    fn remove_param(&mut self, preds: &[Vec<Block>], block: Block, index: usize) {
        self.func.blocks[block.index()].params.remove(index);
        for (i, p) in self.func.blocks[block.index()]
            .params
            .clone()
            .iter()
            .enumerate()
        {
            self.func.values[p.index()].def = ValueDef::Param(block, i as u32);
        }
        for pred in preds.get(block.index()).map_or(&[][..], Vec::as_slice) {
            let Some(&term) = self.func.blocks[pred.index()].insts.last() else {
                continue;
            };
            let kind = &mut self.func.insts[term.index()].kind;
            let is_iter = matches!(kind, InstKind::IterNext(..));
            for (ci, call) in kind.successors_mut().into_iter().enumerate() {
                if call.block != block {
                    continue;
                }
                let off = if is_iter && ci == 0 { 1 } else { 0 };
                if let Some(i) = index.checked_sub(off) {
                    if i < call.args.len() {
                        call.args.remove(i);
                    }
                }
            }
        }
    }

    fn remove_redundant_bound_checks(&mut self, alias: &mut FxHashMap<Value, Value>) {
        let resolve = |alias: &FxHashMap<Value, Value>, mut v: Value| {
            while let Some(&next) = alias.get(&v) {
                v = next;
            }
            v
        };
        // Optimistic fixpoint: a value may be unbound if it is `const.unbound`, or a block
        // parameter with a possibly-unbound incoming value.
        let mut maybe: FxHashSet<Value> = FxHashSet::default();
        if let Some(u) = self.unbound {
            maybe.insert(u);
        }
        let preds = self.predecessor_table();
        loop {
            let mut changed = false;
            for bi in 0..self.func.blocks.len() {
                let block = Block(bi as u32);
                let params = self.func.blocks[bi].params.clone();
                for (index, &param) in params.iter().enumerate() {
                    if maybe.contains(&param) || self.fixed_params.contains(&param) {
                        continue;
                    }
                    if self
                        .incoming(&preds, block, index)
                        .into_iter()
                        .any(|v| maybe.contains(&resolve(alias, v)))
                    {
                        maybe.insert(param);
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        for bi in 0..self.func.blocks.len() {
            let insts = self.func.blocks[bi].insts.clone();
            let mut keep = Vec::with_capacity(insts.len());
            for inst in insts {
                let data = &self.func.insts[inst.index()];
                if let (InstKind::CheckBound(v, _), Some(result)) = (&data.kind, data.result) {
                    let v = resolve(alias, *v);
                    if !maybe.contains(&v) {
                        alias.insert(result, v);
                        continue;
                    }
                }
                keep.push(inst);
            }
            self.func.blocks[bi].insts = keep;
        }
    }
}
