//! Direct calls: `call` of a module global that is bound exactly once, by a top-level `def`,
//! with one positional argument per parameter (and no `yield`: calling a generator function
//! makes a generator object), becomes `call.direct` (the compiled code is
//! called without argument binding or a globals lookup; codegen keeps an ordinary call for the
//! time before the `def` has run).

use molt_db::Db;
use molt_mir::{Function, InstKind, Value};
use molt_semantic::ModuleIndex;
use molt_semantic::index::ParamKind;
use rustc_hash::FxHashMap;

/// Rewrites eligible calls in `func`; returns how many were rewritten.
pub fn run(db: &dyn Db, index: &ModuleIndex, func: &mut Function) -> usize {
    // Which values are loads of directly callable globals, and how many uses each value has.
    let mut callable: FxHashMap<Value, (Box<str>, usize)> = FxHashMap::default();
    let mut uses: FxHashMap<Value, usize> = FxHashMap::default();
    for inst in &func.insts {
        inst.kind
            .visit_operands(|v| *uses.entry(*v).or_default() += 1);
        if let (InstKind::GlobalLoad(name), Some(result)) = (&inst.kind, inst.result) {
            let Some(sig) = index.stable_function(db.intern(name)) else {
                continue;
            };
            if sig.decorated
                || sig.is_generator
                || sig
                    .params
                    .iter()
                    .any(|p| !matches!(p.kind, ParamKind::Positional | ParamKind::PositionalOnly))
            {
                continue;
            }
            callable.insert(result, (name.clone(), sig.params.len()));
        }
    }
    let mut rewritten = 0;
    let mut dead_loads: Vec<Value> = Vec::new();
    for inst in &mut func.insts {
        let InstKind::Call { callee, args } = &inst.kind else {
            continue;
        };
        let Some((name, arity)) = callable.get(callee) else {
            continue;
        };
        if !args.keywords.is_empty() || args.positional.len() != *arity {
            continue;
        }
        let callee = *callee;
        inst.kind = InstKind::CallDirect {
            func: name.clone(),
            args: args.positional.clone(),
        };
        rewritten += 1;
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
    rewritten
}
