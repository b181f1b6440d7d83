//! The run-time part of `match` statements (PEP 634), behind the hidden builtin
//! [`MATCH`]: the tests that the lowering (`molt_lower`'s `match_stmt`) cannot write as
//! ordinary operations. The lowering emits every other step (comparisons, `len`, unpacking,
//! subscripts, branches) as MIR.
//!
//! `<match>(op, ...)` with `op` one of:
//! - [`OP_SEQUENCE`] `(subject)`: whether a sequence pattern may match `subject` (CPython's
//!   `MATCH_SEQUENCE`: `list`, `tuple`, `range`, `array.array` and their subclasses,
//!   `collections.abc.Sequence` subclasses and registered classes; never `str`, `bytes`,
//!   `bytearray`).
//! - [`OP_MAPPING`] `(subject)`: whether a mapping pattern may match (`MATCH_MAPPING`: `dict`
//!   and its subclasses, `mappingproxy`, `collections.abc.Mapping` subclasses and
//!   registered classes).
//! - [`OP_KEYS`] `(subject, keys)`: the values of the tuple `keys` in the mapping `subject`,
//!   as a tuple, or `None` when one is missing (`MATCH_KEYS`: looked up with
//!   `subject.get(key, sentinel)`, so a `defaultdict` gains no key; a repeated key raises
//!   `ValueError`).
//! - [`OP_CLASS`] `(subject, cls, nargs, names)`: the attributes a class pattern
//!   `cls(p1, ..., pn, a=..., b=...)` matches its subpatterns against (the first `nargs`
//!   through `cls.__match_args__`, then the attribute names of the tuple `names`), as a
//!   tuple, or `None` when `subject` is not an instance of `cls` or lacks one of them
//!   (`MATCH_CLASS`, with CPython's `TypeError`s).
//! - [`OP_REST`] `(subject, keys)`: the `**rest` of a mapping pattern: a new dict with the
//!   items of `subject` except the keys of the tuple `keys`.
//! - [`OP_LEN`] `(subject)`: `len(subject)` where the module shadows the builtin `len`.
//!
//! The semantics follow the language reference ("The match statement") and CPython 3.11's
//! observable behaviour (which method is called, in which order, and the error messages).

use crate::class::{class_module, class_name, is_class, is_subclass, type_name, type_of};
use crate::dict::{dict_data, dict_new};
use crate::exceptions::{ExcKind, R, raise, type_error};
use crate::object::{Args, Kind, Ref, is_kind};

use crate::state::rt;
use crate::tuple::{is_tuple, tuple_from_slice, tuple_from_vec, tuple_items};
use crate::value::Value;

/// The name of the hidden builtin (not a Python identifier, so no program can name or
/// shadow it).
pub const MATCH: &str = "<match>";
/// `<match>(OP_SEQUENCE, subject)`: see the module docs.
pub const OP_SEQUENCE: i64 = 0;
/// `<match>(OP_MAPPING, subject)`.
pub const OP_MAPPING: i64 = 1;
/// `<match>(OP_KEYS, subject, keys)`.
pub const OP_KEYS: i64 = 2;
/// `<match>(OP_CLASS, subject, cls, nargs, names)`.
pub const OP_CLASS: i64 = 3;
/// `<match>(OP_REST, subject, keys)`.
pub const OP_REST: i64 = 4;
/// `<match>(OP_LEN, subject)`.
pub const OP_LEN: i64 = 5;

/// The operation code and operands of a call of a hidden builtin (`<match>`, `<except*>`):
/// the first argument, an int the compiler wrote (-1 if it is missing), and the rest.
pub(crate) fn hidden_op<'a>(args: Args<'a>) -> (i64, &'a [Value]) {
    let op = args
        .pos
        .first()
        .filter(|v| v.is_inline_int())
        .map(|v| v.as_inline_int())
        .unwrap_or(-1);
    (op, &args.pos[args.pos.len().min(1)..])
}

/// The hidden builtin `<match>` (see the module docs).
pub fn match_builtin(_recv: Value, args: Args<'_>) -> R<Ref> {
    let (op, a) = hidden_op(args);
    match (op, a) {
        (OP_SEQUENCE, [subject]) => Ok(Ref::new(Value::from_bool(is_sequence(*subject)?))),
        (OP_MAPPING, [subject]) => Ok(Ref::new(Value::from_bool(is_mapping(*subject)?))),
        (OP_KEYS, [subject, keys]) if is_tuple(*keys) => match_keys(*subject, *keys),
        (OP_CLASS, [subject, cls, nargs, names]) if is_tuple(*names) => {
            let nargs = if nargs.is_inline_int() {
                nargs.as_inline_int().max(0) as usize
            } else {
                0
            };
            match_class(*subject, *cls, nargs, *names)
        }
        (OP_REST, [subject, keys]) if is_tuple(*keys) => rest(*subject, *keys),
        (OP_LEN, [subject]) => Ok(crate::int::int_from_i64(crate::ops::py_len_i64(*subject)?)),
        _ => type_error("molt: bad match operation"),
    }
}

