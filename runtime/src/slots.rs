//! Slot wrappers of the builtin types: the special methods CPython exposes on `int`, `bool`,
//! `float`, `complex`, `str`, `list`, `tuple`, `dict`, `set`, `frozenset`, `range` and `slice`
//! (`int.__add__(2, 3)`, `(1).__add__(1.5)` is `NotImplemented`, `[].__len__()`). Each is a
//! thin layer over the operation the runtime implements natively, with CPython's rules for
//! which operands a type accepts (others give `NotImplemented`) and its argument checks.
//!
//! The functions are instantiated per type family and operator through const generics, so
//! each installed method is a plain [`BuiltinFn`].

use crate::exceptions::{R, type_error};
use crate::int::{int_from_i64, int_view, op};
use crate::object::{Args, BuiltinFn, Kind, Ref, is_kind};
use crate::ops::{cmp, unop};
use crate::state::{Runtime, rt};
use crate::value::Value;

// The type families (const generic parameters).
const INT: u8 = 0;
const BOOL: u8 = 1;
const FLOAT: u8 = 2;
const STR: u8 = 3;
const LIST: u8 = 4;
const TUPLE: u8 = 5;
const DICT: u8 = 6;
const SET: u8 = 7;
const RANGE: u8 = 8;
const SLICE: u8 = 9;
/// `dict_keys` and `dict_items` (set-like dict views).
const VIEW: u8 = 10;
const COMPLEX: u8 = 11;

// Operations beyond the ABI's operator codes (unary slots).
const NEG: u8 = 0;
const POS: u8 = 1;
const INVERT: u8 = 2;
const ABS: u8 = 3;
const BOOL_: u8 = 4;
const INT_: u8 = 5;
const FLOAT_: u8 = 6;
const INDEX: u8 = 7;
const HASH: u8 = 8;
const REPR: u8 = 9;
const STR_: u8 = 10;
const LEN: u8 = 11;
const ITER: u8 = 12;

const UNARY_NAMES: [&str; 13] = [
    "__neg__",
    "__pos__",
    "__invert__",
    "__abs__",
    "__bool__",
    "__int__",
    "__float__",
    "__index__",
    "__hash__",
    "__repr__",
    "__str__",
    "__len__",
    "__iter__",
];

const BINARY_NAMES: [&str; 13] = [
    "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or",
    "xor", "matmul",
];

/// Whether the special method `name` of a builtin type is a slot wrapper in CPython (whose
/// messages for a wrong receiver differ from those of a method descriptor such as
/// `str.upper`). `owner` is the defining class.
pub fn is_slot_wrapper(owner: Value, name: &str) -> bool {
    if !(name.len() > 4 && name.starts_with("__") && name.ends_with("__")) {
        return false;
    }
    let t = &rt().t;
    match name {
        "__format__" | "__round__" | "__trunc__" | "__floor__" | "__ceil__" | "__sizeof__"
        | "__getnewargs__" | "__reduce__" | "__reduce_ex__" | "__dir__" | "__reversed__"
        | "__getstate__" | "__init_subclass__" | "__subclasshook__" | "__class_getitem__" => false,
        "__getitem__" => owner != t.list && owner != t.dict,
        "__contains__" => owner != t.dict,
        _ => true,
    }
}

