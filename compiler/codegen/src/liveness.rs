//! Liveness of MIR values, for reference counting in generated code.
//!
//! Classic backward dataflow over basic blocks (Aho, Lam, Sethi, Ullman, "Compilers", §9.2.5):
//! `live_in(B) = uses(B) ∪ (live_out(B) − defs(B))`, `live_out(B) = ∪ live_in(S)` over the
//! successors `S` of `B`, which include its exception handler: a handler may be entered from
//! any instruction of the block, so what it needs is live throughout the block. Block
//! parameters are defined by their block; branch arguments are uses of the branching block.

use molt_mir::{Block, Function, InstKind, Value};
use rustc_hash::{FxHashMap, FxHashSet};

/// Live-in sets per block (indexed by block number).
pub struct Liveness {
    /// Values live on entry to each block (not counting its own parameters).
    pub live_in: Vec<FxHashSet<Value>>,
    /// Values live on exit from each block.
    pub live_out: Vec<FxHashSet<Value>>,
}

impl Liveness {
    /// Computes liveness for `func` to a fixpoint.
    pub fn compute(func: &Function) -> Liveness {
        let n = func.blocks.len();
        let mut uses: Vec<FxHashSet<Value>> = vec![FxHashSet::default(); n];
        let mut defs: Vec<FxHashSet<Value>> = vec![FxHashSet::default(); n];
        for (bi, data) in func.blocks.iter().enumerate() {
            defs[bi].extend(data.params.iter().copied());
            for inst in &data.insts {
                let inst = &func.insts[inst.index()];
                inst.kind.visit_operands(|v| {
                    if !defs[bi].contains(v) {
                        uses[bi].insert(*v);
                    }
                });
                if let Some(r) = inst.result {
                    defs[bi].insert(r);
                }
            }
        }
        let mut live_in: Vec<FxHashSet<Value>> = vec![FxHashSet::default(); n];
        let mut live_out: Vec<FxHashSet<Value>> = vec![FxHashSet::default(); n];
        let order = func.reverse_postorder();
        loop {
            let mut changed = false;
            for &block in order.iter().rev() {
                let b = block.index();
                let mut out = FxHashSet::default();
                for s in func.successors(block) {
                    out.extend(live_in[s.index()].iter().copied());
                }
                let mut inn: FxHashSet<Value> = out
                    .iter()
                    .filter(|v| !defs[b].contains(v))
                    .copied()
                    .collect();
                inn.extend(uses[b].iter().copied());
                if inn != live_in[b] {
                    live_in[b] = inn;
                    changed = true;
                }
                if out != live_out[b] {
                    live_out[b] = out;
                    changed = true;
                }
            }
            if !changed {
                return Liveness { live_in, live_out };
            }
        }
    }

    /// Values live on entry to `block`.
    pub fn live_in(&self, block: Block) -> &FxHashSet<Value> {
        &self.live_in[block.index()]
    }
}

/// Values held by Python names, per block: the values some later `keepalive` still needs
/// (the same backward dataflow as [`Liveness`], where only `keepalive` operands, and branch
/// arguments bound to a held block parameter, count as uses), except before a `bind` of
/// them (a temporary that a name holds only from the `bind` on).
///
/// Lowering lists a name's value in a `keepalive` where the name is rebound and at every
/// frame exit (and on the back edges of loops that only an exception can leave), so a value
/// a name holds at some point is held there. When an exception leaves the function, codegen
/// hands the held values to the exception (CPython's traceback keeps the frame and its
/// locals alive until the exception dies) and releases the others (CPython's value stack is
/// unwound).
pub struct Held {
    /// Values held at the start of each block, its own parameters included.
    top: Vec<FxHashSet<Value>>,
    /// Values held at the end of each block (before its terminator's branch arguments).
    out: Vec<FxHashSet<Value>>,
}

