//! Dead code elimination: pure instructions (no side effects, cannot raise; see
//! [`crate::util::is_pure`]) whose results nobody uses are removed, repeatedly, and unused
//! parameters of ordinary blocks are dropped with their arguments. Unreachable blocks were
//! already dropped by compaction. A remark (`dce.removed`) names removed computations a
//! programmer wrote (arithmetic, comparisons, tuples), not compiler temporaries.
//!
//! First, `keepalive` operands whose lifetime nobody can observe are dropped: values that
//! are ints, floats, bools, `None`, strs or tuples of those (no finalizer can run when they
//! are freed), `const.unbound`, and block parameters that only ever receive such values. So
//! a loop counter bound to a name stays an unboxed int, and its old values need no phi.
//! The same goes for `bind` operands, which also lose the values nothing else uses (a
//! `bind` only marks where a name starts holding a value that some later instruction
//! needs; it keeps nothing alive).

use molt_mir::{Constant, Function, InstKind, Type, Value, ValueDef};
use rustc_hash::FxHashSet;

use crate::util::{is_handler, is_pure, remove_block_param, remove_insts, use_counts};
use crate::{PassContext, RemarkKind};

/// Removes dead pure instructions and unused block parameters.
pub fn run(func: &mut Function, ctx: &mut PassContext<'_>) {
    let mut any = strip_keepalives(func);
    loop {
        any |= strip_unused_binds(func);
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

/// Whether freeing a value of type `ty` can never run Python code (no `__del__`, no
/// generator to close, nothing inside that could have one).
fn type_is_inert(ty: &Type) -> bool {
    match ty {
        Type::Never | Type::None | Type::Bool | Type::Int | Type::Float | Type::Str => true,
        Type::Tuple(ts) => ts.iter().all(type_is_inert),
        _ => false,
    }
}

/// Drops the `bind` operands that no other instruction uses, and the `bind`s left empty.
/// Returns whether anything changed.
fn strip_unused_binds(func: &mut Function) -> bool {
    if !func
        .insts
        .iter()
        .any(|i| matches!(i.kind, InstKind::Bind(_)))
    {
        return false;
    }
    let uses = use_counts(func);
    let mut bind_uses = vec![0u32; func.values.len()];
    for &block in &func.layout {
        for &inst in &func.blocks[block.index()].insts {
            if let InstKind::Bind(vs) = &func.insts[inst.index()].kind {
                vs.iter().for_each(|v| bind_uses[v.index()] += 1);
            }
        }
    }
    let mut changed = false;
    let mut empty: FxHashSet<molt_mir::Inst> = FxHashSet::default();
    for &block in &func.layout {
        for &inst in &func.blocks[block.index()].insts {
            if let InstKind::Bind(vs) = &mut func.insts[inst.index()].kind {
                let before = vs.len();
                vs.retain(|v| uses[v.index()] > bind_uses[v.index()]);
                changed |= vs.len() != before;
                if vs.is_empty() {
                    empty.insert(inst);
                }
            }
        }
    }
    remove_insts(func, &empty);
    changed
}

/// Drops the `keepalive` and `bind` operands whose release nobody can observe (see the
/// module doc) and the instructions left empty. Returns whether anything changed.
fn strip_keepalives(func: &mut Function) -> bool {
    if !func
        .insts
        .iter()
        .any(|i| matches!(i.kind, InstKind::KeepAlive(_) | InstKind::Bind(_)))
    {
        return false;
    }
    // Optimistic fixpoint: every value is inert until a reason says otherwise.
    let mut inert: Vec<bool> = vec![true; func.values.len()];
    for (i, data) in func.values.iter().enumerate() {
        let by_def = match data.def {
            ValueDef::Result(inst) => {
                matches!(
                    func.insts[inst.index()].kind,
                    InstKind::Const(Constant::Unbound)
                )
            }
            ValueDef::Param(..) => false,
        };
        if !by_def && !type_is_inert(&data.ty) && !matches!(data.def, ValueDef::Param(..)) {
            inert[i] = false;
        }
    }
    // Block parameters: inert when every incoming value is (an iterator's item and the
    // entry's parameters have no incoming argument: their type decides).
    let mut incoming: Vec<Vec<Value>> = vec![Vec::new(); func.values.len()];
    let mut has_source: Vec<bool> = vec![false; func.values.len()];
    for &block in &func.layout {
        let Some(&term) = func.blocks[block.index()].insts.last() else {
            continue;
        };
        let kind = &func.insts[term.index()].kind;
        let is_iter_next = matches!(kind, InstKind::IterNext(..));
        for (n, call) in kind.successors().into_iter().enumerate() {
            let params = &func.blocks[call.block.index()].params;
            let offset = usize::from(is_iter_next && n == 0);
            for (i, a) in call.args.iter().enumerate() {
                if let Some(p) = params.get(i + offset) {
                    incoming[p.index()].push(*a);
                    has_source[p.index()] = true;
                }
            }
        }
    }
    for (i, data) in func.values.iter().enumerate() {
        if matches!(data.def, ValueDef::Param(..)) && !has_source[i] && !type_is_inert(&data.ty) {
            inert[i] = false;
        }
    }
    loop {
        let mut changed = false;
        for i in 0..func.values.len() {
            if inert[i] && incoming[i].iter().any(|a| !inert[a.index()]) {
                inert[i] = false;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut changed = false;
    let mut empty: FxHashSet<molt_mir::Inst> = FxHashSet::default();
    for &block in &func.layout {
        for &inst in &func.blocks[block.index()].insts {
            if let InstKind::KeepAlive(vs) | InstKind::Bind(vs) = &mut func.insts[inst.index()].kind
            {
                let before = vs.len();
                vs.retain(|v| !inert[v.index()]);
                changed |= vs.len() != before;
                if vs.is_empty() {
                    empty.insert(inst);
                }
            }
        }
    }
    remove_insts(func, &empty);
    changed
}