fn not_implemented() -> R<Ref> {
    Ok(Ref::dup(rt().not_implemented))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Exactly `N` positional arguments, as CPython's wrappers check them.
pub(crate) fn wrapper_args<const N: usize>(name: &str, args: Args<'_>) -> R<[Value; N]> {
    if !args.kwnames.is_empty() {
        return type_error(format!("wrapper {name}() takes no keyword arguments"));
    }
    if args.pos.len() != N {
        return type_error(format!(
            "expected {N} argument{}, got {}",
            plural(N),
            args.pos.len()
        ));
    }
    let mut out = [Value::NONE; N];
    out.copy_from_slice(args.pos);
    Ok(out)
}

/// A bool as the int it is (`int.__and__(True, True)` is `1`, not `True`).
fn as_plain_int(v: Value) -> Ref {
    if v.is_bool() {
        int_from_i64((v == Value::TRUE) as i64)
    } else {
        Ref::dup(v)
    }
}

fn is_int(v: Value) -> bool {
    int_view(v).is_some()
}

fn is_set_like(v: Value) -> bool {
    is_kind(v, Kind::Set)
}

/// Whether a binary slot of family `T` computes with `other` (else `NotImplemented`, or for
/// sequences the operation itself raises its TypeError).
fn accepts(family: u8, o: u32, other: Value) -> bool {
    match family {
        INT => is_int(other),
        BOOL => is_int(other),
        FLOAT => other.is_float() || is_int(other),
        COMPLEX => crate::complex::is_complex(other) || other.is_float() || is_int(other),
        DICT => crate::dict::is_dict(other),
        SET => is_set_like(other),
        _ => {
            let _ = o;
            true
        }
    }
}

/// `T.__op__(self, other)` / `T.__rop__(self, other)` (`REFLECTED`) / `T.__iop__` (`INPLACE`).
fn binary_slot<const T: u8, const OP: u32, const REFLECTED: bool, const INPLACE: bool>(
    recv: Value,
    args: Args<'_>,
) -> R<Ref> {
    let prefix = match (REFLECTED, INPLACE) {
        (true, _) => "r",
        (_, true) => "i",
        _ => "",
    };
    let name = format!("__{prefix}{}__", BINARY_NAMES[OP as usize]);
    let [other] = wrapper_args::<1>(&name, args)?;
    // CPython's slots accept instances of subclasses of the builtin types as operands.
    let other = crate::class::unwrap_value(other);
    binary_op(T, OP, REFLECTED, INPLACE, recv, other)
}

fn binary_op(
    family: u8,
    o: u32,
    reflected: bool,
    inplace: bool,
    recv: Value,
    other: Value,
) -> R<Ref> {
    if !accepts(family, o, other) {
        return not_implemented();
    }
    match family {
        INT | BOOL => {
            if family == BOOL && recv.is_bool() && other.is_bool() {
                return crate::ops::binary(o, recv, other);
            }
            let (a, b) = (as_plain_int(recv), as_plain_int(other));
            let (a, b) = if reflected { (b, a) } else { (a, b) };
            crate::ops::binary(o, a.v(), b.v())
        }
        FLOAT | COMPLEX => {
            let (a, b) = if reflected {
                (other, recv)
            } else {
                (recv, other)
            };
            crate::ops::binary(o, a, b)
        }
        STR | LIST | TUPLE => sequence_op(family, o, reflected, inplace, recv, other),
        _ => {
            let (a, b) = if reflected {
                (other, recv)
            } else {
                (recv, other)
            };
            let code = if inplace { o | 16 } else { o };
            crate::ops::binary(code, a, b)
        }
    }
}

/// The operators of str, list and tuple: concatenation with the same type only (a
/// TypeError otherwise, never a reflected method), repetition by an index, `%` of strs.
fn sequence_op(
    family: u8,
    o: u32,
    reflected: bool,
    inplace: bool,
    recv: Value,
    other: Value,
) -> R<Ref> {
    let (kind, type_name) = match family {
        STR => (Kind::Str, "str"),
        LIST => (Kind::List, "list"),
        _ => (Kind::Tuple, "tuple"),
    };
    match o {
        op::ADD if inplace => {
            crate::list::list_extend(recv, other)?;
            Ok(Ref::dup(recv))
        }
        op::ADD => {
            if !is_kind(other, kind) {
                return type_error(format!(
                    "can only concatenate {type_name} (not \"{}\") to {type_name}",
                    crate::class::type_name(other)
                ));
            }
            crate::ops::binary(op::ADD, recv, other)
        }
        op::MUL => {
            let n = crate::int::as_ssize(other, Some(crate::exceptions::ExcKind::OverflowError))?;
            match family {
                STR => crate::str::str_repeat(recv, n),
                TUPLE => crate::tuple::tuple_repeat(recv, n),
                _ if inplace => {
                    let rep = crate::list::list_repeat(recv, n)?;
                    let new = crate::list::list_vec(rep.v()).take();
                    let old = crate::list::list_vec(recv).replace(new);
                    crate::object::decref_all(&old);
                    Ok(Ref::dup(recv))
                }
                _ => crate::list::list_repeat(recv, n),
            }
        }
        op::MOD if reflected => match crate::str::str_opt(other) {
            Some(fmt) => Ok(crate::str::str_from_owned(crate::format::percent_format(
                fmt, recv,
            )?)),
            None => not_implemented(),
        },
        op::MOD => Ok(crate::str::str_from_owned(crate::format::percent_format(
            crate::str::as_str(recv),
            other,
        )?)),
        _ => not_implemented(),
    }
}

/// `T.__pow__(self, exp, mod=None)` and `T.__rpow__(self, base, mod=None)`.
fn pow_slot<const T: u8, const REFLECTED: bool>(recv: Value, args: Args<'_>) -> R<Ref> {
    let name = if REFLECTED { "__rpow__" } else { "__pow__" };
    if !args.kwnames.is_empty() {
        return type_error(format!("wrapper {name}() takes no keyword arguments"));
    }
    let (other, m) = match args.pos {
        [o] => (*o, Value::NONE),
        [o, m] => (*o, *m),
        [] => return type_error(" expected at least 1 argument, got 0"),
        more => {
            return type_error(format!(" expected at most 2 arguments, got {}", more.len()));
        }
    };
    let (other, m) = (
        crate::class::unwrap_value(other),
        crate::class::unwrap_value(m),
    );
    if m.is_none() {
        return binary_op(T, op::POW, REFLECTED, false, recv, other);
    }
    if T == FLOAT {
        return type_error("pow() 3rd argument not allowed unless all arguments are integers");
    }
    if T == COMPLEX {
        return crate::exceptions::value_error("complex modulo");
    }
    if !is_int(other) || !is_int(m) {
        return not_implemented();
    }
    let (base, exp) = if REFLECTED {
        (other, recv)
    } else {
        (recv, other)
    };
    match (int_view(base), int_view(exp), int_view(m)) {
        (Some(b), Some(e), Some(mm)) => crate::int::int_pow_mod(b, e, mm),
        _ => not_implemented(),
    }
}

/// `T.__divmod__(self, other)` and `T.__rdivmod__(self, other)`.
fn divmod_slot<const T: u8, const REFLECTED: bool>(recv: Value, args: Args<'_>) -> R<Ref> {
    let name = if REFLECTED {
        "__rdivmod__"
    } else {
        "__divmod__"
    };
    let [other] = wrapper_args::<1>(name, args)?;
    let other = crate::class::unwrap_value(other);
    if !accepts(T, op::FLOORDIV, other) {
        return not_implemented();
    }
    let (a, b) = if REFLECTED {
        (other, recv)
    } else {
        (recv, other)
    };
    call_builtin("divmod", &[a, b])
}

fn call_builtin(name: &str, args: &[Value]) -> R<Ref> {
    match crate::builtins::lookup_builtin(name) {
        Some(f) => crate::call::call(f, Args::positional(args)),
        None => type_error(format!("molt: builtin {name} is missing")),
    }
}

/// `T.__eq__(self, other)` and the other rich comparisons.
fn compare_slot<const T: u8, const OP: u32>(recv: Value, args: Args<'_>) -> R<Ref> {
    const NAMES: [&str; 6] = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];
    let [other] = wrapper_args::<1>(NAMES[OP as usize], args)?;
    let other = crate::class::unwrap_value(other);
    let ordering = !matches!(OP, cmp::EQ | cmp::NE);
    let ok = match T {
        INT | BOOL => is_int(other),
        FLOAT => other.is_float() || is_int(other),
        COMPLEX => {
            !ordering && (crate::complex::is_complex(other) || other.is_float() || is_int(other))
        }
        STR => is_kind(other, Kind::Str),
        LIST => is_kind(other, Kind::List),
        TUPLE => is_kind(other, Kind::Tuple),
        DICT => !ordering && crate::dict::is_dict(other),
        SET => is_set_like(other),
        RANGE => !ordering && is_kind(other, Kind::Range),
        SLICE => is_kind(other, Kind::Slice),
        VIEW => is_set_like(other) || crate::dict::is_set_view(other),
        _ => false,
    };
    if !ok {
        return not_implemented();
    }
    if T == SLICE {
        let (a, b) = (slice_tuple(recv), slice_tuple(other));
        return crate::ops::compare(OP, a.v(), b.v());
    }
    crate::ops::compare(OP, recv, other)
}

