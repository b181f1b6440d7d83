//! Direct calls: `call` of a module global that is bound exactly once, by a top-level `def`,
//! with one positional argument per parameter (and no `yield`: calling a generator function
//! makes a generator object), becomes `call.direct` (the compiled code is
//! called without argument binding or a globals lookup; codegen keeps an ordinary call for the
//! time before the `def` has run).
//!
//! CPython reads the callee before it evaluates the arguments, so `k(1 // 0)` run before
//! `def k` raises `NameError`, and a call whose arguments rebind `k` calls the old `k`. When
//! something between the read and the call could raise or run code
//! ([`crate::util::calls_reading_apart`]), the read stays where it is as `global.load.direct` (the
//! function from its slot, or the generic lookup before the `def` has run) and the call
//! becomes `call.direct ... loaded`, which calls the compiled code when the value read is
//! still the function in the slot. Otherwise the read moves into the call.
//!
//! Method calls: `call.method recv, "m"(...)` becomes `call.method.direct` when the method it
//! will most likely reach is known: `self.m()` in a method of class `C` (the `m` that `C` or
//! its nearest base class in this module defines; `self` also when the method reads it from
//! the cell a nested function or comprehension shares), or, for any receiver, the only `m` that a
//! class of this module defines. Codegen checks that guess at run time with an inline cache
//! (the receiver's class shape, and the function found there being that method's code), so a
//! subclass override or a patched class takes the generic path. A method looked up before its
//! arguments (`method.load` + `call.method.loaded`, see [`crate::method_loads`]) gets the same
//! guess on its load, which becomes `method.load.direct`.

use molt_mir::{CalleeNote, Function, Inst, InstKind, Value, ValueDef};
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
    // Every load of a global, for the notes on calls that stay generic.
    let mut globals: FxHashMap<Value, Box<str>> = FxHashMap::default();
    for inst in &func.insts {
        inst.kind
            .visit_operands(|v| *uses.entry(*v).or_default() += 1);
        if let (InstKind::GlobalLoad(name), Some(result)) = (&inst.kind, inst.result) {
            globals.insert(result, name.clone());
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
    // Calls whose callee read stays before the arguments (see the module doc).
    let apart = crate::util::calls_reading_apart(func);
    let mut direct_loads = Vec::new();
    for (i, inst) in func.insts.iter_mut().enumerate() {
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
            if apart.contains(&Inst(i as u32)) {
                format!("`{name}(...)` calls the compiled function directly (no argument binding; `{name}` is read before the arguments, as CPython does, from the slot its `def` fills)")
            } else {
                format!("`{name}(...)` calls the compiled function directly (no argument binding or global lookup)")
            },
        );
        let callee = *callee;
        if apart.contains(&Inst(i as u32)) {
            inst.kind = InstKind::CallDirect {
                func: name.clone(),
                args: args.positional.clone(),
                via: None,
                loaded: Some(callee),
            };
            direct_loads.push((callee, name.clone(), None));
            continue;
        }
        inst.kind = InstKind::CallDirect {
            func: name.clone(),
            args: args.positional.clone(),
            via: None,
            loaded: None,
        };
        if let Some(n) = uses.get_mut(&callee) {
            *n -= 1;
            if *n == 0 {
                dead_loads.push(callee);
            }
        }
    }
    read_directly(func, direct_loads);
    note_generic_callees(func, ctx, &globals);
    method_calls(func, ctx);
    // Drop loads no instruction uses any more.
    remove_dead_loads(func, &dead_loads);
}

/// Turns the `global.load`s defining the callees of `call.direct ... loaded` into
/// `global.load.direct`: `loads` holds, per loaded value, the MIR function the call expects
/// and, for a function of another module, the global of this module it is read through.
pub(crate) fn read_directly(func: &mut Function, loads: Vec<(Value, Box<str>, Option<Box<str>>)>) {
    for (v, target, via) in loads {
        let ValueDef::Result(load) = func.values[v.index()].def else {
            continue;
        };
        let data = &mut func.insts[load.index()];
        if matches!(data.kind, InstKind::GlobalLoad(_)) {
            data.kind = InstKind::GlobalLoadDirect { func: target, via };
        }
    }
}

