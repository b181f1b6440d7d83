//! Liveness of MIR values, for reference counting in generated code.
//!
//! Classic backward dataflow over basic blocks (Aho, Lam, Sethi, Ullman, "Compilers", §9.2.5):
//! `live_in(B) = uses(B) ∪ (live_out(B) − defs(B))`, `live_out(B) = ∪ live_in(S)` over the
//! successors `S` of `B`, which include its exception handler: a handler may be entered from
//! any instruction of the block, so what it needs is live throughout the block. Block
//! parameters are defined by their block; branch arguments are uses of the branching block.

use molt_mir::{Block, Function, Value};
use rustc_hash::FxHashSet;

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