/// `(start, stop, step)` of a slice, the tuple slices compare as.
pub fn slice_tuple(s: Value) -> Ref {
    // SAFETY: callers checked the kind.
    let parts = unsafe { crate::object::payload::<[Value; 3]>(s) };
    crate::tuple::tuple_from_slice(parts)
}

/// The one-operand slots: `T.__neg__(self)`, `T.__len__(self)`, ...
fn unary_slot<const T: u8, const U: u8>(recv: Value, args: Args<'_>) -> R<Ref> {
    wrapper_args::<0>(UNARY_NAMES[U as usize], args)?;
    let plain = || {
        if T == INT {
            as_plain_int(recv)
        } else {
            Ref::dup(recv)
        }
    };
    match U {
        NEG => crate::ops::unary(unop::NEG, recv),
        POS => crate::ops::unary(unop::POS, plain().v()),
        INVERT => crate::ops::unary(unop::INVERT, recv),
        ABS => call_builtin("abs", &[recv]),
        BOOL_ => Ok(Ref::new(Value::from_bool(crate::ops::is_true(recv)?))),
        INT_ => crate::int::int_of(recv),
        FLOAT_ => crate::float::float_of(recv),
        INDEX => Ok(plain()),
        HASH => Ok(int_from_i64(crate::hash::py_hash(recv)?)),
        REPR => crate::ops::py_repr(plain().v()),
        STR_ => crate::ops::py_str(plain().v()),
        LEN => Ok(int_from_i64(crate::ops::py_len_i64(recv)?)),
        _ => crate::iter::py_iter(recv),
    }
}