/// The `collections.abc` class `name` if that module was imported (no class can derive
/// from it or be registered with it otherwise).
fn abc_class(name: &str) -> R<Option<Ref>> {
    let modules = crate::modules::sys_modules();
    let Some(module) = dict_data(modules).get_str("collections.abc") else {
        return Ok(None);
    };
    let module = Ref::dup(module);
    crate::attr::getattr_str(module.v(), name).map(Some)
}

/// Whether a sequence pattern may match `v` (CPython's `Py_TPFLAGS_SEQUENCE`).
pub fn is_sequence(v: Value) -> R<bool> {
    if !v.is_ptr() {
        return Ok(false);
    }
    if is_kind(v, Kind::List) || is_kind(v, Kind::Tuple) || is_kind(v, Kind::Range) {
        return Ok(true);
    }
    let t = &rt().t;
    let cls = type_of(v);
    if [t.str, t.bytes, t.bytearray, t.dict, t.set, t.frozenset]
        .iter()
        .any(|b| is_subclass(cls, *b))
    {
        return Ok(false);
    }
    if [t.list, t.tuple, t.range]
        .iter()
        .any(|b| is_subclass(cls, *b))
        || crate::bytes::is_array(v)
    {
        return Ok(true);
    }
    if !is_kind(v, Kind::Instance) {
        return Ok(false);
    }
    match abc_class("Sequence")? {
        Some(seq) => crate::builtins::isinstance_any(v, seq.v()),
        None => Ok(false),
    }
}

/// Whether a mapping pattern may match `v` (CPython's `Py_TPFLAGS_MAPPING`).
pub fn is_mapping(v: Value) -> R<bool> {
    if !v.is_ptr() {
        return Ok(false);
    }
    if is_kind(v, Kind::Dict) {
        return Ok(true);
    }
    let t = &rt().t;
    let cls = type_of(v);
    if is_subclass(cls, t.dict) || cls == t.mappingproxy {
        return Ok(true);
    }
    if !is_kind(v, Kind::Instance)
        || [
            t.list,
            t.tuple,
            t.str,
            t.bytes,
            t.bytearray,
            t.set,
            t.frozenset,
        ]
        .iter()
        .any(|b| is_subclass(cls, *b))
    {
        return Ok(false);
    }
    match abc_class("Mapping")? {
        Some(map) => crate::builtins::isinstance_any(v, map.v()),
        None => Ok(false),
    }
}

/// CPython's `MATCH_KEYS`: `subject.get(key, sentinel)` for each key in order; `None` at
/// the first missing key; a key seen before raises `ValueError`.
fn match_keys(subject: Value, keys: Value) -> R<Ref> {
    let keys: Vec<Value> = tuple_items(keys).to_vec();
    if keys.is_empty() {
        return Ok(tuple_from_slice(&[]));
    }
    let get = crate::attr::getattr_str(subject, "get")?;
    let seen = crate::set::set_new();
    let sentinel = crate::call::call(rt().t.object, Args::positional(&[]))?;
    let mut values = Vec::with_capacity(keys.len());
    for key in keys {
        if crate::set::set_contains(seen.v(), key)? {
            return raise(
                ExcKind::ValueError,
                format!(
                    "mapping pattern checks duplicate key ({})",
                    crate::str::as_str(crate::ops::py_repr(key)?.v())
                ),
            );
        }
        crate::set::set_data(seen.v()).add(key)?;
        let value = crate::call::call(get.v(), Args::positional(&[key, sentinel.v()]))?;
        if value.v() == sentinel.v() {
            return Ok(Ref::new(Value::NONE));
        }
        values.push(value);
    }
    Ok(tuple_from_vec(values))
}

/// The `**rest` dict of a mapping pattern: `dict(subject)` less `keys`.
fn rest(subject: Value, keys: Value) -> R<Ref> {
    let d = dict_new();
    crate::dict::dict_update(d.v(), subject)?;
    for key in tuple_items(keys) {
        crate::ops::delitem(d.v(), *key)?;
    }
    Ok(d)
}

