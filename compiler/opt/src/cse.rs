//! Common subexpression elimination over the dominator tree (the dominator-based value
//! numbering of Briggs, Cooper and Simpson, "Value Numbering", SPE 1997, without the
//! algebraic identities): a pure instruction that repeats one in a dominating position reuses
//! its result. Repeated `is.type` tests are redundant guards (`guard.eliminated`); repeated
//! arithmetic, comparisons and builtin lookups are `cse.eliminated`. Instructions that
//! allocate (tuples, lists, functions) are never merged: object identity is observable.

use molt_mir::{Function, InstKind, Value, display};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::util::{is_pure, remove_insts, replace_uses};
use crate::{PassContext, RemarkKind};

/// Runs CSE on `func`.
pub fn run(func: &mut Function, ctx: &mut PassContext<'_>) {
    let doms = molt_mir::dominators::DominatorTree::compute(func);
    let mut seen: FxHashMap<String, Vec<(molt_mir::Block, Value)>> = FxHashMap::default();
    let mut map: FxHashMap<Value, Value> = FxHashMap::default();
    let mut dead: FxHashSet<molt_mir::Inst> = FxHashSet::default();
    for &block in doms.reverse_postorder() {
        for &inst in &func.blocks[block.index()].insts {
            let data = &func.insts[inst.index()];
            let Some(r) = data.result else { continue };
            let candidate = matches!(
                data.kind,
                InstKind::BuiltinLoad(_)
                    | InstKind::IsType(..)
                    | InstKind::Binary { .. }
                    | InstKind::Compare(..)
                    | InstKind::Truthy(_)
                    | InstKind::Extract(..)
            ) && is_pure(func, data);
            if !candidate {
                continue;
            }
            // The key: the instruction's text with operands already rewritten.
            let mut kind = data.kind.clone();
            kind.map_operands(|v| *map.get(&v).unwrap_or(&v));
            let key = display::kind_text(&kind);
            let entry = seen.entry(key).or_default();
            // An earlier block with a handler may raise before the value is defined, and the
            // handler side is dominated too: reuse across blocks only from handler-free ones.
            let available = |b: &molt_mir::Block| {
                *b == block
                    || (doms.dominates(*b, block) && func.blocks[b.index()].handler.is_none())
            };
            if let Some(&(_, earlier)) = entry.iter().find(|(b, _)| available(b)) {
                map.insert(r, earlier);
                dead.insert(inst);
                let (name, message) = match data.kind {
                    InstKind::IsType(..) => (
                        "guard.eliminated",
                        "this type check repeats one that already passed; it was removed",
                    ),
                    InstKind::BuiltinLoad(_) => (
                        "cse.eliminated",
                        "this builtin was already looked up; the earlier result is reused",
                    ),
                    _ => (
                        "cse.eliminated",
                        "this computation repeats an earlier one with the same operands; the earlier result is reused",
                    ),
                };
                if !matches!(data.kind, InstKind::Extract(..)) {
                    ctx.remark("cse", name, RemarkKind::Applied, data.span, message);
                }
            } else {
                entry.push((block, r));
            }
        }
    }
    if map.is_empty() {
        return;
    }
    replace_uses(func, &map);
    remove_insts(func, &dead);
    molt_mir::types::infer(func);
    func.compact();
}