fn contains_slot(recv: Value, args: Args<'_>) -> R<Ref> {
    let [item] = wrapper_args::<1>("__contains__", args)?;
    Ok(Ref::new(Value::from_bool(crate::ops::contains(
        recv, item,
    )?)))
}

fn getitem_slot(recv: Value, args: Args<'_>) -> R<Ref> {
    let [key] = wrapper_args::<1>("__getitem__", args)?;
    crate::ops::getitem(recv, key)
}

fn setitem_slot(recv: Value, args: Args<'_>) -> R<Ref> {
    let [key, value] = wrapper_args::<2>("__setitem__", args)?;
    crate::ops::setitem(recv, key, value)?;
    Ok(Ref::NONE)
}

fn delitem_slot(recv: Value, args: Args<'_>) -> R<Ref> {
    let [key] = wrapper_args::<1>("__delitem__", args)?;
    crate::ops::delitem(recv, key)?;
    Ok(Ref::NONE)
}

/// `x.__format__(spec)` (a method in CPython, so its messages name the method).
fn format_method(recv: Value, args: Args<'_>) -> R<Ref> {
    let [spec] = args.exact("__format__")?;
    let Some(s) = crate::str::str_opt(spec) else {
        return type_error(format!(
            "__format__() argument must be str, not {}",
            crate::class::arg_type_name(spec)
        ));
    };
    let plain = as_plain_int(recv);
    let v = if recv.is_bool() && !s.is_empty() {
        plain.v()
    } else {
        recv
    };
    crate::format::format_value(v, s)
}

fn reversed_method(recv: Value, args: Args<'_>) -> R<Ref> {
    args.none("__reversed__")?;
    call_builtin("reversed", &[recv])
}

/// The arithmetic slots of a numeric family: forward and reflected binary operators,
/// `divmod`, `pow`, comparisons.
macro_rules! numeric_slots {
    ($t:expr, [$($o:ident),*]) => {
        &[
            $(
                (concat!("__", stringify!($o), "__"), binary_slot::<$t, { op_code(stringify!($o)) }, false, false> as BuiltinFn),
                (concat!("__r", stringify!($o), "__"), binary_slot::<$t, { op_code(stringify!($o)) }, true, false> as BuiltinFn),
            )*
        ]
    };
}