impl Held {
    /// Computes the held sets of `func` to a fixpoint.
    pub fn compute(func: &Function) -> Held {
        let n = func.blocks.len();
        let mut held = Held {
            top: vec![FxHashSet::default(); n],
            out: vec![FxHashSet::default(); n],
        };
        let order = func.reverse_postorder();
        loop {
            let mut changed = false;
            for &block in order.iter().rev() {
                let b = block.index();
                let mut out = FxHashSet::default();
                for s in func.successors(block) {
                    let params = &func.blocks[s.index()].params;
                    out.extend(
                        held.top[s.index()]
                            .iter()
                            .filter(|v| !params.contains(v))
                            .copied(),
                    );
                }
                let mut set = out.clone();
                for inst in func.blocks[b].insts.iter().rev() {
                    held.step_back(func, &func.insts[inst.index()], &mut set);
                }
                if set != held.top[b] {
                    held.top[b] = set;
                    changed = true;
                }
                if out != held.out[b] {
                    held.out[b] = out;
                    changed = true;
                }
            }
            if !changed {
                return held;
            }
        }
    }

    /// Values held at the end of `block`.
    pub fn out(&self, block: Block) -> &FxHashSet<Value> {
        &self.out[block.index()]
    }

    /// Moves `set` from after `inst` to before it.
    pub fn step_back(
        &self,
        func: &Function,
        inst: &molt_mir::InstData,
        set: &mut FxHashSet<Value>,
    ) {
        self.step_back_delta(func, inst, set, &mut Vec::new(), &mut Vec::new());
    }

    /// [`Held::step_back`] that also says what changed: pushes to `inserted` the values held
    /// before `inst` and not after it, and to `removed` those held after it and not before
    /// (its result, the operands of a `bind`).
    pub fn step_back_delta(
        &self,
        func: &Function,
        inst: &molt_mir::InstData,
        set: &mut FxHashSet<Value>,
        inserted: &mut Vec<Value>,
        removed: &mut Vec<Value>,
    ) {
        if let Some(r) = inst.result.filter(|r| set.remove(r)) {
            removed.push(r);
        }
        match &inst.kind {
            InstKind::KeepAlive(vs) => {
                for v in vs {
                    if set.insert(*v) {
                        inserted.push(*v);
                    }
                }
            }
            // Before a `bind`, its operands are temporaries: no name holds them yet.
            InstKind::Bind(vs) => {
                for v in vs {
                    if set.remove(v) {
                        removed.push(*v);
                    }
                }
            }
            kind => {
                let is_iter_next = matches!(kind, InstKind::IterNext(..));
                for (n, call) in kind.successors().into_iter().enumerate() {
                    let params = &func.blocks[call.block.index()].params;
                    let offset = usize::from(is_iter_next && n == 0);
                    for (i, a) in call.args.iter().enumerate() {
                        if params
                            .get(i + offset)
                            .is_some_and(|p| self.top[call.block.index()].contains(p))
                            && set.insert(*a)
                        {
                            inserted.push(*a);
                        }
                    }
                }
            }
        }
    }
}

/// Where a value held by an inlined comprehension's frame stands in the order that frame
/// releases it: `(frame, position)`, `frame` indexing [`Function::inlined_frames`] (an inner
/// comprehension comes after the one it is nested in), `position` its place in the frame's
/// exit `keepalive` (the first iterable, `.0`, then the variables).
pub type FrameSlot = (u32, u32);

/// Values held by the frames of inlined comprehensions, per block: the values the exit
/// `keepalive` of a comprehension (lowering gives it the comprehension's span, the
/// [`molt_mir::InlinedFrame::span`] of its frame) still needs, as [`Held`] computes for all
/// `keepalive`s. An exception raised inside a comprehension leaves its frame whatever
/// handler catches it, so codegen hands these values to the exception on every exception
/// edge (CPython's traceback keeps the comprehension's frame, and its `.0` and variables,
/// until the exception is freed).
pub struct FrameHeld {
    /// Values held at the start of each block, its own parameters included.
    top: Vec<FxHashMap<Value, FrameSlot>>,
    /// Values held at the end of each block (before its terminator's branch arguments).
    out: Vec<FxHashMap<Value, FrameSlot>>,
    /// Whether the block holds the exit `keepalive` of a comprehension.
    has_exit: Vec<bool>,
    /// For each instruction whose `keepalive` is a comprehension's exit, its frame.
    exits: FxHashMap<molt_mir::Inst, u32>,
}

