//! Joins `method.load` and `call.method.loaded` back into one `call.method` where the order
//! of the lookup and the arguments cannot be observed.
//!
//! CPython evaluates `obj.m(args)` as `LOAD_METHOD` (the lookup of `m`), then the arguments,
//! then the call, so `obj.m(f())` raises the `AttributeError` of a missing `m` before `f`
//! runs, runs a property or `__getattr__` before the arguments, and calls the `m` found before
//! the arguments ran even if they rebind it. The lowering emits that order as
//! `method.load` + `call.method.loaded` when an argument is not a literal; this pass turns the
//! pair into `call.method` (which looks the method up after the arguments, with its inline
//! caches and specialized entries) when
//!
//! - everything computed between the lookup and the call, in the same block, is pure
//!   ([`crate::util::is_pure`]: cannot raise or run code), so nothing can observe which came
//!   first; or
//! - the receiver has an exact builtin type (`str`, `list`, `dict`, ...) that has the method:
//!   the lookup then cannot fail, run code or find another function whatever the arguments
//!   do (builtin types are immutable).
//!
//! It runs at every optimization level, first after `assumptions`, so that the passes that
//! specialize `call.method` (`super_calls`, `direct_calls`) see the joined calls.

use molt_mir::{Function, InstKind, Type, ValueDef};
use rustc_hash::FxHashSet;

use crate::PassContext;
use crate::util::{is_pure, remove_insts, use_counts};

/// Joins the `method.load`/`call.method.loaded` pairs of `func` that can be (see the module
/// doc).
pub fn run(func: &mut Function, _ctx: &mut PassContext<'_>) {
    let uses = use_counts(func);
    let mut dead = FxHashSet::default();
    for block in func.layout.clone() {
        let insts = func.blocks[block.index()].insts.clone();
        for (k, &inst) in insts.iter().enumerate() {
            let InstKind::CallMethodLoaded {
                receiver, method, ..
            } = &func.insts[inst.index()].kind
            else {
                continue;
            };
            let (receiver, method) = (*receiver, *method);
            let ValueDef::Result(load) = func.values[method.index()].def else {
                continue;
            };
            let InstKind::MethodLoad(loaded_from, name) = &func.insts[load.index()].kind else {
                continue;
            };
            if *loaded_from != receiver || uses[method.index()] != 1 {
                continue;
            }
            let name = name.clone();
            let joinable = builtin_has_method(func.ty(receiver), &name)
                || insts[..k]
                    .iter()
                    .position(|&i| i == load)
                    .is_some_and(|start| {
                        insts[start + 1..k]
                            .iter()
                            .all(|i| is_pure(func, &func.insts[i.index()]))
                    });
            if !joinable {
                continue;
            }
            let data = &mut func.insts[inst.index()];
            let InstKind::CallMethodLoaded { args, .. } = &mut data.kind else {
                continue;
            };
            let args = std::mem::take(args);
            data.kind = InstKind::CallMethod {
                receiver,
                name,
                args,
            };
            dead.insert(load);
        }
    }
    if !dead.is_empty() {
        remove_insts(func, &dead);
        func.compact();
        // A joined call on a str has the method's result type (`" ".join(x)` is a str).
        molt_mir::types::infer(func);
    }
}

/// Whether a value of type `ty`, an exact builtin type, has the method `name` (CPython 3.11's
/// public methods of these types).
fn builtin_has_method(ty: &Type, name: &str) -> bool {
    const STR: &[&str] = &[
        "capitalize",
        "casefold",
        "center",
        "count",
        "encode",
        "endswith",
        "expandtabs",
        "find",
        "format",
        "format_map",
        "index",
        "isalnum",
        "isalpha",
        "isascii",
        "isdecimal",
        "isdigit",
        "isidentifier",
        "islower",
        "isnumeric",
        "isprintable",
        "isspace",
        "istitle",
        "isupper",
        "join",
        "ljust",
        "lower",
        "lstrip",
        "maketrans",
        "partition",
        "removeprefix",
        "removesuffix",
        "replace",
        "rfind",
        "rindex",
        "rjust",
        "rpartition",
        "rsplit",
        "rstrip",
        "split",
        "splitlines",
        "startswith",
        "strip",
        "swapcase",
        "title",
        "translate",
        "upper",
        "zfill",
    ];
    const LIST: &[&str] = &[
        "append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove",
        "reverse", "sort",
    ];
    const DICT: &[&str] = &[
        "clear",
        "copy",
        "fromkeys",
        "get",
        "items",
        "keys",
        "pop",
        "popitem",
        "setdefault",
        "update",
        "values",
    ];
    const SET: &[&str] = &[
        "add",
        "clear",
        "copy",
        "difference",
        "difference_update",
        "discard",
        "intersection",
        "intersection_update",
        "isdisjoint",
        "issubset",
        "issuperset",
        "pop",
        "remove",
        "symmetric_difference",
        "symmetric_difference_update",
        "union",
        "update",
    ];
    const INT: &[&str] = &[
        "as_integer_ratio",
        "bit_count",
        "bit_length",
        "conjugate",
        "from_bytes",
        "to_bytes",
    ];
    const FLOAT: &[&str] = &[
        "as_integer_ratio",
        "conjugate",
        "fromhex",
        "hex",
        "is_integer",
    ];
    const SEQUENCE: &[&str] = &["count", "index"];
    let methods = match ty {
        Type::Str => STR,
        Type::List(_) => LIST,
        Type::Dict(..) => DICT,
        Type::Set(_) => SET,
        Type::Int | Type::Bool => INT,
        Type::Float => FLOAT,
        Type::Tuple(_) | Type::Range => SEQUENCE,
        _ => return false,
    };
    methods.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_methods_are_known_by_type() {
        assert!(builtin_has_method(
            &Type::List(Box::new(Type::Int)),
            "append"
        ));
        assert!(!builtin_has_method(&Type::List(Box::new(Type::Int)), "add"));
        assert!(builtin_has_method(&Type::Str, "join"));
        assert!(!builtin_has_method(&Type::Dyn, "join"));
        assert!(!builtin_has_method(&Type::Instance("C".into()), "append"));
    }
}