/// The ABI operator code of a dunder's operator name (`"add"` → `op::ADD`).
const fn op_code(name: &str) -> u32 {
    let mut i = 0;
    while i < BINARY_NAMES.len() {
        if const_str_eq(BINARY_NAMES[i], name) {
            return i as u32;
        }
        i += 1;
    }
    u32::MAX
}

const fn const_str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

macro_rules! comparisons {
    ($t:expr) => {
        &[
            ("__eq__", compare_slot::<$t, { cmp::EQ }> as BuiltinFn),
            ("__ne__", compare_slot::<$t, { cmp::NE }>),
            ("__lt__", compare_slot::<$t, { cmp::LT }>),
            ("__le__", compare_slot::<$t, { cmp::LE }>),
            ("__gt__", compare_slot::<$t, { cmp::GT }>),
            ("__ge__", compare_slot::<$t, { cmp::GE }>),
        ]
    };
}

macro_rules! unary {
    ($t:expr, $u:expr) => {
        (UNARY_NAMES[$u as usize], unary_slot::<$t, $u> as BuiltinFn)
    };
}

type Table = &'static [(&'static str, BuiltinFn)];

const INT_ARITH: Table = numeric_slots!(
    INT,
    [add, sub, mul, truediv, floordiv, mod, lshift, rshift, and, or, xor]
);
const FLOAT_ARITH: Table = numeric_slots!(FLOAT, [add, sub, mul, truediv, floordiv, mod]);
const BOOL_ARITH: Table = numeric_slots!(BOOL, [and, or, xor]);

const INT_OTHER: Table = &[
    ("__pow__", pow_slot::<INT, false>),
    ("__rpow__", pow_slot::<INT, true>),
    ("__divmod__", divmod_slot::<INT, false>),
    ("__rdivmod__", divmod_slot::<INT, true>),
    unary!(INT, NEG),
    unary!(INT, POS),
    unary!(INT, INVERT),
    unary!(INT, ABS),
    unary!(INT, BOOL_),
    unary!(INT, INT_),
    unary!(INT, FLOAT_),
    unary!(INT, INDEX),
    unary!(INT, HASH),
    unary!(INT, REPR),
    ("__format__", format_method),
];

const FLOAT_OTHER: Table = &[
    ("__pow__", pow_slot::<FLOAT, false>),
    ("__rpow__", pow_slot::<FLOAT, true>),
    ("__divmod__", divmod_slot::<FLOAT, false>),
    ("__rdivmod__", divmod_slot::<FLOAT, true>),
    unary!(FLOAT, NEG),
    unary!(FLOAT, POS),
    unary!(FLOAT, ABS),
    unary!(FLOAT, BOOL_),
    unary!(FLOAT, INT_),
    unary!(FLOAT, FLOAT_),
    unary!(FLOAT, HASH),
    unary!(FLOAT, REPR),
    ("__format__", format_method),
];

const BOOL_OTHER: Table = &[unary!(BOOL, REPR)];

const COMPLEX_ARITH: Table = numeric_slots!(COMPLEX, [add, sub, mul, truediv]);

const COMPLEX_OTHER: Table = &[
    ("__pow__", pow_slot::<COMPLEX, false>),
    ("__rpow__", pow_slot::<COMPLEX, true>),
    unary!(COMPLEX, NEG),
    unary!(COMPLEX, POS),
    unary!(COMPLEX, ABS),
    unary!(COMPLEX, BOOL_),
    unary!(COMPLEX, HASH),
    unary!(COMPLEX, REPR),
    ("__complex__", complex_method),
    ("__format__", format_method),
];

/// `complex.__complex__(self)` (3.11): the value as an exact complex.
fn complex_method(recv: Value, args: Args<'_>) -> R<Ref> {
    args.none("__complex__")?;
    Ok(Ref::dup(crate::class::unwrap_value(recv)))
}

