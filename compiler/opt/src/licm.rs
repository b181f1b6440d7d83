//! Loop-invariant code motion: in each natural loop (a header that dominates the sources of
//! its back edges; Aho, Sethi and Ullman, "Compilers", §9.6) with a single entry edge from a
//! block that jumps only to the header (the preheader), instructions whose operands are all
//! defined outside the loop move to the end of the preheader when they are pure (cannot raise,
//! no side effects) and do not allocate, and `len(x)` of a list, tuple, str, dict or set
//! defined outside the loop moves too when nothing in the loop can change `x` (no calls other
//! than `len`, no item or attribute stores). Because hoisted instructions cannot raise,
//! executing them before a loop that runs zero times is unobservable.
//!
//! Reads of module globals stay inside the loop (any call may rebind a global, and a missing
//! global raises `NameError` at the read): `licm.missed` says so once per name and loop.

use molt_mir::{Block, Function, Inst, InstKind, Type, Value, ValueDef};
use rustc_hash::FxHashSet;

use crate::util::{inst_blocks, is_pure};
use crate::{PassContext, RemarkKind};

/// Hoists invariant instructions out of every loop of `func`.
pub fn run(func: &mut Function, ctx: &mut PassContext<'_>) {
    let mut any = false;
    let mut reported: FxHashSet<(Block, Box<str>)> = FxHashSet::default();
    // Inner loops first: a second round hoists what became invariant in the outer loop.
    for _ in 0..3 {
        let doms = molt_mir::dominators::DominatorTree::compute(func);
        let preds = molt_mir::dominators::predecessors(func);
        let mut headers: Vec<Block> = doms.reverse_postorder().to_vec();
        headers.reverse();
        let mut changed = false;
        for header in headers {
            let back = doms.back_edges(&preds, header);
            if back.is_empty() {
                continue;
            }
            let body: FxHashSet<Block> = molt_mir::dominators::natural_loop(&preds, header, &back)
                .into_iter()
                .collect();
            let entries: Vec<Block> = preds[header.index()]
                .iter()
                .copied()
                .filter(|p| !body.contains(p))
                .collect();
            let [pre] = entries.as_slice() else { continue };
            let pre = *pre;
            let Some(&pre_term) = func.blocks[pre.index()].insts.last() else {
                continue;
            };
            if !matches!(&func.insts[pre_term.index()].kind, InstKind::Jump(c) if c.block == header)
            {
                continue;
            }
            changed |= hoist(func, ctx, &doms, header, pre, &body, &mut reported);
        }
        if !changed {
            break;
        }
        any = true;
    }
    if any {
        molt_mir::types::infer(func);
        func.compact();
    }
}