/// Removes the instructions defining `dead` (callee loads no instruction uses any more) and
/// compacts `func`; nothing when `dead` is empty.
pub(crate) fn remove_dead_loads(func: &mut Function, dead: &[Value]) {
    if dead.is_empty() {
        return;
    }
    let insts: Vec<molt_mir::Inst> = func
        .insts
        .iter()
        .enumerate()
        .filter(|(_, d)| d.result.is_some_and(|r| dead.contains(&r)))
        .map(|(i, _)| molt_mir::Inst(i as u32))
        .collect();
    for block in &mut func.blocks {
        block.insts.retain(|i| !insts.contains(i));
    }
    func.compact();
}

/// Why calls of `sig` can never be direct (same module or across modules), if they cannot.
pub(crate) fn never_direct(sig: &molt_semantic::FunctionSig) -> Option<&'static str> {
    if sig.decorated {
        Some("it is decorated, so the name holds what the decorator returned")
    } else if sig.is_generator {
        Some("it is a generator function (calling it makes a generator object)")
    } else if sig
        .params
        .iter()
        .any(|p| !matches!(p.kind, ParamKind::Positional | ParamKind::PositionalOnly))
    {
        Some("it has `*args`, `**kwargs` or keyword-only parameters")
    } else {
        None
    }
}

/// Notes, for each global that a call still calls generically, what the module binds it to
/// ([`molt_mir::CalleeNote`]), so the call's lane can say why it is not direct.
fn note_generic_callees(
    func: &mut Function,
    ctx: &PassContext<'_>,
    globals: &FxHashMap<Value, Box<str>>,
) {
    let (db, index) = (ctx.db, ctx.index);
    let mut notes: Vec<(Box<str>, CalleeNote)> = Vec::new();
    for inst in &func.insts {
        let InstKind::Call { callee, .. } = &inst.kind else {
            continue;
        };
        let Some(name) = globals.get(callee) else {
            continue;
        };
        if notes.iter().any(|(n, _)| n == name) {
            continue;
        }
        let sym = db.intern(name);
        let note = if index.stable_class(sym).is_some() {
            CalleeNote::Class
        } else if let Some(sig) = index.stable_function(sym) {
            let never = never_direct(sig);
            CalleeNote::Function {
                params: sig.params.len() as u32,
                never: never.map(Into::into),
            }
        } else if index.is_rebound(sym) {
            CalleeNote::Other(
                "is bound more than once in this module (or through `global`), so the compiler cannot tell which function it holds".into(),
            )
        } else if index.is_global(sym) {
            CalleeNote::Other(
                "is bound by an assignment or an import rather than a `def` of this module, so its value is only known at run time".into(),
            )
        } else {
            continue;
        };
        notes.push((name.clone(), note));
    }
    func.callee_notes = notes;
}

/// The class (by name) whose method `name` a call on `self` in `func` reaches first, walking
/// the bases this module defines.
fn resolve_method<'i>(
    index: &'i molt_semantic::ModuleIndex,
    class: molt_db::Symbol,
    name: molt_db::Symbol,
) -> Option<(&'i molt_semantic::ClassInfo, &'i molt_semantic::FunctionSig)> {
    let mut current = class;
    for _ in 0..=index.classes.len() {
        let info = index.only_class(current)?;
        if let Some(sig) = info.method(name) {
            return Some((info, sig));
        }
        current = info.base?;
    }
    None
}