const STR_SLOTS: Table = &[
    ("__add__", binary_slot::<STR, { op::ADD }, false, false>),
    ("__mul__", binary_slot::<STR, { op::MUL }, false, false>),
    ("__rmul__", binary_slot::<STR, { op::MUL }, true, false>),
    ("__mod__", binary_slot::<STR, { op::MOD }, false, false>),
    ("__rmod__", binary_slot::<STR, { op::MOD }, true, false>),
    unary!(STR, HASH),
    unary!(STR, REPR),
    unary!(STR, STR_),
    unary!(STR, LEN),
    unary!(STR, ITER),
    ("__contains__", contains_slot),
    ("__getitem__", getitem_slot),
    ("__format__", format_method),
];

const LIST_SLOTS: Table = &[
    ("__add__", binary_slot::<LIST, { op::ADD }, false, false>),
    ("__iadd__", binary_slot::<LIST, { op::ADD }, false, true>),
    ("__mul__", binary_slot::<LIST, { op::MUL }, false, false>),
    ("__rmul__", binary_slot::<LIST, { op::MUL }, true, false>),
    ("__imul__", binary_slot::<LIST, { op::MUL }, false, true>),
    unary!(LIST, REPR),
    unary!(LIST, LEN),
    unary!(LIST, ITER),
    ("__contains__", contains_slot),
    ("__getitem__", getitem_slot),
    ("__setitem__", setitem_slot),
    ("__delitem__", delitem_slot),
    ("__reversed__", reversed_method),
];

const TUPLE_SLOTS: Table = &[
    ("__add__", binary_slot::<TUPLE, { op::ADD }, false, false>),
    ("__mul__", binary_slot::<TUPLE, { op::MUL }, false, false>),
    ("__rmul__", binary_slot::<TUPLE, { op::MUL }, true, false>),
    unary!(TUPLE, HASH),
    unary!(TUPLE, REPR),
    unary!(TUPLE, LEN),
    unary!(TUPLE, ITER),
    ("__contains__", contains_slot),
    ("__getitem__", getitem_slot),
];

const DICT_SLOTS: Table = &[
    ("__or__", binary_slot::<DICT, { op::OR }, false, false>),
    ("__ror__", binary_slot::<DICT, { op::OR }, true, false>),
    ("__ior__", dict_ior),
    unary!(DICT, REPR),
    unary!(DICT, LEN),
    unary!(DICT, ITER),
    ("__contains__", contains_slot),
    ("__getitem__", getitem_slot),
    ("__setitem__", setitem_slot),
    ("__delitem__", delitem_slot),
    ("__reversed__", reversed_method),
];

/// `d.__ior__(other)`: `d.update(other)` for any mapping or iterable of pairs.
fn dict_ior(recv: Value, args: Args<'_>) -> R<Ref> {
    let [other] = wrapper_args::<1>("__ior__", args)?;
    crate::dict::dict_update(recv, other)?;
    Ok(Ref::dup(recv))
}

const SET_OPS: Table = numeric_slots!(SET, [and, or, sub, xor]);

const SET_INPLACE: Table = &[
    ("__iand__", binary_slot::<SET, { op::AND }, false, true>),
    ("__ior__", binary_slot::<SET, { op::OR }, false, true>),
    ("__isub__", binary_slot::<SET, { op::SUB }, false, true>),
    ("__ixor__", binary_slot::<SET, { op::XOR }, false, true>),
];

const SET_COMMON: Table = &[
    unary!(SET, REPR),
    unary!(SET, LEN),
    unary!(SET, ITER),
    ("__contains__", contains_slot),
];

const FROZENSET_HASH: Table = &[unary!(SET, HASH)];

const RANGE_SLOTS: Table = &[
    unary!(RANGE, BOOL_),
    unary!(RANGE, HASH),
    unary!(RANGE, REPR),
    unary!(RANGE, LEN),
    unary!(RANGE, ITER),
    ("__contains__", contains_slot),
    ("__getitem__", getitem_slot),
    ("__reversed__", reversed_method),
];

const SLICE_SLOTS: Table = &[unary!(SLICE, REPR), ("indices", slice_indices_method)];