#[allow(clippy::too_many_arguments)]
fn hoist(
    func: &mut Function,
    ctx: &mut PassContext<'_>,
    doms: &molt_mir::dominators::DominatorTree,
    header: Block,
    pre: Block,
    body: &FxHashSet<Block>,
    reported: &mut FxHashSet<(Block, Box<str>)>,
) -> bool {
    let where_ = inst_blocks(func);
    let defined_in_loop = |func: &Function, v: Value, hoisted: &FxHashSet<Value>| {
        !hoisted.contains(&v)
            && match func.values[v.index()].def {
                ValueDef::Param(b, _) => body.contains(&b),
                ValueDef::Result(i) => where_.get(&i).is_some_and(|b| body.contains(b)),
            }
    };
    // Can anything in the loop change a container?
    let mut mutates = false;
    for &b in body {
        for &i in &func.blocks[b.index()].insts {
            match &func.insts[i.index()].kind {
                InstKind::Call { callee, .. } => {
                    let is_len = matches!(func.values[callee.index()].def,
                        ValueDef::Result(d) if matches!(&func.insts[d.index()].kind, InstKind::BuiltinLoad(n) if &**n == "len"));
                    mutates |= !is_len;
                }
                InstKind::CallDirect { .. }
                | InstKind::CallEx { .. }
                | InstKind::KwargsMerge(..)
                | InstKind::StarExtend(..)
                | InstKind::CallMethod { .. }
                | InstKind::MethodLoad(..)
                | InstKind::MethodLoadDirect { .. }
                | InstKind::CallMethodLoaded { .. }
                | InstKind::CallMethodDirect { .. }
                | InstKind::CallSuper { .. }
                | InstKind::CallClassDirect { .. }
                | InstKind::SetItem(..)
                | InstKind::DelItem(..)
                | InstKind::SetAttr(..)
                | InstKind::SetAttrSlot(..)
                | InstKind::DelAttr(..)
                | InstKind::Yield(_) => mutates = true,
                _ => {}
            }
        }
    }
    let mut order: Vec<Block> = doms
        .reverse_postorder()
        .iter()
        .copied()
        .filter(|b| body.contains(b))
        .collect();
    order.retain(|b| doms.dominates(header, *b));
    let mut hoisted_values: FxHashSet<Value> = FxHashSet::default();
    let mut moved: Vec<(Block, Inst)> = Vec::new();
    for &b in &order {
        for &i in &func.blocks[b.index()].insts {
            let data = &func.insts[i.index()];
            let Some(r) = data.result else { continue };
            let operands_outside = data
                .kind
                .operands()
                .iter()
                .all(|v| !defined_in_loop(func, *v, &hoisted_values));
            if !operands_outside {
                continue;
            }
            let allocates = matches!(
                data.kind,
                InstKind::BuildTuple(_)
                    | InstKind::BuildList(_)
                    | InstKind::BuildString(_)
                    | InstKind::MakeFunction { .. }
                    | InstKind::CellNew(_)
                    | InstKind::FreeVar(_)
            );
            let is_len_call = match &data.kind {
                InstKind::Call { callee, args } => {
                    let callee_is_len = matches!(func.values[callee.index()].def,
                        ValueDef::Result(d) if matches!(&func.insts[d.index()].kind, InstKind::BuiltinLoad(n) if &**n == "len"));
                    callee_is_len
                        && args.keywords.is_empty()
                        && args.positional.len() == 1
                        && matches!(
                            func.ty(args.positional[0]),
                            Type::List(_)
                                | Type::Tuple(_)
                                | Type::Str
                                | Type::Dict(..)
                                | Type::Set(_)
                        )
                }
                _ => false,
            };
            if (is_pure(func, data) && !allocates) || (is_len_call && !mutates) {
                hoisted_values.insert(r);
                moved.push((b, i));
                let message = match &data.kind {
                    InstKind::Const(_) => None,
                    InstKind::BuiltinLoad(n) => Some(format!(
                        "builtin `{n}` is looked up once before the loop"
                    )),
                    InstKind::Call { .. } => Some(
                        "`len()` of a container the loop does not change is computed once before the loop"
                            .to_string(),
                    ),
                    _ => Some("this computation does not change inside the loop; it runs once before the loop".to_string()),
                };
                if let Some(message) = message {
                    ctx.remark(
                        "licm",
                        "licm.hoisted",
                        RemarkKind::Applied,
                        data.span,
                        message,
                    );
                }
            } else if let InstKind::GlobalLoad(name) = &data.kind
                && reported.insert((header, name.clone()))
            {
                let why = if mutates {
                    "the loop calls code that could rebind it"
                } else {
                    "reading a global can raise NameError, so the read stays where it is"
                };
                ctx.remark(
                    "licm",
                    "licm.missed",
                    RemarkKind::Missed,
                    data.span,
                    format!("global `{name}` is read on every iteration: {why}; copy it to a local before the loop"),
                );
            }
        }
    }
    if moved.is_empty() {
        return false;
    }
    for (b, i) in &moved {
        func.blocks[b.index()].insts.retain(|x| x != i);
    }
    let insts = &mut func.blocks[pre.index()].insts;
    let term = insts.pop();
    insts.extend(moved.iter().map(|(_, i)| *i));
    insts.extend(term);
    true
}
