//! Direct calls: `call` of a module global that is bound exactly once, by a top-level `def`,
//! with one positional argument per parameter (and no `yield`: calling a generator function
//! makes a generator object), becomes `call.direct` (the compiled code is
//! called without argument binding or a globals lookup; codegen keeps an ordinary call for the
//! time before the `def` has run).

use molt_mir::{Function, InstKind, Value};
use molt_semantic::index::ParamKind;
use rustc_hash::FxHashMap;

use crate::{PassContext, RemarkKind};

/// Rewrites eligible calls in `func`, with a `call.direct` remark for each and a
/// `call.direct.missed` remark for calls of program functions that stayed generic.
pub fn run(func: &mut Function, ctx: &mut PassContext<'_>) {
    let (db, index) = (ctx.db, ctx.index);
    // Which values are loads of directly callable globals, and how many uses each value has.
    let mut callable: FxHashMap<Value, (Box<str>, usize)> = FxHashMap::default();
    let mut uses: FxHashMap<Value, usize> = FxHashMap::default();
    let mut missed: FxHashMap<Value, (Box<str>, String)> = FxHashMap::default();
    for inst in &func.insts {
        inst.kind
            .visit_operands(|v| *uses.entry(*v).or_default() += 1);
        if let (InstKind::GlobalLoad(name), Some(result)) = (&inst.kind, inst.result) {
            let Some(sig) = index.stable_function(db.intern(name)) else {
                continue;
            };
            if sig.decorated || sig.is_generator {
                continue;
            }
            if sig
                .params
                .iter()
                .any(|p| !matches!(p.kind, ParamKind::Positional | ParamKind::PositionalOnly))
            {
                missed.insert(
                    result,
                    (
                        name.clone(),
                        "it has `*args`, `**kwargs` or keyword-only parameters".to_string(),
                    ),
                );
                continue;
            }
            callable.insert(result, (name.clone(), sig.params.len()));
        }
    }
    let mut dead_loads: Vec<Value> = Vec::new();
    for inst in &mut func.insts {
        let InstKind::Call { callee, args } = &inst.kind else {
            continue;
        };
        if let Some((name, why)) = missed.get(callee) {
            ctx.remark(
                "calls",
                "call.direct.missed",
                RemarkKind::Missed,
                inst.span,
                format!("`{name}(...)` is called through generic dispatch: {why}"),
            );
            continue;
        }
        let Some((name, arity)) = callable.get(callee) else {
            continue;
        };
        if !args.keywords.is_empty() || args.positional.len() != *arity {
            let why = if args.keywords.is_empty() {
                format!(
                    "it takes {arity} arguments and this call passes {}",
                    args.positional.len()
                )
            } else {
                "the call passes keyword arguments; pass them by position to call it directly"
                    .to_string()
            };
            ctx.remark(
                "calls",
                "call.direct.missed",
                RemarkKind::Missed,
                inst.span,
                format!("`{name}(...)` is called through generic dispatch: {why}"),
            );
            continue;
        }
        ctx.remark(
            "calls",
            "call.direct",
            RemarkKind::Applied,
            inst.span,
            format!("`{name}(...)` calls the compiled function directly (no argument binding or global lookup)"),
        );
        let callee = *callee;
        inst.kind = InstKind::CallDirect {
            func: name.clone(),
            args: args.positional.clone(),
        };
        if let Some(n) = uses.get_mut(&callee) {
            *n -= 1;
            if *n == 0 {
                dead_loads.push(callee);
            }
        }
    }
    // Drop loads no instruction uses any more.
    if !dead_loads.is_empty() {
        let dead: Vec<molt_mir::Inst> = func
            .insts
            .iter()
            .enumerate()
            .filter(|(_, d)| d.result.is_some_and(|r| dead_loads.contains(&r)))
            .map(|(i, _)| molt_mir::Inst(i as u32))
            .collect();
        for block in &mut func.blocks {
            block.insts.retain(|i| !dead.contains(i));
        }
        func.compact();
    }
}