/// `s.indices(length)`: `(start, stop, step)` adjusted to a sequence of `length` items.
fn slice_indices_method(recv: Value, args: Args<'_>) -> R<Ref> {
    let [length] = args.exact("indices")?;
    let n = crate::int::as_ssize(length, Some(crate::exceptions::ExcKind::OverflowError))?;
    if n < 0 {
        return crate::exceptions::value_error("length should not be negative");
    }
    let (start, stop, step) = crate::ops::slice_indices_of(recv, n)?;
    Ok(crate::tuple::tuple_from_array([
        int_from_i64(start),
        int_from_i64(stop),
        int_from_i64(step),
    ]))
}

/// `C.mro()` (a method of `type`, bound to the class): the class's method resolution order
/// as a new list.
pub fn type_mro_method(cls: Value) -> Ref {
    crate::object::alloc_ref(
        Kind::Builtin,
        crate::object::BuiltinData {
            name: "mro",
            f: type_mro,
            receiver: crate::object::incref(cls),
            owner: crate::object::incref(rt().t.type_),
            home: Value::NONE,
        },
    )
}

fn type_mro(recv: Value, args: Args<'_>) -> R<Ref> {
    // `type.mro(C)`: on a metaclass (`type` included) the method is unbound.
    let recv = match args.pos {
        [c] if args.kwnames.is_empty()
            && crate::class::is_metaclass(recv)
            && crate::class::is_class(*c) =>
        {
            *c
        }
        _ => {
            args.none("mro")?;
            recv
        }
    };
    let mut items = vec![Ref::dup(recv)];
    items.extend(
        crate::class::class_data(recv)
            .mro
            .iter()
            .map(|c| Ref::dup(*c)),
    );
    Ok(crate::list::list_from_vec(items))
}

/// `float.__getformat__(typestr)`: how the platform stores C doubles and floats.
fn float_getformat(_recv: Value, args: Args<'_>) -> R<Ref> {
    let [typestr] = args.exact("__getformat__")?;
    match crate::str::str_opt(typestr) {
        Some("double" | "float") => Ok(crate::str::str_from(if cfg!(target_endian = "little") {
            "IEEE, little-endian"
        } else {
            "IEEE, big-endian"
        })),
        Some(_) => {
            crate::exceptions::value_error("__getformat__() argument 1 must be 'double' or 'float'")
        }
        None => type_error(format!(
            "__getformat__() argument must be str, not {}",
            crate::class::arg_type_name(typestr)
        )),
    }
}

const NONE_SLOTS: Table = &[unary!(INT, BOOL_), unary!(SLICE, REPR)];

/// The slots all three dict views have.
const VIEW_COMMON: Table = &[
    ("__len__", view_len),
    ("__iter__", view_iter),
    ("__reversed__", reversed_method),
];

/// The slots of the set-like views (`dict_keys`, `dict_items`): membership, set
/// operators with any iterable, comparisons with sets and set-like views.
const VIEW_SETLIKE: Table = &[
    ("__contains__", view_contains),
    ("__and__", binary_slot::<VIEW, { op::AND }, false, false>),
    ("__rand__", binary_slot::<VIEW, { op::AND }, true, false>),
    ("__or__", binary_slot::<VIEW, { op::OR }, false, false>),
    ("__ror__", binary_slot::<VIEW, { op::OR }, true, false>),
    ("__sub__", binary_slot::<VIEW, { op::SUB }, false, false>),
    ("__rsub__", binary_slot::<VIEW, { op::SUB }, true, false>),
    ("__xor__", binary_slot::<VIEW, { op::XOR }, false, false>),
    ("__rxor__", binary_slot::<VIEW, { op::XOR }, true, false>),
];

/// `view.__len__()`.
fn view_len(recv: Value, args: Args<'_>) -> R<Ref> {
    wrapper_args::<0>("__len__", args)?;
    let n = crate::ops::py_len(recv)?;
    Ok(int_from_i64(i64::try_from(n).unwrap_or(i64::MAX)))
}

/// `view.__iter__()`.
fn view_iter(recv: Value, args: Args<'_>) -> R<Ref> {
    wrapper_args::<0>("__iter__", args)?;
    crate::iter::py_iter(recv)
}