impl FrameHeld {
    /// Computes the sets of `func` to a fixpoint (nothing to compute in a function without
    /// inlined comprehensions).
    pub fn compute(func: &Function) -> FrameHeld {
        let n = func.blocks.len();
        let mut held = FrameHeld {
            top: vec![FxHashMap::default(); n],
            out: vec![FxHashMap::default(); n],
            has_exit: vec![false; n],
            exits: FxHashMap::default(),
        };
        let frames: FxHashMap<molt_mir::Span, u32> = func
            .inlined_frames
            .iter()
            .enumerate()
            .filter(|(_, f)| f.name.starts_with('<') && f.name.ends_with("comp>"))
            .map(|(i, f)| (f.span, i as u32))
            .collect();
        if frames.is_empty() {
            return held;
        }
        for (bi, data) in func.blocks.iter().enumerate() {
            for &inst in &data.insts {
                let d = &func.insts[inst.index()];
                if let (InstKind::KeepAlive(_), Some(&frame)) = (&d.kind, frames.get(&d.span)) {
                    held.exits.insert(inst, frame);
                    held.has_exit[bi] = true;
                }
            }
        }
        if held.exits.is_empty() {
            return held;
        }
        let order = func.reverse_postorder();
        loop {
            let mut changed = false;
            for &block in order.iter().rev() {
                let b = block.index();
                let mut out = FxHashMap::default();
                for s in func.successors(block) {
                    let params = &func.blocks[s.index()].params;
                    out.extend(
                        held.top[s.index()]
                            .iter()
                            .filter(|(v, _)| !params.contains(v))
                            .map(|(v, s)| (*v, *s)),
                    );
                }
                let mut set = out.clone();
                for &inst in func.blocks[b].insts.iter().rev() {
                    held.step_back(func, inst, &mut set);
                }
                if set != held.top[b] {
                    held.top[b] = set;
                    changed = true;
                }
                if out != held.out[b] {
                    held.out[b] = out;
                    changed = true;
                }
            }
            if !changed {
                return held;
            }
        }
    }

    /// The values held after instruction `index` of `block`, in the order the exception
    /// releases them: the innermost frame first, each frame's values in its own order.
    pub fn after(&self, func: &Function, block: Block, index: usize) -> Vec<Value> {
        let b = block.index();
        if self.out[b].is_empty() && !self.has_exit[b] {
            return Vec::new();
        }
        let mut set = self.out[b].clone();
        let insts = &func.blocks[b].insts;
        for &inst in insts.iter().skip(index + 1).rev() {
            self.step_back(func, inst, &mut set);
        }
        let mut values: Vec<(Value, FrameSlot)> = set.into_iter().collect();
        values.sort_by_key(|&(v, (frame, pos))| (std::cmp::Reverse(frame), pos, v.index()));
        values.into_iter().map(|(v, _)| v).collect()
    }

    /// Moves `set` from after `inst` to before it.
    fn step_back(
        &self,
        func: &Function,
        inst: molt_mir::Inst,
        set: &mut FxHashMap<Value, FrameSlot>,
    ) {
        let d = &func.insts[inst.index()];
        if let Some(r) = d.result {
            set.remove(&r);
        }
        match &d.kind {
            InstKind::KeepAlive(vs) => {
                if let Some(&frame) = self.exits.get(&inst) {
                    for (pos, v) in vs.iter().enumerate() {
                        set.insert(*v, (frame, pos as u32));
                    }
                }
            }
            InstKind::Bind(vs) => {
                for v in vs {
                    set.remove(v);
                }
            }
            kind => {
                let is_iter_next = matches!(kind, InstKind::IterNext(..));
                for (n, call) in kind.successors().into_iter().enumerate() {
                    let params = &func.blocks[call.block.index()].params;
                    let offset = usize::from(is_iter_next && n == 0);
                    for (i, a) in call.args.iter().enumerate() {
                        let slot = params
                            .get(i + offset)
                            .and_then(|p| self.top[call.block.index()].get(p));
                        if let Some(&slot) = slot {
                            set.insert(*a, slot);
                        }
                    }
                }
            }
        }
    }
}
