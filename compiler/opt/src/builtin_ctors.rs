//! Calls of the builtin container constructors `set`, `list` and `dict` give typed results.
//!
//! A module's name that it never binds is the builtin (the runtime refuses writes from
//! outside that would shadow a builtin its code uses, `molt_runtime::watch`; the same
//! assumption makes `range` loops counted, [`crate::counted_loops`]), and calling the builtin
//! `set`, `list` or `dict` always returns a new object of exactly that type, or raises. So:
//!
//! ```text
//! v1 = builtin.load "set"                  v1 = builtin.load "set"      ; dead, DCE removes it
//! v2: dyn = call v1()              ==>     v2: set[dyn] = build.set ()  ; as `{}` for dict()
//!
//! v3: dyn = call v1(v0)            ==>     v3: dyn = call v1(v0)
//!                                          v4: list[dyn] = assume v3, list[dyn]
//! ```
//! With no argument the call is the empty literal; with an iterable (or `dict`'s keyword
//! arguments) it stays a call and its result is a known fact, so `x in s`, `s.add(x)`,
//! `len(l)`, `l[i]` and `l.append(x)` on it take the paths of their type. Element types stay
//! `dyn`: the container is mutable. A call CPython rejects (`set(a, b)`, `list(x=1)`) is left
//! alone, with a missed remark. A name bound in the module (a global, a parameter, a class
//! `set` or one of its subclasses) is not `builtin.load` and is never touched.

use molt_mir::{Function, InstKind, Type, Value, ValueDef};
use rustc_hash::FxHashMap;

use crate::util::replace_uses;
use crate::{PassContext, RemarkKind};

/// The typed result of a call of builtin `name` with `positional` positional and `keywords`
/// keyword arguments, when it always gives that type (or raises); `Err` with why not.
fn result_type(
    name: &str,
    positional: usize,
    keywords: usize,
) -> Option<Result<Type, &'static str>> {
    let t = match name {
        "set" => Type::Set(Box::new(Type::Dyn)),
        "list" => Type::List(Box::new(Type::Dyn)),
        "dict" => Type::Dict(Box::new(Type::Dyn), Box::new(Type::Dyn)),
        _ => return None,
    };
    let ok = match name {
        "dict" => positional <= 1,
        _ => positional <= 1 && keywords == 0,
    };
    Some(if ok {
        Ok(t)
    } else {
        Err("the call has arguments the constructor rejects (it raises TypeError)")
    })
}

/// Rewrites every call of the builtin `set`, `list` or `dict` in `func` (see the module docs).
pub fn run(func: &mut Function, ctx: &mut PassContext<'_>) {
    let mut assumed: Vec<(Value, Type, molt_mir::Span, usize, molt_mir::Block)> = Vec::new();
    let mut emptied: Vec<Box<str>> = Vec::new();
    for &block in &func.layout.clone() {
        for (pos, &inst) in func.blocks[block.index()].insts.clone().iter().enumerate() {
            let data = &func.insts[inst.index()];
            let InstKind::Call { callee, args } = &data.kind else {
                continue;
            };
            let ValueDef::Result(load) = func.values[callee.index()].def else {
                continue;
            };
            let InstKind::BuiltinLoad(name) = &func.insts[load.index()].kind else {
                continue;
            };
            let Some(typed) = result_type(name, args.positional.len(), args.keywords.len()) else {
                continue;
            };
            let (span, result, name) = (data.span, data.result, name.clone());
            let t = match typed {
                Ok(t) => t,
                Err(why) => {
                    ctx.remark(
                        "builtin_ctors",
                        "builtin.ctor.typed.missed",
                        RemarkKind::Missed,
                        span,
                        format!("`{name}(...)` keeps an unknown type: {why}"),
                    )
                    .args
                    .push(("builtin".into(), name.to_string()));
                    continue;
                }
            };
            let Some(result) = result else { continue };
            let empty = args.positional.is_empty() && args.keywords.is_empty();
            let message = if empty {
                func.insts[inst.index()].kind = match &*name {
                    "set" => InstKind::BuildSet(Vec::new()),
                    "list" => InstKind::BuildList(Vec::new()),
                    _ => InstKind::BuildDict(Vec::new()),
                };
                func.values[result.index()].ty = t.clone();
                emptied.push(name.clone());
                format!(
                    "`{name}()` builds an empty {name} directly (the builtin `{name}` is assumed unshadowed): operations on it take the {name} paths"
                )
            } else {
                assumed.push((result, t, span, pos, block));
                format!(
                    "`{name}(...)` of the builtin `{name}` always gives a {name}: operations on the result take the {name} paths"
                )
            };
            ctx.remark(
                "builtin_ctors",
                "builtin.ctor.typed",
                RemarkKind::Applied,
                span,
                message,
            )
            .args
            .push(("builtin".into(), name.to_string()));
        }
    }
    if assumed.is_empty() && emptied.is_empty() {
        return;
    }
    // Each `assume` goes right after its call (later positions first, so earlier ones stay
    // valid), and every use of the call's result reads it instead.
    assumed.sort_by_key(|(_, _, _, pos, block)| (block.index(), std::cmp::Reverse(*pos)));
    let mut map: FxHashMap<Value, Value> = FxHashMap::default();
    let mut assumes = Vec::new();
    for (result, t, span, pos, block) in assumed {
        let Some(typed) = func.append_inst(block, InstKind::Assume(result, t.clone()), t, span)
        else {
            continue;
        };
        let insts = &mut func.blocks[block.index()].insts;
        if let Some(a) = insts.pop() {
            insts.insert(pos + 1, a);
            assumes.push((a, result));
        }
        map.insert(result, typed);
    }
    replace_uses(func, &map);
    // The `assume`s themselves read the call's result.
    for (a, result) in assumes {
        if let InstKind::Assume(v, _) = &mut func.insts[a.index()].kind {
            *v = result;
        }
    }
    for name in emptied {
        if !func.assumed_builtins.iter().any(|b| *b == name) {
            func.assumed_builtins.push(name);
        }
    }
    molt_mir::types::infer(func);
}