/// Whether `cls` is one of `collections.abc`'s classes, which molt represents by
/// instances of `abc._AbstractClass` (CPython's are classes with the metaclass `ABCMeta`).
fn is_abstract_standin(cls: Value) -> bool {
    let meta = type_of(cls);
    is_kind(cls, Kind::Instance)
        && class_name(meta) == "_AbstractClass"
        && class_module(meta).as_deref() == Some("abc")
}

/// The name CPython's messages give class `cls` (its `tp_name`).
fn tp_name(cls: Value) -> R<String> {
    if is_class(cls) {
        if crate::bytes::is_array_class(cls) {
            return Ok("array.array".into());
        }
        return Ok(class_name(cls));
    }
    let name = crate::attr::getattr_str(cls, "__name__")?;
    Ok(crate::str::str_opt(name.v()).unwrap_or("?").to_string())
}

/// Whether instances of `cls` match a single positional subpattern against themselves
/// (CPython's `_Py_TPFLAGS_MATCH_SELF`: these builtins and their subclasses).
fn matches_self(cls: Value) -> bool {
    if !is_class(cls) {
        return false;
    }
    let t = &rt().t;
    [
        t.bool,
        t.bytearray,
        t.bytes,
        t.dict,
        t.float,
        t.frozenset,
        t.int,
        t.list,
        t.set,
        t.str,
        t.tuple,
    ]
    .iter()
    .any(|b| is_subclass(cls, *b))
}

/// CPython's `MATCH_CLASS` (see the module docs).
fn match_class(subject: Value, cls: Value, nargs: usize, names: Value) -> R<Ref> {
    let standin = !is_class(cls) && is_abstract_standin(cls);
    if !is_class(cls) && !standin {
        return type_error("called match pattern must be a type");
    }
    if !crate::builtins::isinstance_any(subject, cls)? {
        return Ok(Ref::new(Value::NONE));
    }
    let seen = crate::set::set_new();
    let mut attrs: Vec<Ref> = Vec::new();
    if nargs > 0 {
        let (match_args, match_self) = match crate::attr::getattr_str(cls, "__match_args__") {
            Ok(m) => {
                if !is_kind(m.v(), Kind::Tuple) || type_of(m.v()) != rt().t.tuple {
                    return type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        tp_name(cls)?,
                        type_name(m.v())
                    ));
                }
                (Some(m), false)
            }
            Err(e) => {
                if !crate::exceptions::pending_is(ExcKind::AttributeError) {
                    return Err(e);
                }
                drop(crate::exceptions::take_pending());
                (None, matches_self(cls))
            }
        };
        let names_of_args: &[Value] = match &match_args {
            Some(m) => tuple_items(m.v()),
            None => &[],
        };
        let allowed = if match_self { 1 } else { names_of_args.len() };
        if allowed < nargs {
            return type_error(format!(
                "{}() accepts {allowed} positional sub-pattern{} ({nargs} given)",
                tp_name(cls)?,
                if allowed == 1 { "" } else { "s" }
            ));
        }
        if match_self {
            attrs.push(Ref::dup(subject));
        } else {
            for name in &names_of_args[..nargs] {
                let name = *name;
                if !crate::str::is_str(name) || type_of(name) != rt().t.str {
                    return type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        type_name(name)
                    ));
                }
                match class_attr(subject, cls, name, seen.v())? {
                    Some(a) => attrs.push(a),
                    None => return Ok(Ref::new(Value::NONE)),
                }
            }
        }
    }
    for name in tuple_items(names) {
        match class_attr(subject, cls, *name, seen.v())? {
            Some(a) => attrs.push(a),
            None => return Ok(Ref::new(Value::NONE)),
        }
    }
    Ok(tuple_from_vec(attrs))
}

/// One attribute of a class pattern: `None` when `subject` lacks it (an `AttributeError`,
/// which makes the pattern fail); a name used twice raises `TypeError`.
fn class_attr(subject: Value, cls: Value, name: Value, seen: Value) -> R<Option<Ref>> {
    if crate::set::set_contains(seen, name)? {
        return type_error(format!(
            "{}() got multiple sub-patterns for attribute {}",
            tp_name(cls)?,
            crate::str::as_str(crate::ops::py_repr(name)?.v())
        ));
    }
    crate::set::set_data(seen).add(name)?;
    match crate::attr::getattr(subject, name) {
        Ok(a) => Ok(Some(a)),
        Err(e) => {
            if !crate::exceptions::pending_is(ExcKind::AttributeError) {
                return Err(e);
            }
            drop(crate::exceptions::take_pending());
            Ok(None)
        }
    }
}
