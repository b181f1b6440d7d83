//! Direct calls across modules: in a module of a program, `call` of a global bound once by a
//! top-level `from m import f` (`f` a function bound once in the workspace module `m`,
//! [`molt_semantic::imported_calls`]) with one positional argument per parameter becomes
//! `call.direct "m:f"(...) via "f"`, as a call of a function of the module itself does
//! ([`crate::direct_calls`]). Codegen calls the compiled code of `m:f` while the global
//! holds the function object of `m`'s `def` (checked when the import stores it, and watched
//! after that), and calls the global generically otherwise, so the call behaves as CPython's
//! whatever happens at run time (`m.f` rebound before the import, the importer's global
//! rebound from another module, a call before the import ran).
//!
//! Likewise `call.method m, "f"(...)` of a global `m` bound once by a top-level `import m`
//! becomes `call.direct "m:f"(...) via "m.f"`: codegen calls the compiled code while the
//! global `m` holds the module `m` (checked when the import stores it, and watched) and
//! `m`'s global `f` holds the function of its `def` (its `call.direct` slot, watched), and
//! otherwise loads `m`, reads its attribute `f` and calls it.
//!
//! This runs after the per-module pipeline, in the program's queries
//! ([`crate::linked_item_mir`]), because which file `m` is depends on the program's
//! search path.

use molt_mir::{CalleeNote, Function, Inst, InstKind, Value};
use molt_semantic::imported_calls::ImportedFunction;
use rustc_hash::FxHashMap;

use crate::{PassContext, RemarkKind};

/// Rewrites the calls of `func` through the imported globals `imported` (see the module
/// docs), with a `call.direct` remark for each and a `call.direct.missed` remark for those
/// that stay generic.
pub fn run(func: &mut Function, ctx: &mut PassContext<'_>, imported: &[ImportedFunction]) {
    if imported.is_empty() {
        return;
    }
    let by_local: FxHashMap<&str, &ImportedFunction> =
        imported.iter().map(|i| (&*i.local, i)).collect();
    // Modules whose functions are imported through a global bound to the module.
    let modules: rustc_hash::FxHashSet<&str> = imported
        .iter()
        .filter_map(|i| i.local.split_once('.').map(|(m, _)| m))
        .collect();
    let mut loads: FxHashMap<Value, &ImportedFunction> = FxHashMap::default();
    let mut module_loads: FxHashMap<Value, &str> = FxHashMap::default();
    let mut uses: FxHashMap<Value, usize> = FxHashMap::default();
    for inst in &func.insts {
        inst.kind
            .visit_operands(|v| *uses.entry(*v).or_default() += 1);
        if let (InstKind::GlobalLoad(name), Some(result)) = (&inst.kind, inst.result) {
            if let Some(found) = by_local.get(&**name) {
                loads.insert(result, found);
            } else if let Some(m) = modules.get(&**name) {
                module_loads.insert(result, m);
            }
        }
    }
    if loads.is_empty() && module_loads.is_empty() {
        return;
    }
    let mut dead_loads: Vec<Value> = Vec::new();
    let mut generic: Vec<&ImportedFunction> = Vec::new();
    // Calls whose callee read must stay before the arguments (`crate::direct_calls`).
    let apart = crate::util::calls_reading_apart(func);
    let mut direct_loads = Vec::new();
    for (i, inst) in func.insts.iter_mut().enumerate() {
        let (callee, args, found) = match &inst.kind {
            InstKind::Call { callee, args } => match loads.get(callee) {
                Some(found) => (*callee, args, *found),
                None => continue,
            },
            InstKind::CallMethod {
                receiver,
                name,
                args,
            } => match module_loads
                .get(receiver)
                .and_then(|m| by_local.get(format!("{m}.{name}").as_str()))
            {
                Some(found) => (*receiver, args, *found),
                None => continue,
            },
            _ => continue,
        };
        let (local, target) = (&found.local, &found.target);
        let shown = target.replacen(':', ".", 1);
        let called = if **local == *shown {
            format!("`{local}(...)`")
        } else {
            format!("`{local}(...)` (`{shown}`)")
        };
        let arity = found.sig.params.len();
        let why = match crate::direct_calls::never_direct(&found.sig) {
            Some(why) => Some(why.to_string()),
            None if !args.keywords.is_empty() => Some(
                "the call passes keyword arguments; pass them by position to call it directly"
                    .to_string(),
            ),
            None if args.positional.len() != arity => Some(format!(
                "it takes {arity} arguments and this call passes {}",
                args.positional.len()
            )),
            None => None,
        };
        if let Some(why) = why {
            if !found.sig.decorated && !found.sig.is_generator {
                ctx.remark(
                    "calls",
                    "call.direct.missed",
                    RemarkKind::Missed,
                    inst.span,
                    format!("{called} is called through generic dispatch: {why}"),
                );
            }
            if !found.local.contains('.') && !generic.iter().any(|g| g.local == found.local) {
                generic.push(found);
            }
            continue;
        }
        ctx.remark(
            "calls",
            "call.direct",
            RemarkKind::Applied,
            inst.span,
            format!(
                "{called} calls the compiled function of the imported module directly (no argument binding or lookup)"
            ),
        );
        let loaded = (apart.contains(&Inst(i as u32))
            && matches!(inst.kind, InstKind::Call { .. }))
        .then_some(callee);
        inst.kind = InstKind::CallDirect {
            func: target.clone(),
            args: args.positional.clone(),
            via: Some(local.clone()),
            loaded,
        };
        if loaded.is_some() {
            direct_loads.push((callee, target.clone(), Some(local.clone())));
            continue;
        }
        if let Some(n) = uses.get_mut(&callee) {
            *n -= 1;
            if *n == 0 {
                dead_loads.push(callee);
            }
        }
    }
    // Calls that stay generic: their lane says what the global holds.
    for found in generic {
        let note = CalleeNote::Function {
            params: found.sig.params.len() as u32,
            never: crate::direct_calls::never_direct(&found.sig).map(Into::into),
        };
        match func
            .callee_notes
            .iter_mut()
            .find(|(n, _)| **n == *found.local)
        {
            Some((_, old)) => *old = note,
            None => func.callee_notes.push((found.local.clone(), note)),
        }
    }
    crate::direct_calls::read_directly(func, direct_loads);
    crate::direct_calls::remove_dead_loads(func, &dead_loads);
}
