//! Dead code elimination: pure instructions (no side effects, cannot raise; see
//! [`crate::util::is_pure`]) whose results nobody uses are removed, repeatedly, and unused
//! parameters of ordinary blocks are dropped with their arguments. Unreachable blocks were
//! already dropped by compaction. A remark (`dce.removed`) names removed computations a
//! programmer wrote (arithmetic, comparisons, tuples), not compiler temporaries.

use molt_mir::{Function, InstKind};
use rustc_hash::FxHashSet;

use crate::util::{is_handler, is_pure, remove_block_param, remove_insts, use_counts};
use crate::{PassContext, RemarkKind};

/// Removes dead pure instructions and unused block parameters.
pub fn run(func: &mut Function, ctx: &mut PassContext<'_>) {
    let mut any = false;
    loop {
        let uses = use_counts(func);
        let mut dead: FxHashSet<molt_mir::Inst> = FxHashSet::default();
        for &block in &func.layout {
            for &inst in &func.blocks[block.index()].insts {
                let data = &func.insts[inst.index()];
                if let Some(r) = data.result
                    && uses[r.index()] == 0
                    && is_pure(func, data)
                {
                    if matches!(
                        data.kind,
                        InstKind::Binary { .. } | InstKind::Compare(..) | InstKind::BuildTuple(_)
                    ) {
                        ctx.remark(
                            "dce",
                            "dce.removed",
                            RemarkKind::Analysis,
                            data.span,
                            "this value is never used; its computation was removed",
                        );
                    }
                    dead.insert(inst);
                }
            }
        }
        // Unused parameters of ordinary blocks (not the entry, not handlers, not an
        // iterator's item).
        let mut params: Vec<(molt_mir::Block, usize)> = Vec::new();
        for &block in &func.layout {
            if block.0 == 0 || is_handler(func, block) {
                continue;
            }
            for (i, p) in func.blocks[block.index()].params.iter().enumerate() {
                if uses[p.index()] == 0 && !is_iter_item(func, block, i) {
                    params.push((block, i));
                }
            }
        }
        if dead.is_empty() && params.is_empty() {
            break;
        }
        any = true;
        remove_insts(func, &dead);
        params.sort_unstable_by(|a, b| b.1.cmp(&a.1));
        for (block, i) in params {
            remove_block_param(func, block, i);
        }
    }
    if any {
        func.compact();
    }
}

/// Whether parameter `index` of `block` receives an `iter.next` item (it has no argument to
/// drop: the item always arrives).
fn is_iter_item(func: &Function, block: molt_mir::Block, index: usize) -> bool {
    index == 0
        && func.layout.iter().any(|b| {
            func.blocks[b.index()].insts.last().is_some_and(|t| {
                matches!(&func.insts[t.index()].kind, InstKind::IterNext(_, body, _) if body.block == block)
            })
        })
}
