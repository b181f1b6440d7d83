//! Assumptions become guards: annotations of parameters (`def f(n: int)`) lower to `assume`
//! instructions, which are *not* facts (Python does not enforce annotations). This pass makes
//! them facts or drops them:
//!
//! - At `O1` and above, parameters annotated `int`, `float`, `bool` or `str` get an **entry
//!   guard** (exact types: an instance of a subclass of `str` runs the generic copy):
//!   the function is versioned. The entry block tests each such parameter with `is.type`; when
//!   all tests pass, control enters the original body, where the `assume`s are now proven
//!   facts; otherwise it enters a generic copy of the body in which the `assume`s are gone.
//!   Nothing a caller passes can produce a wrong answer: a float passed as `n: int` simply
//!   runs the generic copy. (Function versioning on entry type tests is the classic
//!   customization of Chambers and Ungar's SELF compiler, 1989.)
//! - Every other `assume` (other annotation types, annotated locals, and everything at `O0`)
//!   is dropped: its uses read the unannotated value, whose type inference recomputes.

use molt_mir::{Block, BlockCall, Function, InstKind, Span, Type, Value, ValueDef};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::util::{clone_blocks, remove_insts, replace_uses};
use crate::{OptLevel, PassContext, RemarkKind};

/// Guards the entry assumptions of `func` (versioning it) or drops them (see the module docs).
pub fn run(func: &mut Function, ctx: &mut PassContext<'_>) {
    let has_assume = func
        .insts
        .iter()
        .any(|d| matches!(d.kind, InstKind::Assume(..)));
    if !has_assume {
        return;
    }
    let entry = func.entry();
    let entry_params: Vec<Value> = func.blocks[entry.index()].params.clone();
    // Entry assumptions about parameters that a cheap type test can prove.
    let mut guards: Vec<(Value, Type, Span)> = Vec::new();
    if ctx.level >= OptLevel::O1 && !func.is_generator {
        for &inst in &func.blocks[entry.index()].insts {
            let data = &func.insts[inst.index()];
            if let InstKind::Assume(v, t) = &data.kind
                && entry_params.contains(v)
                && matches!(t, Type::Int | Type::Float | Type::Bool | Type::Str)
                && !guards.iter().any(|(g, _, _)| g == v)
            {
                guards.push((*v, t.clone(), data.span));
            }
        }
    }
    if !guards.is_empty() {
        version(func, &guards);
        for (v, t, span) in &guards {
            let name = param_name(func, *v);
            ctx.remark(
                "unbox",
                "guard.entry",
                RemarkKind::Applied,
                *span,
                format!(
                    "`{name}: {t}` is checked once on entry; the body is compiled for {t}, with a generic copy for other arguments"
                ),
            )
            .args
            .push(("param".into(), name));
        }
    }
    strip(func, &guards);
    molt_mir::types::infer(func);
    func.compact();
}

fn param_name(func: &Function, v: Value) -> String {
    match func.values[v.index()].def {
        ValueDef::Param(_, i) => func
            .params
            .get(i as usize)
            .map(|p| p.name.to_string())
            .unwrap_or_else(|| v.to_string()),
        ValueDef::Result(_) => v.to_string(),
    }
}

/// Moves the entry block's instructions into a new block (the specialized body), clones the
/// whole body (the generic copy), and makes the entry test the guards.
fn version(func: &mut Function, guards: &[(Value, Type, Span)]) {
    let entry = func.entry();
    let body: Vec<Block> = func
        .layout
        .iter()
        .copied()
        .filter(|b| *b != entry)
        .collect();
    // The specialized entry: the old entry's instructions and handler.
    let spec = func.create_block();
    let insts = std::mem::take(&mut func.blocks[entry.index()].insts);
    func.blocks[spec.index()].insts = insts;
    func.blocks[spec.index()].handler = func.blocks[entry.index()].handler.take();
    let mut originals = body;
    originals.push(spec);
    let (block_map, _) = clone_blocks(func, &originals);
    let generic = block_map[&spec];
    // In the generic copy, assumptions are dropped (done by `strip` for every assume not
    // proven by a guard: the copies are distinct instructions).
    // The entry: a chain of tests.
    let mut current = entry;
    for (i, (v, t, span)) in guards.iter().enumerate() {
        let ok = func
            .append_inst(current, InstKind::IsType(*v, t.clone()), Type::Bool, *span)
            .expect("is.type has a result");
        let next = if i + 1 == guards.len() {
            spec
        } else {
            func.create_block()
        };
        func.append_inst(
            current,
            InstKind::Brif(
                ok,
                BlockCall {
                    block: next,
                    args: vec![],
                },
                BlockCall {
                    block: generic,
                    args: vec![],
                },
            ),
            Type::Dyn,
            *span,
        );
        current = next;
    }
}

/// Drops every `assume` except those in blocks reached only through the entry guards (the
/// specialized body), whose `(value, type)` is in `guards`.
fn strip(func: &mut Function, guards: &[(Value, Type, Span)]) {
    // The specialized body is everything dominated by the guard chain's last success edge;
    // the generic copy is reached from every failing test. Compute the blocks reachable
    // from the generic entry without passing through the specialized entry.
    let keep: FxHashSet<molt_mir::Inst> = if guards.is_empty() {
        FxHashSet::default()
    } else {
        let doms = molt_mir::dominators::DominatorTree::compute(func);
        // The specialized entry is the first target of the last guard's brif.
        let mut spec = None;
        let mut generic = None;
        for &inst in &func.blocks[func.entry().index()].insts {
            if let InstKind::Brif(_, a, b) = &func.insts[inst.index()].kind {
                spec = Some(a.block);
                generic = Some(b.block);
            }
        }
        let mut block = spec;
        // Follow the chain of test blocks to the body.
        while let Some(b) = block {
            let last = func.blocks[b.index()].insts.last().copied();
            match last.map(|i| &func.insts[i.index()].kind) {
                Some(InstKind::Brif(_, a, g))
                    if Some(g.block) == generic
                        && func.blocks[b.index()].insts.iter().all(|i| {
                            matches!(
                                func.insts[i.index()].kind,
                                InstKind::IsType(..) | InstKind::Brif(..)
                            )
                        }) =>
                {
                    block = Some(a.block)
                }
                _ => break,
            }
        }
        let spec = block;
        func.insts
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let inst = molt_mir::Inst(i as u32);
                match &d.kind {
                    InstKind::Assume(v, t) if guards.iter().any(|(g, gt, _)| g == v && gt == t) => {
                        let b = func.blocks.iter().position(|bd| bd.insts.contains(&inst))?;
                        let b = Block(b as u32);
                        spec.filter(|s| doms.dominates(*s, b)).map(|_| inst)
                    }
                    _ => None,
                }
            })
            .collect()
    };
    let mut map: FxHashMap<Value, Value> = FxHashMap::default();
    let mut dead: FxHashSet<molt_mir::Inst> = FxHashSet::default();
    for (i, d) in func.insts.iter().enumerate() {
        let inst = molt_mir::Inst(i as u32);
        if let (InstKind::Assume(v, _), Some(r)) = (&d.kind, d.result)
            && !keep.contains(&inst)
        {
            map.insert(r, *v);
            dead.insert(inst);
        }
    }
    replace_uses(func, &map);
    remove_insts(func, &dead);
}