/// `view.__contains__(x)`.
fn view_contains(recv: Value, args: Args<'_>) -> R<Ref> {
    let [x] = wrapper_args::<1>("__contains__", args)?;
    Ok(Ref::new(Value::from_bool(crate::ops::contains(recv, x)?)))
}

const ITERATOR_SLOTS: Table = &[("__iter__", iterator_iter), ("__next__", iterator_next)];

/// `it.__iter__()` of a builtin iterator: the iterator itself.
fn iterator_iter(recv: Value, args: Args<'_>) -> R<Ref> {
    wrapper_args::<0>("__iter__", args)?;
    Ok(Ref::dup(recv))
}

/// `it.__next__()` of a builtin iterator: the next item, or `StopIteration`.
fn iterator_next(recv: Value, args: Args<'_>) -> R<Ref> {
    wrapper_args::<0>("__next__", args)?;
    match crate::iter::py_next(recv)? {
        Some(item) => Ok(item),
        None => crate::exceptions::raise_empty(crate::exceptions::ExcKind::StopIteration),
    }
}

/// Installs the slot wrappers into the namespaces of the builtin classes (part of the second
/// phase of runtime start-up). `None` entries (`list.__hash__`) mark unhashable types.
pub fn install(r: &Runtime) {
    let t = &r.t;
    let tables: &[(Value, &[Table])] = &[
        (t.int, &[INT_ARITH, INT_OTHER, comparisons!(INT)]),
        (t.bool, &[BOOL_ARITH, BOOL_OTHER]),
        (t.float, &[FLOAT_ARITH, FLOAT_OTHER, comparisons!(FLOAT)]),
        (
            t.complex,
            &[COMPLEX_ARITH, COMPLEX_OTHER, comparisons!(COMPLEX)],
        ),
        (t.str, &[STR_SLOTS, comparisons!(STR)]),
        (t.list, &[LIST_SLOTS, comparisons!(LIST)]),
        (t.tuple, &[TUPLE_SLOTS, comparisons!(TUPLE)]),
        (t.dict, &[DICT_SLOTS, comparisons!(DICT)]),
        (
            t.set,
            &[SET_OPS, SET_INPLACE, SET_COMMON, comparisons!(SET)],
        ),
        (
            t.frozenset,
            &[SET_OPS, SET_COMMON, FROZENSET_HASH, comparisons!(SET)],
        ),
        (t.range, &[RANGE_SLOTS, comparisons!(RANGE)]),
        (t.slice, &[SLICE_SLOTS, comparisons!(SLICE)]),
        (t.none, &[NONE_SLOTS]),
        (
            t.dict_keys,
            &[VIEW_COMMON, VIEW_SETLIKE, comparisons!(VIEW)],
        ),
        (
            t.dict_items,
            &[VIEW_COMMON, VIEW_SETLIKE, comparisons!(VIEW)],
        ),
        (t.dict_values, &[VIEW_COMMON]),
    ];
    for (cls, parts) in tables {
        let ns = crate::class::class_data(*cls).dict;
        for part in *parts {
            for (name, f) in *part {
                let m = crate::class::make_builtin(name, *f, *cls);
                crate::dict::dict_set_str(ns, name, m);
            }
        }
    }
    let getformat = crate::class::make_static_builtin(
        "__getformat__",
        float_getformat,
        t.float,
        crate::class::StaticBinding::Class,
    );
    crate::dict::dict_set_str(
        crate::class::class_data(t.float).dict,
        "__getformat__",
        getformat,
    );
    for cls in r.iter_types.iter().chain(&r.iter_classes) {
        let ns = crate::class::class_data(*cls).dict;
        for (name, f) in ITERATOR_SLOTS {
            let m = crate::class::make_builtin(name, *f, *cls);
            crate::dict::dict_set_str(ns, name, m);
        }
    }
    for cls in [t.list, t.dict, t.set, t.slice] {
        let ns = crate::class::class_data(cls).dict;
        crate::dict::dict_set_str(ns, "__hash__", Value::NONE);
    }
    crate::itertools::install(r);
}