/// Rewrites method calls whose target is known (see the module documentation).
fn method_calls(func: &mut Function, ctx: &mut PassContext<'_>) {
    let (db, index) = (ctx.db, ctx.index);
    // `self`: entry parameter 0 of a plain method of a class of this module.
    let self_class = func.name.split_once('.').and_then(|(class, method)| {
        let class = db.intern(class);
        let info = index.first_class(class)?;
        let sig = info.method(db.intern(method))?;
        (!sig.decorated && !func.params.is_empty()).then_some(class)
    });
    let self_value = func
        .layout
        .first()
        .and_then(|b| func.blocks[b.index()].params.first().copied());
    // `self` read from its cell (a nested function or comprehension captures it): a
    // `cell.load` of the first parameter's name. (A closure could rebind it with
    // `nonlocal`; the inline cache checks the guess at run time anyway.)
    let self_name = func.params.first().map(|p| p.name.clone());
    let is_self = |v: Value| {
        Some(v) == self_value
            || match func.values[v.index()].def {
                ValueDef::Result(def) => matches!(
                    &func.insts[def.index()].kind,
                    InstKind::CellLoad(_, n) if Some(n) == self_name.as_ref()
                ),
                ValueDef::Param(..) => false,
            }
    };
    let mut rewrites = Vec::new();
    for (i, inst) in func.insts.iter().enumerate() {
        // `call.method`, or `call.method.loaded` of a `method.load` on the same receiver
        // (whose load becomes `method.load.direct`: the index `load` of the rewrite).
        let (receiver, name, args, load) = match &inst.kind {
            InstKind::CallMethod {
                receiver,
                name,
                args,
            } => (receiver, name, args, None),
            InstKind::CallMethodLoaded {
                receiver,
                method,
                name,
                args,
            } => match func.values[method.index()].def {
                molt_mir::ValueDef::Result(l)
                    if matches!(&func.insts[l.index()].kind,
                        InstKind::MethodLoad(r, n) if r == receiver && n == name) =>
                {
                    (receiver, name, args, Some(l.index()))
                }
                _ => continue,
            },
            _ => continue,
        };
        if !args.keywords.is_empty() {
            continue;
        }
        let method = db.intern(name);
        let class = match (self_class, func.ty(*receiver)) {
            (Some(c), _) if is_self(*receiver) => Some(c),
            (_, molt_mir::Type::Instance(c)) => Some(db.intern(c)),
            _ => None,
        };
        let found = match class {
            Some(c) => resolve_method(index, c, method),
            // A receiver of a builtin type (`str`, `list`, ...) is no instance of the module's
            // classes.
            None if *func.ty(*receiver) != molt_mir::Type::Dyn => continue,
            None => index
                .only_class_defining(method)
                .and_then(|c| resolve_method(index, c.name, method)),
        };
        let Some((owner, sig)) = found else {
            continue;
        };
        let owner_name = db.resolve(owner.name);
        if sig.decorated || sig.is_generator {
            continue;
        }
        if sig
            .params
            .iter()
            .any(|p| !matches!(p.kind, ParamKind::Positional | ParamKind::PositionalOnly))
            || sig.params.len() != args.positional.len() + 1
        {
            if class.is_some() {
                ctx.remark(
                    "calls",
                    "call.direct.missed",
                    RemarkKind::Missed,
                    inst.span,
                    format!(
                        "`.{name}()` is looked up at run time: `{owner_name}.{name}` takes {} arguments after `self`, has defaults, `*args`, `**kwargs` or keyword-only parameters, and this call passes {} by position",
                        sig.params.len().saturating_sub(1),
                        args.positional.len()
                    ),
                );
            }
            continue;
        }
        rewrites.push((load.unwrap_or(i), format!("{owner_name}.{name}")));
    }
    for (i, target) in rewrites {
        let inst = &mut func.insts[i];
        let span = inst.span;
        let (name, kind) = match &mut inst.kind {
            InstKind::MethodLoad(receiver, name) => {
                let name = std::mem::take(name);
                let kind = InstKind::MethodLoadDirect {
                    receiver: *receiver,
                    name: name.clone(),
                    func: target.as_str().into(),
                };
                (name, kind)
            }
            InstKind::CallMethod {
                receiver,
                name,
                args,
            } => {
                let name = std::mem::take(name);
                let kind = InstKind::CallMethodDirect {
                    receiver: *receiver,
                    name: name.clone(),
                    func: target.as_str().into(),
                    args: std::mem::take(&mut args.positional),
                };
                (name, kind)
            }
            _ => continue,
        };
        inst.kind = kind;
        ctx.remark(
            "calls",
            "call.direct",
            RemarkKind::Applied,
            span,
            format!(
                "`.{name}()` calls `{target}` directly while the receiver's class is unchanged (inline cache; other receivers take the generic lookup)"
            ),
        );
    }
}
