//! Operators with CPython's semantics: binary and unary arithmetic (native fast paths for
//! ints and floats first, then sequences and sets, then `__add__`/`__radd__` dispatch with
//! the `NotImplemented` protocol), rich comparison, truthiness, `len`, `str`/`repr`,
//! membership, and subscripts (indexing and slicing).

use std::cell::RefCell;
use std::cmp::Ordering;

use crate::class::{call_dunder, class_name, is_instance, lookup_dunder, type_name, type_of};
use crate::dict::dict_data;
use crate::exceptions::{ExcKind, R, raise, type_error, value_error};
use crate::float::{float_binop, float_repr};
use crate::int::{IntV, int_binop, int_cmp, int_float_cmp, int_view, op};
use crate::list::list_vec;
use crate::object::{Args, Kind, Ref, is_kind, kind, payload};
use crate::set::set_data;
use crate::state::rt;
use crate::str::{as_str, is_str, str_from_owned, str_opt};
use crate::tuple::{is_tuple, tuple_items};
use crate::value::Value;

/// Comparison operator codes (the ABI's numbering, `molt_abi::compare_op`).
pub use molt_abi::compare_op as cmp;

/// Unary operator codes (the ABI's numbering, `molt_abi::unary_op`).
pub use molt_abi::unary_op as unop;

const OP_SYMBOLS: [&str; 13] = [
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@",
];
const OP_NAMES: [&str; 13] = [
    "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or",
    "xor", "matmul",
];
const CMP_SYMBOLS: [&str; 6] = ["==", "!=", "<", "<=", ">", ">="];
const CMP_DUNDERS: [&str; 6] = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];
/// The reflected comparison of each comparison.
const CMP_SWAPPED: [u32; 6] = [cmp::EQ, cmp::NE, cmp::GT, cmp::GE, cmp::LT, cmp::LE];

fn bool_ref(b: bool) -> Ref {
    Ref::new(Value::from_bool(b))
}

// ---------------------------------------------------------------------------------------
// str / repr

thread_local! {
    /// Containers whose repr is in progress (self-referential containers print `[...]`).
    static REPR_STACK: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` unless `v`'s repr is already in progress (then returns `recursive`).
fn repr_guard(v: Value, recursive: &str, f: impl FnOnce() -> R<String>) -> R<String> {
    let busy = REPR_STACK.with(|s| s.borrow().contains(&v));
    if busy {
        return Ok(recursive.to_string());
    }
    REPR_STACK.with(|s| s.borrow_mut().push(v));
    let r = f();
    REPR_STACK.with(|s| {
        s.borrow_mut().pop();
    });
    r
}

/// The address of an object, as CPython's default reprs print it.
pub fn addr(v: Value) -> String {
    format!("0x{:x}", v.0 & crate::value::PAYLOAD_MASK)
}

fn join_reprs(items: &[Value]) -> R<String> {
    let mut out = String::new();
    let owned: Vec<Ref> = items.iter().map(|v| Ref::dup(*v)).collect();
    for (i, item) in owned.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_string(item.v())?);
    }
    Ok(out)
}

fn dict_repr_body(d: Value) -> R<String> {
    let items: Vec<(Ref, Ref)> = dict_data(d)
        .items()
        .into_iter()
        .map(|(k, v)| (Ref::dup(k), Ref::dup(v)))
        .collect();
    let mut out = String::new();
    for (i, (k, v)) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_string(k.v())?);
        out.push_str(": ");
        out.push_str(&repr_string(v.v())?);
    }
    Ok(out)
}

/// `repr(v)` as a Rust string.
///
/// Each call is one level of recursion (CPython's `PyObject_Repr`): the repr of a structure
/// nested deeper than the recursion limit raises `RecursionError: maximum recursion depth
/// exceeded while getting the repr of an object`.
pub fn repr_string(v: Value) -> R<String> {
    if !v.is_ptr() || matches!(kind(v), Kind::Str | Kind::BigInt) {
        // Numbers, strs, `None`: no recursion (and `print(n)` at the limit fails in the
        // write, as in CPython).
        return repr_string_inner(v);
    }
    let _level = crate::recursion::enter(crate::recursion::IN_REPR)?;
    repr_string_inner(v)
}

fn repr_string_inner(v: Value) -> R<String> {
    if v.is_inline_int() {
        return Ok(v.as_inline_int().to_string());
    }
    if v.is_float() {
        return Ok(float_repr(v.as_f64()));
    }
    if v.is_bool() {
        return Ok(if v == Value::TRUE { "True" } else { "False" }.into());
    }
    if v.is_none() {
        return Ok("None".into());
    }
    if !v.is_ptr() {
        return Ok(format!("<special {:#x}>", v.0));
    }
    match kind(v) {
        Kind::Str => Ok(crate::str::repr_text(as_str(v), false)),
        Kind::BigInt => crate::int::int_to_string(int_view(v).unwrap_or(IntV::Small(0))),
        Kind::List => repr_guard(v, "[...]", || {
            Ok(format!("[{}]", join_reprs(&list_vec(v).to_vec())?))
        }),
        Kind::Tuple => {
            let items = tuple_items(v);
            repr_guard(v, "(...)", || {
                if items.len() == 1 {
                    Ok(format!("({},)", repr_string(items[0])?))
                } else {
                    Ok(format!("({})", join_reprs(items)?))
                }
            })
        }
        Kind::Dict => repr_guard(v, "{...}", || Ok(format!("{{{}}}", dict_repr_body(v)?))),
        Kind::Set if crate::set::is_frozen(v) => {
            if set_data(v).is_empty() {
                return Ok("frozenset()".into());
            }
            repr_guard(v, "frozenset(...)", || {
                Ok(format!(
                    "frozenset({{{}}})",
                    join_reprs(&set_data(v).keys())?
                ))
            })
        }
        Kind::Set => {
            if set_data(v).is_empty() {
                return Ok("set()".into());
            }
            repr_guard(v, "set(...)", || {
                Ok(format!("{{{}}}", join_reprs(&set_data(v).keys())?))
            })
        }
        Kind::Range => Ok(crate::range::range_repr(v)),
        Kind::Bytes | Kind::ByteArray => Ok(crate::bytes::bytes_repr(v)),
        Kind::Complex => Ok(crate::complex::complex_repr(v)),
        Kind::MemoryView => Ok(crate::memoryview::repr(v)),
        Kind::Slice => {
            // SAFETY: kind checked.
            let s = unsafe { payload::<[Value; 3]>(v) };
            Ok(format!(
                "slice({}, {}, {})",
                repr_string(s[0])?,
                repr_string(s[1])?,
                repr_string(s[2])?
            ))
        }
        Kind::DictView => {
            let d = crate::dict::view_data(v);
            let name = match d.part {
                crate::object::DictPart::Keys => "dict_keys",
                crate::object::DictPart::Values => "dict_values",
                crate::object::DictPart::Items => "dict_items",
            };
            let items = crate::iter::collect_vec(v)?;
            let vals: Vec<Value> = items.iter().map(Ref::v).collect();
            repr_guard(v, "...", || Ok(format!("{name}([{}])", join_reprs(&vals)?)))
        }
        Kind::Function => {
            // SAFETY: kind checked.
            let f = unsafe { payload::<crate::object::FunctionData>(v) };
            let qualname = crate::attr::function_qualname(f);
            Ok(format!("<function {} at {}>", as_str(qualname), addr(v)))
        }
        Kind::Builtin => {
            use crate::object::BuiltinFlavor as F;
            // SAFETY: kind checked.
            let b = unsafe { payload::<crate::object::BuiltinData>(v) };
            Ok(match b.flavor() {
                F::Function => format!("<built-in function {}>", b.name),
                F::Descriptor { slot: false } => {
                    format!("<method '{}' of '{}' objects>", b.name, class_name(b.owner))
                }
                F::Descriptor { slot: true } => format!(
                    "<slot wrapper '{}' of '{}' objects>",
                    b.name,
                    class_name(b.owner)
                ),
                F::Bound { slot } => format!(
                    "<{} {} of {} object at {}>",
                    if slot {
                        "method-wrapper"
                    } else {
                        "built-in method"
                    },
                    if slot {
                        format!("'{}'", b.name)
                    } else {
                        b.name.to_owned()
                    },
                    type_name(b.receiver),
                    addr(b.receiver)
                ),
                F::Static | F::Class => format!(
                    "<built-in method {} of type object at {}>",
                    b.name,
                    addr(b.home)
                ),
            })
        }
        Kind::BoundMethod => {
            // SAFETY: kind checked.
            let m = unsafe { payload::<[Value; 2]>(v) };
            let fname = crate::attr::getattr_str(m[0], "__qualname__")
                .and_then(|n| str_string(n.v()))
                .unwrap_or_else(|_| {
                    drop(crate::exceptions::take_pending());
                    "?".into()
                });
            Ok(format!(
                "<bound method {} of {}>",
                fname,
                repr_string(m[1])?
            ))
        }
        Kind::Class if crate::class::meta_hook(v, "__repr__").is_some() => instance_repr(v),
        Kind::Class => {
            let name = crate::class::class_qualname(v);
            match crate::class::class_module(v) {
                Some(m) if m != "builtins" => Ok(format!("<class '{m}.{name}'>")),
                _ => Ok(format!("<class '{name}'>")),
            }
        }
        Kind::Module => Ok(crate::modules::module_repr(v)),
        Kind::Instance => instance_repr(v),
        // `<list_iterator object at ...>`, `<itertools.permutations object at ...>`.
        Kind::Iter => Ok(default_repr(v)),
        Kind::Cell => Ok(format!("<cell at {}>", addr(v))),
        Kind::Super => {
            // SAFETY: kind checked.
            let s = unsafe { payload::<[Value; 2]>(v) };
            Ok(format!(
                "<super: <class '{}'>, <{} object>>",
                class_name(s[0]),
                type_name(s[1])
            ))
        }
        Kind::Wrapper => {
            // SAFETY: kind checked.
            let w = unsafe { payload::<crate::object::WrapperData>(v) };
            match w.kind {
                crate::object::WrapperKind::StaticMethod => {
                    Ok(format!("<staticmethod({})>", repr_string(w.f)?))
                }
                crate::object::WrapperKind::ClassMethod => {
                    Ok(format!("<classmethod({})>", repr_string(w.f)?))
                }
                crate::object::WrapperKind::Property => {
                    Ok(format!("<property object at {}>", addr(v)))
                }
                crate::object::WrapperKind::Member => Ok(format!(
                    "<member '{}' of '{}' objects>",
                    as_str(w.f),
                    as_str(w.setter)
                )),
                crate::object::WrapperKind::GetSet => Ok(format!(
                    "<attribute '{}' of '{}' objects>",
                    as_str(w.f),
                    as_str(w.setter)
                )),
            }
        }
        Kind::File => {
            // SAFETY: kind checked.
            let fd = unsafe { *payload::<i32>(v) };
            let (name, mode) = match fd {
                0 => ("<stdin>", "r"),
                1 => ("<stdout>", "w"),
                _ => ("<stderr>", "w"),
            };
            Ok(format!(
                "<_io.TextIOWrapper name='{name}' mode='{mode}' encoding='utf-8'>"
            ))
        }
        Kind::Ellipsis => Ok("Ellipsis".into()),
        Kind::NotImplemented => Ok("NotImplemented".into()),
        Kind::Generator => {
            let q = crate::generator::gen_data(v).qualname.get();
            Ok(format!("<generator object {} at {}>", as_str(q), addr(v)))
        }
    }
}

fn instance_repr(v: Value) -> R<String> {
    let r = instance_repr_obj(v)?;
    Ok(str_opt(r.v()).unwrap_or("").to_string())
}

/// The repr of an instance as a str object: the one its `__repr__` returned.
fn instance_repr_obj(v: Value) -> R<Ref> {
    match call_dunder(v, "__repr__", &[])? {
        Some(r) => match str_opt(r.v()) {
            Some(_) => Ok(r),
            None => type_error(format!(
                "__repr__ returned non-string (type {})",
                type_name(r.v())
            )),
        },
        None => Ok(str_from_owned(default_repr(v))),
    }
}

/// `object.__repr__`: `<__main__.A object at 0x...>`.
pub fn default_repr(v: Value) -> String {
    let cls = type_of(v);
    let name = crate::class::class_qualname(cls);
    match crate::class::class_module(cls) {
        Some(m) if m != "builtins" => format!("<{m}.{name} object at {}>", addr(v)),
        _ => format!("<{name} object at {}>", addr(v)),
    }
}

/// `str(v)` as a Rust string. `str()` of an instance is one level of recursion (CPython's
/// `PyObject_Str`); builtin values go straight to their repr, as in CPython.
pub fn str_string(v: Value) -> R<String> {
    if is_str(v) {
        return Ok(as_str(v).to_string());
    }
    if is_kind(v, Kind::Instance) || crate::class::meta_hook(v, "__str__").is_some() {
        let _level = crate::recursion::enter(crate::recursion::IN_STR)?;
        return match call_dunder(v, "__str__", &[])? {
            Some(r) => match str_opt(r.v()) {
                Some(s) => Ok(s.to_string()),
                None => type_error(format!(
                    "__str__ returned non-string (type {})",
                    type_name(r.v())
                )),
            },
            None => repr_string(v),
        };
    }
    repr_string(v)
}

/// `str(v)`.
pub fn py_str(v: Value) -> R<Ref> {
    if is_str(v) {
        return Ok(Ref::dup(v));
    }
    if is_kind(v, Kind::Instance) || crate::class::meta_hook(v, "__str__").is_some() {
        let _level = crate::recursion::enter(crate::recursion::IN_STR)?;
        if let Some(r) = call_dunder(v, "__str__", &[])? {
            if str_opt(r.v()).is_some() {
                return Ok(r);
            }
            return type_error(format!(
                "__str__ returned non-string (type {})",
                type_name(r.v())
            ));
        }
    }
    Ok(str_from_owned(str_string(v)?))
}

/// `repr(v)`: for an instance, the str its `__repr__` returned itself, as in CPython.
pub fn py_repr(v: Value) -> R<Ref> {
    if is_kind(v, Kind::Instance) {
        let _level = crate::recursion::enter(crate::recursion::IN_REPR)?;
        return instance_repr_obj(v);
    }
    Ok(str_from_owned(repr_string(v)?))
}

/// `ascii(v)`: the repr itself when it is ASCII, as in CPython.
pub fn py_ascii(v: Value) -> R<Ref> {
    let obj = py_repr(v)?;
    let r = str_opt(obj.v()).unwrap_or("");
    if r.is_ascii() {
        return Ok(obj);
    }
    let mut out = String::new();
    for c in r.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
        } else if cp <= 0xff {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp <= 0xffff {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    Ok(str_from_owned(out))
}

// ---------------------------------------------------------------------------------------
// truthiness and len

/// `bool(v)`.
#[inline]
pub fn is_true(v: Value) -> R<bool> {
    if v == Value::TRUE {
        return Ok(true);
    }
    if v == Value::FALSE || v.is_none() {
        return Ok(false);
    }
    if v.is_inline_int() {
        return Ok(v.as_inline_int() != 0);
    }
    if v.is_float() {
        return Ok(v.as_f64() != 0.0);
    }
    if !v.is_ptr() {
        return Ok(false);
    }
    Ok(match kind(v) {
        Kind::Str => crate::str::str_len(v) != 0,
        Kind::Bytes | Kind::ByteArray => !crate::bytes::bytes_data(v).is_empty(),
        Kind::List => list_vec(v).len() != 0,
        Kind::Tuple => !tuple_items(v).is_empty(),
        Kind::Dict => !dict_data(v).is_empty(),
        Kind::Set => !set_data(v).is_empty(),
        Kind::Range => crate::range::range_len(crate::range::range_data(v)) != 0,
        Kind::Complex => {
            let z = crate::complex::parts(v);
            z.re != 0.0 || z.im != 0.0
        }
        Kind::DictView => !dict_data(crate::dict::view_data(v).dict).is_empty(),
        Kind::MemoryView => return crate::memoryview::truth(v),
        Kind::Instance => return instance_bool(v),
        Kind::Class
            if crate::class::meta_hook(v, "__bool__").is_some()
                || crate::class::meta_hook(v, "__len__").is_some() =>
        {
            return instance_bool(v);
        }
        _ => true,
    })
}

fn instance_bool(v: Value) -> R<bool> {
    if let Some(r) = call_dunder(v, "__bool__", &[])? {
        if r.v().is_bool() {
            return Ok(r.v() == Value::TRUE);
        }
        return type_error(format!(
            "__bool__ should return bool, returned {}",
            type_name(r.v())
        ));
    }
    if lookup_dunder(type_of(v), "__len__").is_some() {
        return Ok(py_len_i64(v)? != 0);
    }
    Ok(true)
}

/// `len(v)` for the runtime's own use (a length to index or allocate with): [`py_len_i64`],
/// with `OverflowError` when it exceeds the address space (a huge `range` on wasm32).
pub fn py_len(v: Value) -> R<usize> {
    let n = py_len_i64(v)?;
    usize::try_from(n).or_else(|_| {
        crate::exceptions::overflow_error("Python int too large to convert to C ssize_t")
    })
}

/// `len(v)` as Python's `len()` sees it: CPython's 64-bit `Py_ssize_t` limit on every target,
/// so `len(range(2**40))` is exact on wasm32 too (no conversion through a 32-bit `usize`).
pub fn py_len_i64(v: Value) -> R<i64> {
    if v.is_ptr() {
        match kind(v) {
            Kind::Str => return Ok(crate::str::str_len(v) as i64),
            Kind::Bytes | Kind::ByteArray => return Ok(crate::bytes::bytes_data(v).len() as i64),
            Kind::List => return Ok(list_vec(v).len() as i64),
            Kind::Tuple => return Ok(tuple_items(v).len() as i64),
            Kind::Dict => return Ok(dict_data(v).len() as i64),
            Kind::Set => return Ok(set_data(v).len() as i64),
            Kind::DictView => return Ok(dict_data(crate::dict::view_data(v).dict).len() as i64),
            Kind::MemoryView => return crate::memoryview::len(v),
            Kind::Range => {
                let n = crate::range::range_len(crate::range::range_data(v));
                return i64::try_from(n).or_else(|_| {
                    crate::exceptions::overflow_error(
                        "Python int too large to convert to C ssize_t",
                    )
                });
            }
            Kind::Instance | Kind::Class => {
                if let Some(r) = call_dunder(v, "__len__", &[])? {
                    let n = crate::int::as_ssize(r.v(), Some(ExcKind::OverflowError))?;
                    if n < 0 {
                        return value_error("__len__() should return >= 0");
                    }
                    return Ok(n);
                }
            }
            _ => {}
        }
    }
    type_error(format!("object of type '{}' has no len()", type_name(v)))
}

// ---------------------------------------------------------------------------------------
// binary operators

/// `a op b` (`op` as in the ABI: 0..=12, plus 16 for the in-place form).
pub fn binary(opc: u32, a: Value, b: Value) -> R<Ref> {
    let inplace = opc & 16 != 0;
    let o = opc & !16;
    if o > op::MATMUL {
        return raise(
            ExcKind::RuntimeError,
            format!("bad binary operator code {opc}"),
        );
    }
    // `&`, `|` and `^` of two bools give a bool (`bool.__and__` and friends).
    if a.is_bool() && b.is_bool() && matches!(o, op::AND | op::OR | op::XOR) {
        let (x, y) = (a == Value::TRUE, b == Value::TRUE);
        return Ok(bool_ref(match o {
            op::AND => x & y,
            op::OR => x | y,
            _ => x ^ y,
        }));
    }
    // Numbers.
    if let (Some(x), Some(y)) = (int_view(a), int_view(b)) {
        if let Some(r) = int_binop(o, x, y)? {
            return Ok(r);
        }
    } else if (a.is_float() || b.is_float())
        && let (Some(x), Some(y)) = (crate::float::numeric_f64(a), crate::float::numeric_f64(b))
    {
        if let Some(r) = float_binop(o, x?, y?)? {
            return Ok(r);
        }
    } else if let Some(r) = crate::complex::complex_binop(o, a, b)? {
        return Ok(r);
    }
    if let Some(r) = container_binop(o, inplace, a, b)? {
        return Ok(r);
    }
    if is_instance(a) || is_instance(b) {
        if let Some(r) = binary_dunder(o, inplace, a, b)? {
            return Ok(r);
        }
        // A sequence times an object with `__index__` (after its `__mul__`/`__rmul__`).
        if o == op::MUL {
            let seq = |v: Value| {
                is_kind(v, Kind::Str) || is_kind(v, Kind::List) || is_kind(v, Kind::Tuple)
            };
            let index = |v: Value| is_instance(v) && crate::int::has_index(v);
            if (seq(a) && index(b)) || (seq(b) && index(a)) {
                let (s, n) = if seq(a) { (a, b) } else { (b, a) };
                let count = crate::int::as_ssize(n, Some(ExcKind::OverflowError))?;
                let n = crate::int::int_from_i64(count);
                return binary(opc, s, n.v());
            }
        }
    }
    // A builtin operand's own operation accepts an instance of a subclass of a builtin
    // value type (`"a" + S("b")`, `I(1) + 1.5`): CPython's slot of the builtin side computes
    // with the value the instance carries; its TypeError names the operands' own types.
    let (ua, ub) = (crate::class::unwrap_value(a), crate::class::unwrap_value(b));
    if (ua != a && !is_instance(b)) || (ub != b && !is_instance(a)) {
        return match binary(opc, ua, ub) {
            Err(_) if crate::exceptions::pending_is(ExcKind::TypeError) => {
                drop(crate::exceptions::take_pending());
                binary_type_error(o, inplace, a, b)
            }
            // `"" + S("a")` is a new exact str, not the text the instance carries.
            Ok(r) if ub != b => Ok(crate::class::fresh_if_carried(r, ub)),
            Ok(r) if ua != a => Ok(crate::class::fresh_if_carried(r, ua)),
            r => r,
        };
    }
    // `int | None`, `list[int] | str`: `type.__or__` and `__ror__`.
    if o == op::OR
        && let Some(r) = crate::generic_alias::type_or(a, b)?
    {
        return Ok(r);
    }
    binary_type_error(o, inplace, a, b)
}

fn container_binop(o: u32, inplace: bool, a: Value, b: Value) -> R<Option<Ref>> {
    if !a.is_ptr() && !b.is_ptr() {
        return Ok(None);
    }
    let ka = crate::object::kind_of(a);
    let kb = crate::object::kind_of(b);
    let r = match o {
        op::ADD if matches!(ka, Some(Kind::Bytes | Kind::ByteArray)) => {
            return crate::bytes::bytes_concat(a, b, inplace);
        }
        op::MUL
            if matches!(ka, Some(Kind::Bytes | Kind::ByteArray)) && int_view(b).is_some()
                || matches!(kb, Some(Kind::Bytes | Kind::ByteArray)) && int_view(a).is_some() =>
        {
            let (seq, n) = if int_view(b).is_some() {
                (a, b)
            } else {
                (b, a)
            };
            let count = crate::int::as_ssize(n, Some(ExcKind::OverflowError))?;
            crate::bytes::bytes_repeat(seq, count, inplace && seq == a)?
        }
        op::MOD if matches!(ka, Some(Kind::Bytes | Kind::ByteArray)) => {
            let data = crate::bytes::bytes_data(a).to_vec();
            let out = crate::format::bytes_percent_format(&data, b)?;
            if ka == Some(Kind::ByteArray) {
                crate::bytes::bytearray_from_vec(out)
            } else {
                crate::bytes::bytes_from_vec(out)
            }
        }
        op::ADD => match (ka, kb) {
            (Some(Kind::Str), Some(Kind::Str)) => crate::str::str_concat(a, b),
            (Some(Kind::List), _) if inplace => {
                crate::list::list_extend(a, b)?;
                Ref::dup(a)
            }
            (Some(Kind::List), Some(Kind::List)) => crate::list::list_concat(a, b),
            (Some(Kind::Tuple), Some(Kind::Tuple)) => crate::tuple::tuple_concat(a, b),
            _ => return Ok(None),
        },
        op::MUL => {
            let (seq, n) = match (ka, kb) {
                (Some(Kind::Str | Kind::List | Kind::Tuple), _) if int_view(b).is_some() => (a, b),
                (_, Some(Kind::Str | Kind::List | Kind::Tuple)) if int_view(a).is_some() => (b, a),
                _ => return Ok(None),
            };
            let count = crate::int::as_ssize(n, Some(ExcKind::OverflowError))?;
            match kind(seq) {
                Kind::Str => crate::str::str_repeat(seq, count)?,
                Kind::List if inplace && seq == a => {
                    let rep = crate::list::list_repeat(a, count)?;
                    let new = list_vec(rep.v()).take();
                    let old = list_vec(a).replace(new);
                    crate::object::decref_all(&old);
                    Ref::dup(a)
                }
                Kind::List => crate::list::list_repeat(seq, count)?,
                _ => crate::tuple::tuple_repeat(seq, count)?,
            }
        }
        op::MOD if ka == Some(Kind::Str) => match crate::format::percent_single(as_str(a), b)? {
            Some(r) => r,
            None => str_from_owned(crate::format::percent_format(as_str(a), b)?),
        },
        op::SUB | op::AND | op::OR | op::XOR if ka == Some(Kind::Set) && kb == Some(Kind::Set) => {
            // A frozenset has no in-place form: `f |= s` makes a new frozenset.
            if inplace && !crate::set::is_frozen(a) {
                let s = set_data(a);
                match o {
                    op::SUB => s.difference_update(a, b)?,
                    op::AND => {
                        let r = crate::set::set_intersection(a, b)?;
                        s.clear();
                        s.update(r.v())?;
                    }
                    op::OR => s.update(b)?,
                    _ => s.symmetric_difference_update(a, b)?,
                }
                Ref::dup(a)
            } else {
                let r = match o {
                    op::SUB => crate::set::set_difference(a, b)?,
                    op::AND => crate::set::set_intersection(a, b)?,
                    op::OR => crate::set::set_union(a, b)?,
                    _ => crate::set::set_symmetric_difference(a, b)?,
                };
                crate::set::same_type_as(a, r)
            }
        }
        // `d |= other` updates the dict in place, whatever `other` is (an items view too).
        op::OR if inplace && ka == Some(Kind::Dict) => {
            crate::dict::dict_update(a, b)?;
            Ref::dup(a)
        }
        op::SUB | op::AND | op::OR | op::XOR
            if (crate::dict::is_set_view(a) || crate::dict::is_set_view(b))
                && ka != Some(Kind::Instance)
                && kb != Some(Kind::Instance) =>
        {
            let sym = match o {
                op::SUB => '-',
                op::AND => '&',
                op::OR => '|',
                _ => '^',
            };
            crate::dict::view_binop(sym, a, b)?
        }
        op::OR if ka == Some(Kind::Dict) && kb == Some(Kind::Dict) => {
            if inplace {
                crate::dict::dict_update(a, b)?;
                Ref::dup(a)
            } else {
                let d = crate::dict::dict_copy(a);
                crate::dict::dict_update(d.v(), b)?;
                d
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(r))
}

fn is_not_implemented(v: Value) -> bool {
    v == rt().not_implemented
}

/// `__op__` / `__rop__` / `__iop__` dispatch; `None` when every candidate returned
/// `NotImplemented` or is missing.
fn binary_dunder(o: u32, inplace: bool, a: Value, b: Value) -> R<Option<Ref>> {
    let name = OP_NAMES[o as usize];
    if inplace && is_instance(a) {
        if let Some(r) = call_dunder(a, &format!("__i{name}__"), &[b])? {
            if !is_not_implemented(r.v()) {
                return Ok(Some(r));
            }
        }
    }
    let (ta, tb) = (type_of(a), type_of(b));
    let forward = format!("__{name}__");
    let reflected = format!("__r{name}__");
    let mut tried_reflected = false;
    // The right operand's reflected method goes first when its class is a subclass of the
    // left one's that overrides that method (CPython's `method_is_overloaded`).
    let overridden = |reflected_b: Option<Value>| {
        reflected_b.is_some() && reflected_b != lookup_dunder(ta, &reflected)
    };
    if ta != tb
        && is_instance(b)
        && crate::class::is_subclass(tb, ta)
        && overridden(lookup_dunder(tb, &reflected))
    {
        tried_reflected = true;
        if let Some(r) = call_dunder(b, &reflected, &[a])? {
            if !is_not_implemented(r.v()) {
                return Ok(Some(r));
            }
        }
    }
    if is_instance(a) {
        if let Some(r) = call_dunder(a, &forward, &[b])? {
            if !is_not_implemented(r.v()) {
                return Ok(Some(r));
            }
        }
    }
    if !tried_reflected && ta != tb && is_instance(b) {
        if let Some(r) = call_dunder(b, &reflected, &[a])? {
            if !is_not_implemented(r.v()) {
                return Ok(Some(r));
            }
        }
    }
    Ok(None)
}

fn binary_type_error<T>(o: u32, inplace: bool, a: Value, b: Value) -> R<T> {
    let (ta, tb) = (type_name(a), type_name(b));
    if o == op::ADD {
        // `+=` on a str or a tuple is their `+` (a list's is `extend`, not here).
        for (k, n) in [
            (Kind::Str, "str"),
            (Kind::List, "list"),
            (Kind::Tuple, "tuple"),
        ] {
            if is_kind(crate::class::unwrap_value(a), k) && !(inplace && k == Kind::List) {
                return type_error(format!("can only concatenate {n} (not \"{tb}\") to {n}"));
            }
        }
    }
    if o == op::MUL {
        let seq = |v: Value| {
            is_kind(v, Kind::Str)
                || is_kind(v, Kind::List)
                || is_kind(v, Kind::Tuple)
                || is_kind(v, Kind::Bytes)
                || is_kind(v, Kind::ByteArray)
        };
        if seq(a) {
            return type_error(format!("can't multiply sequence by non-int of type '{tb}'"));
        }
        if seq(b) {
            return type_error(format!("can't multiply sequence by non-int of type '{ta}'"));
        }
    }
    let sym = if o == op::POW && !inplace {
        "** or pow()".to_string()
    } else {
        OP_SYMBOLS[o as usize].to_string()
    };
    let sym = if inplace { format!("{sym}=") } else { sym };
    type_error(format!(
        "unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"
    ))
}

// ---------------------------------------------------------------------------------------
// unary operators

/// `op v` (`op` as in the ABI: neg, pos, invert, not).
pub fn unary(opc: u32, v: Value) -> R<Ref> {
    match opc {
        unop::NOT => return Ok(bool_ref(!is_true(v)?)),
        unop::NEG | unop::POS | unop::INVERT => {}
        _ => {
            return raise(
                ExcKind::RuntimeError,
                format!("bad unary operator code {opc}"),
            );
        }
    }
    if let Some(i) = int_view(v) {
        return Ok(match opc {
            unop::NEG => crate::int::int_neg(i),
            unop::POS => crate::int::int_from_big(i.to_big()),
            _ => crate::int::int_invert(i),
        });
    }
    if v.is_float() && opc != unop::INVERT {
        // `+x` is `x` itself (the same object, as in CPython); `-x` is a new float.
        return Ok(Ref::new(if opc == unop::NEG {
            Value::from_f64(-v.as_f64())
        } else {
            v
        }));
    }
    if crate::complex::is_complex(v) && opc != unop::INVERT {
        return Ok(if opc == unop::NEG {
            crate::complex::complex_neg(v)
        } else {
            Ref::dup(v)
        });
    }
    let (dunder, sym) = match opc {
        unop::NEG => ("__neg__", "-"),
        unop::POS => ("__pos__", "+"),
        _ => ("__invert__", "~"),
    };
    if is_instance(v) {
        if let Some(r) = call_dunder(v, dunder, &[])? {
            return Ok(r);
        }
    }
    type_error(format!(
        "bad operand type for unary {sym}: '{}'",
        type_name(v)
    ))
}

// ---------------------------------------------------------------------------------------
// comparison

/// Equality that never runs Python code: `Some(eq)` when decidable natively (numbers, strs,
/// tuples of such, values of unrelated builtin types), `None` when `__eq__` must run.
pub fn native_eq(a: Value, b: Value) -> Option<bool> {
    if a == b && !crate::complex::is_complex(a) {
        return Some(!(a.is_float() && a.as_f64().is_nan()));
    }
    if is_instance(a) || is_instance(b) {
        return None;
    }
    if crate::complex::is_complex(a) {
        return Some(crate::complex::complex_eq(a, b).unwrap_or(false));
    }
    if crate::complex::is_complex(b) {
        return Some(crate::complex::complex_eq(b, a).unwrap_or(false));
    }
    if let (Some(x), Some(y)) = (int_view(a), int_view(b)) {
        return Some(int_cmp(x, y) == Ordering::Equal);
    }
    if a.is_float() {
        if b.is_float() {
            return Some(a.as_f64() == b.as_f64());
        }
        if let Some(y) = int_view(b) {
            return Some(int_float_cmp(y, a.as_f64()) == Some(Ordering::Equal));
        }
        return Some(false);
    }
    if b.is_float() {
        if let Some(x) = int_view(a) {
            return Some(int_float_cmp(x, b.as_f64()) == Some(Ordering::Equal));
        }
        return Some(false);
    }
    if !a.is_ptr() || !b.is_ptr() {
        return Some(false);
    }
    match (kind(a), kind(b)) {
        (Kind::Str, Kind::Str) => Some(as_str(a) == as_str(b)),
        (Kind::Bytes | Kind::ByteArray, Kind::Bytes | Kind::ByteArray) => {
            Some(crate::bytes::bytes_data(a) == crate::bytes::bytes_data(b))
        }
        (Kind::Tuple, Kind::Tuple) => {
            let (x, y) = (tuple_items(a), tuple_items(b));
            if x.len() != y.len() {
                return Some(false);
            }
            // Nested tuples count as comparison levels; past the limit the caller's
            // `rich_compare` raises the `RecursionError`.
            let _level = crate::recursion::try_enter()?;
            for (p, q) in x.iter().zip(y) {
                match native_eq(*p, *q) {
                    Some(true) => {}
                    Some(false) => return Some(false),
                    None => return None,
                }
            }
            Some(true)
        }
        (Kind::List, Kind::List)
        | (Kind::Dict, Kind::Dict)
        | (Kind::Set, Kind::Set)
        | (Kind::Range, Kind::Range)
        | (Kind::DictView, _)
        | (_, Kind::DictView)
        | (Kind::BoundMethod, Kind::BoundMethod)
        | (Kind::MemoryView, _)
        | (_, Kind::MemoryView)
        | (Kind::Instance, _)
        | (_, Kind::Instance) => None,
        _ => Some(false),
    }
}

/// Container equality (`PyObject_RichCompareBool`): identity first, then `==`.
pub fn py_eq_bool(a: Value, b: Value) -> R<bool> {
    if a == b {
        return Ok(true);
    }
    if let Some(r) = native_eq(a, b) {
        return Ok(r);
    }
    let r = rich_compare(cmp::EQ, a, b)?;
    is_true(r.v())
}

/// `a < b` as a bool.
pub fn py_lt_bool(a: Value, b: Value) -> R<bool> {
    if let Some(r) = lt_native(a, b) {
        return Ok(r);
    }
    // Two exact tuples (the records of heaps and sorts): their comparison directly, without
    // a bool object in between (the same `seq_compare` `rich_compare` reaches).
    if crate::tuple::is_tuple(a) && crate::tuple::is_tuple(b) {
        return seq_compare(cmp::LT, a, b);
    }
    let r = rich_compare(cmp::LT, a, b)?;
    is_true(r.v())
}

/// `a op b` for the ABI's comparison codes (`==` .. `not in`).
pub fn compare(opc: u32, a: Value, b: Value) -> R<Ref> {
    match opc {
        cmp::IS => Ok(bool_ref(a == b)),
        cmp::ISNOT => Ok(bool_ref(a != b)),
        cmp::IN => Ok(bool_ref(contains(b, a)?)),
        cmp::NOTIN => Ok(bool_ref(!contains(b, a)?)),
        cmp::EQ..=cmp::GE => rich_compare(opc, a, b),
        _ => raise(
            ExcKind::RuntimeError,
            format!("bad comparison operator code {opc}"),
        ),
    }
}

pub(crate) fn ord_result(opc: u32, o: Ordering) -> bool {
    match opc {
        cmp::EQ => o == Ordering::Equal,
        cmp::NE => o != Ordering::Equal,
        cmp::LT => o == Ordering::Less,
        cmp::LE => o != Ordering::Greater,
        cmp::GT => o == Ordering::Greater,
        _ => o != Ordering::Less,
    }
}

fn partial_result(opc: u32, o: Option<Ordering>) -> bool {
    match o {
        Some(o) => ord_result(opc, o),
        None => opc == cmp::NE,
    }
}

/// Rich comparison `a op b` for `op` in `==`..`>=` (no identity shortcut: `nan == nan` is
/// False).
pub fn rich_compare(opc: u32, a: Value, b: Value) -> R<Ref> {
    if a.is_inline_int() && b.is_inline_int() {
        return Ok(bool_ref(ord_result(
            opc,
            a.as_inline_int().cmp(&b.as_inline_int()),
        )));
    }
    if a.is_float() && b.is_float() {
        return Ok(bool_ref(partial_result(
            opc,
            a.as_f64().partial_cmp(&b.as_f64()),
        )));
    }
    // One level of recursion per comparison of other values (CPython's
    // `PyObject_RichCompare`): nested containers and `__eq__` recursion raise
    // `RecursionError: maximum recursion depth exceeded in comparison`.
    let _level = crate::recursion::enter(crate::recursion::IN_COMPARISON)?;
    if let Some(r) = native_compare(opc, a, b)? {
        return Ok(bool_ref(r));
    }
    // A bytearray compares the bytes of any buffer (an `array.array`), first when it is
    // the left operand, after the array's own method otherwise, as CPython's.
    // (A C-contiguous memoryview too: CPython's bytearray orders any simple buffer.)
    let simple_view = |v: Value| {
        crate::memoryview::is_memoryview(v) && crate::memoryview::contiguous_bytes(v).is_some()
    };
    if crate::bytes::is_bytearray(a) && (crate::bytes::is_array(b) || simple_view(b)) {
        return Ok(bool_ref(crate::bytes::bytearray_buffer_compare(opc, a, b)?));
    }
    if is_instance(a) || is_instance(b) {
        if let Some(r) = compare_dunder(opc, a, b)? {
            return Ok(r);
        }
        // The subclass instance's method declined (`Counter.__eq__` returns NotImplemented
        // for a `dict`): CPython then runs the builtin operand's own comparison on the
        // builtin value the instance carries (`dict.__eq__(d, counter)`).
        if let Some(r) = builtin_operand_compare(opc, a, b)? {
            return Ok(bool_ref(r));
        }
    }
    if crate::bytes::is_bytearray(b) && (crate::bytes::is_array(a) || simple_view(a)) {
        let swapped = CMP_SWAPPED[opc as usize];
        return Ok(bool_ref(crate::bytes::bytearray_buffer_compare(
            swapped, b, a,
        )?));
    }
    match opc {
        cmp::EQ => Ok(bool_ref(a == b)),
        cmp::NE => Ok(bool_ref(a != b)),
        _ => type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            CMP_SYMBOLS[opc as usize],
            type_name(a),
            type_name(b)
        )),
    }
}

/// The builtin operand's comparison of `a op b` when exactly one operand is an instance of
/// a subclass of a builtin container or str type and the other a builtin value of that same
/// type (its methods declined): the builtin's slot compares the instance's builtin value.
/// `None` for any other pair (then `==` falls back to identity).
fn builtin_operand_compare(opc: u32, a: Value, b: Value) -> R<Option<bool>> {
    let (plain, inner, op) = match (is_instance(a), is_instance(b)) {
        (true, false) => match crate::class::builtin_value(a) {
            Some(x) => (b, x, CMP_SWAPPED[opc as usize]),
            None => return Ok(None),
        },
        (false, true) => match crate::class::builtin_value(b) {
            Some(y) => (a, y, opc),
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    if !plain.is_ptr() || !inner.is_ptr() || kind(plain) != kind(inner) {
        return Ok(None);
    }
    native_compare(op, plain, inner)
}

/// Comparison of builtin values; `None` when not natively comparable.
fn native_compare(opc: u32, a: Value, b: Value) -> R<Option<bool>> {
    if opc <= cmp::NE && (crate::complex::is_complex(a) || crate::complex::is_complex(b)) {
        let eq = if crate::complex::is_complex(a) {
            crate::complex::complex_eq(a, b)
        } else {
            crate::complex::complex_eq(b, a)
        };
        if let Some(eq) = eq {
            return Ok(Some(if opc == cmp::EQ { eq } else { !eq }));
        }
    }
    if let Some(x) = int_view(a) {
        if let Some(y) = int_view(b) {
            return Ok(Some(ord_result(opc, int_cmp(x, y))));
        }
        if b.is_float() {
            return Ok(Some(partial_result(opc, int_float_cmp(x, b.as_f64()))));
        }
    } else if a.is_float() {
        if let Some(y) = int_view(b) {
            let o = int_float_cmp(y, a.as_f64()).map(Ordering::reverse);
            return Ok(Some(partial_result(opc, o)));
        }
    }
    if !a.is_ptr() || !b.is_ptr() {
        if a.is_none() && b.is_none() && opc <= cmp::NE {
            return Ok(Some(opc == cmp::EQ));
        }
        return Ok(None);
    }
    let (ka, kb) = (kind(a), kind(b));
    if opc <= cmp::NE && ka != Kind::Instance && kb != Kind::Instance {
        // A view compares by value with any buffer (`NotImplemented` otherwise).
        let eq = if ka == Kind::MemoryView {
            crate::memoryview::equal(a, b)?
        } else {
            None
        };
        let eq = match eq {
            None if kb == Kind::MemoryView => crate::memoryview::equal(b, a)?,
            e => e,
        };
        if let Some(eq) = eq {
            return Ok(Some(if opc == cmp::EQ { eq } else { !eq }));
        }
    }
    let r = match (ka, kb) {
        (Kind::Str, Kind::Str) => ord_result(opc, as_str(a).cmp(as_str(b))),
        (Kind::Bytes | Kind::ByteArray, Kind::Bytes | Kind::ByteArray) => ord_result(
            opc,
            crate::bytes::bytes_data(a).cmp(crate::bytes::bytes_data(b)),
        ),
        (Kind::List, Kind::List) | (Kind::Tuple, Kind::Tuple) => {
            return seq_compare(opc, a, b).map(Some);
        }
        (Kind::Dict, Kind::Dict) if opc <= cmp::NE => {
            let eq = dict_eq(a, b)?;
            if opc == cmp::EQ { eq } else { !eq }
        }
        (Kind::Set, Kind::Set) => {
            use crate::set::{set_eq, set_issubset};
            match opc {
                cmp::EQ => set_eq(a, b)?,
                cmp::NE => !set_eq(a, b)?,
                cmp::LE => set_issubset(a, b)?,
                cmp::GE => set_issubset(b, a)?,
                cmp::LT => set_data(a).len() < set_data(b).len() && set_issubset(a, b)?,
                _ => set_data(b).len() < set_data(a).len() && set_issubset(b, a)?,
            }
        }
        (Kind::Range, Kind::Range) if opc <= cmp::NE => {
            let eq = crate::range::range_eq(a, b);
            if opc == cmp::EQ { eq } else { !eq }
        }
        (Kind::DictView, _) | (_, Kind::DictView) => {
            return crate::dict::view_compare(opc, a, b);
        }
        // Slices compare as their `(start, stop, step)` tuples.
        (Kind::Slice, Kind::Slice) => {
            let (x, y) = (crate::slots::slice_tuple(a), crate::slots::slice_tuple(b));
            return seq_compare(opc, x.v(), y.v()).map(Some);
        }
        (Kind::BoundMethod, Kind::BoundMethod) if opc <= cmp::NE => {
            // Equal when bound to the same object (identity) with equal functions.
            // SAFETY: kinds checked.
            let (x, y) = unsafe { (payload::<[Value; 2]>(a), payload::<[Value; 2]>(b)) };
            let eq = x[1] == y[1] && is_true(rich_compare(cmp::EQ, x[0], y[0])?.v())?;
            if opc == cmp::EQ { eq } else { !eq }
        }
        _ => return Ok(None),
    };
    Ok(Some(r))
}

fn dict_eq(a: Value, b: Value) -> R<bool> {
    if dict_data(a).len() != dict_data(b).len() {
        return Ok(false);
    }
    let items: Vec<(Ref, Ref)> = dict_data(a)
        .items()
        .into_iter()
        .map(|(k, v)| (Ref::dup(k), Ref::dup(v)))
        .collect();
    for (k, v) in items {
        match dict_data(b).get(k.v())? {
            None => return Ok(false),
            Some(w) => {
                let w = Ref::dup(w);
                if !py_eq_bool(v.v(), w.v())? {
                    return Ok(false);
                }
            }
        }
    }
    Ok(true)
}

/// `a < b` when it is decided without running any Python code: two small ints, or two exact
/// tuples whose items up to the first unequal pair (or the end of the shorter one) are
/// small ints, exact strs or floats that are not NaN (the records of heaps and sorts).
/// `None`: the caller takes the general comparison.
#[inline]
pub(crate) fn lt_native(a: Value, b: Value) -> Option<bool> {
    if a.is_inline_int() && b.is_inline_int() {
        return Some(a.as_inline_int() < b.as_inline_int());
    }
    if is_tuple(a) && is_tuple(b) {
        return tuple_native_prefix(cmp::LT, tuple_items(a), tuple_items(b)).ok();
    }
    None
}

/// The ordering of two items that compare without running Python code (two small ints, two
/// exact strs, two floats that are not NaN); `None` for anything else.
#[inline(always)]
fn item_order_native(x: Value, y: Value) -> Option<Ordering> {
    if x.is_inline_int() && y.is_inline_int() {
        Some(x.as_inline_int().cmp(&y.as_inline_int()))
    } else if is_str(x) && is_str(y) {
        // By code point, as their UTF-8 bytes order.
        Some(as_str(x).cmp(as_str(y)))
    } else if x.is_float() && y.is_float() {
        x.as_f64().partial_cmp(&y.as_f64())
    } else {
        None
    }
}

/// The lexicographic comparison `opc` of two tuples' items as far as their items compare
/// natively ([`item_order_native`]): `Ok(result)` when that decides it, `Err(i)` with the
/// index of the first pair that needs the general comparison. Tuples never change, so the
/// item slices stay valid throughout.
#[inline]
fn tuple_native_prefix(opc: u32, xs: &[Value], ys: &[Value]) -> Result<bool, usize> {
    for (i, (x, y)) in xs.iter().zip(ys).enumerate() {
        match item_order_native(*x, *y) {
            Some(Ordering::Equal) => {}
            Some(o) => return Ok(ord_result(opc, o)),
            None => return Err(i),
        }
    }
    Ok(ord_result(opc, xs.len().cmp(&ys.len())))
}

/// Lexicographic comparison of two lists or two tuples (`opc` a `cmp` code), as CPython's
/// `list_richcompare`/`tuplerichcompare`: the first items that are not equal decide.
pub(crate) fn seq_compare(opc: u32, a: Value, b: Value) -> R<bool> {
    let len = |v: Value| crate::iter::seq_items(v).len();
    if opc <= cmp::NE && len(a) != len(b) {
        return Ok(opc == cmp::NE);
    }
    let mut i = 0;
    if is_tuple(a) && is_tuple(b) {
        match tuple_native_prefix(opc, tuple_items(a), tuple_items(b)) {
            Ok(r) => return Ok(r),
            Err(first) => i = first,
        }
    }
    loop {
        let (la, lb) = (len(a), len(b));
        if i >= la || i >= lb {
            return Ok(ord_result(opc, la.cmp(&lb)));
        }
        let (x, y) = (crate::iter::seq_items(a)[i], crate::iter::seq_items(b)[i]);
        // Two small ints, two exact strs or two floats that are not NaN, the usual items of
        // sorted or heaped sequences: no reference, no dispatch, and nothing a comparison of
        // them could run.
        match item_order_native(x, y) {
            Some(Ordering::Equal) => {
                i += 1;
                continue;
            }
            Some(o) => return Ok(ord_result(opc, o)),
            None => {}
        }
        let x = Ref::dup(x);
        let y = Ref::dup(y);
        if !py_eq_bool(x.v(), y.v())? {
            return match opc {
                cmp::EQ => Ok(false),
                cmp::NE => Ok(true),
                _ => {
                    let r = rich_compare(opc, x.v(), y.v())?;
                    is_true(r.v())
                }
            };
        }
        i += 1;
    }
}

/// `__eq__`/`__lt__`/... dispatch with reflection; `None` when all are `NotImplemented`.
fn compare_dunder(opc: u32, a: Value, b: Value) -> R<Option<Ref>> {
    let (ta, tb) = (type_of(a), type_of(b));
    let swapped = CMP_SWAPPED[opc as usize];
    let name = CMP_DUNDERS[opc as usize];
    let rname = CMP_DUNDERS[swapped as usize];
    let mut tried_reflected = false;
    if ta != tb
        && is_instance(b)
        && crate::class::is_subclass(tb, ta)
        && lookup_dunder(tb, rname).is_some()
    {
        tried_reflected = true;
        if let Some(r) = call_dunder(b, rname, &[a])? {
            if !is_not_implemented(r.v()) {
                return Ok(Some(r));
            }
        }
    }
    if is_instance(a) {
        if let Some(r) = call_dunder(a, name, &[b])? {
            if !is_not_implemented(r.v()) {
                return Ok(Some(r));
            }
        }
    }
    if !tried_reflected && is_instance(b) {
        if let Some(r) = call_dunder(b, rname, &[a])? {
            if !is_not_implemented(r.v()) {
                return Ok(Some(r));
            }
        }
    }
    // No fallback for `!=` here: `object.__ne__` (found by the lookups above like any
    // inherited method) already negates `__eq__`, as in CPython.
    Ok(None)
}

/// `item in container`.
pub fn contains(container: Value, item: Value) -> R<bool> {
    if container.is_ptr() {
        match kind(container) {
            Kind::Str => return crate::str::str_contains(container, item),
            Kind::Bytes | Kind::ByteArray => {
                return crate::bytes::bytes_contains(container, item);
            }
            Kind::List | Kind::Tuple => {
                let mut i = 0;
                while i < crate::iter::seq_items(container).len() {
                    let x = Ref::dup(crate::iter::seq_items(container)[i]);
                    if py_eq_bool(x.v(), item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
                return Ok(false);
            }
            Kind::Dict => return dict_data(container).contains(item),
            Kind::Set => return crate::set::set_contains(container, item),
            Kind::Range => return crate::range::range_contains(container, item),
            Kind::DictView => {
                let view = crate::dict::view_data(container);
                match view.part {
                    crate::object::DictPart::Keys => return dict_data(view.dict).contains(item),
                    crate::object::DictPart::Items => {
                        let kv = tuple_items(item);
                        if !is_tuple(item) || kv.len() != 2 {
                            return Ok(false);
                        }
                        return match dict_data(view.dict).get(kv[0])? {
                            Some(v) => {
                                let v = Ref::dup(v);
                                py_eq_bool(v.v(), kv[1])
                            }
                            None => Ok(false),
                        };
                    }
                    crate::object::DictPart::Values => {}
                }
            }
            Kind::MemoryView => {
                // No `__contains__`: membership iterates the items.
                let it = crate::iter::py_iter(container)?;
                while let Some(x) = crate::iter::py_next(it.v())? {
                    if py_eq_bool(x.v(), item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            Kind::Class if crate::class::user_meta(container).is_some() => {
                if let Some(f) = crate::class::meta_hook(container, "__contains__") {
                    let f = Ref::dup(f);
                    let r = crate::call::call_found(
                        f.v(),
                        container,
                        type_of(container),
                        Args::positional(&[item]),
                    )?;
                    return is_true(r.v());
                }
                if crate::class::meta_hook(container, "__iter__").is_some() {
                    let it = crate::iter::py_iter(container)?;
                    while let Some(x) = crate::iter::py_next(it.v())? {
                        if py_eq_bool(x.v(), item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
            }
            Kind::Instance => {
                if let Some(r) = call_dunder(container, "__contains__", &[item])? {
                    return is_true(r.v());
                }
                // Without `__contains__`, membership iterates; an object that cannot be
                // iterated gets CPython's message for `in`, not `iter()`'s.
                let iter_blocked = crate::class::lookup(type_of(container), "__iter__")
                    .is_some_and(|f| f.is_none());
                if iter_blocked
                    || (!crate::class::has_dunder(container, "__iter__")
                        && !crate::class::has_dunder(container, "__getitem__"))
                {
                    return type_error(format!(
                        "argument of type '{}' is not iterable",
                        type_name(container)
                    ));
                }
            }
            _ => {}
        }
        if matches!(
            kind(container),
            Kind::Iter | Kind::Instance | Kind::DictView | Kind::Generator | Kind::File
        ) {
            let it = crate::iter::py_iter(container)?;
            while let Some(x) = crate::iter::py_next(it.v())? {
                if py_eq_bool(x.v(), item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
    }
    type_error(format!(
        "argument of type '{}' is not iterable",
        type_name(container)
    ))
}

// ---------------------------------------------------------------------------------------
// slices and subscripts

/// A new slice object.
pub fn slice_new(lo: Value, hi: Value, step: Value) -> Ref {
    let vals = [
        crate::object::incref(lo),
        crate::object::incref(hi),
        crate::object::incref(step),
    ];
    crate::object::alloc_ref(Kind::Slice, vals)
}

/// A slice bound as CPython's `_PyEval_SliceIndex` reads it: an int or an object with
/// `__index__`, clamped to a range where the index arithmetic cannot overflow.
fn slice_bound(v: Value) -> R<i64> {
    let i = match int_view(v) {
        Some(IntV::Small(i)) => i,
        _ if crate::int::has_index(v) => crate::int::as_ssize(v, None)?,
        _ => {
            return type_error(
                "slice indices must be integers or None or have an __index__ method",
            );
        }
    };
    Ok(i.clamp(i64::MIN / 2, i64::MAX / 2))
}

/// CPython's `PySlice_GetIndicesEx`: (start, stop, step) adjusted to a sequence of `len`.
pub fn slice_indices(slice: Value, len: usize) -> R<(i64, i64, i64)> {
    slice_indices_of(slice, len as i64)
}

/// [`slice_indices`] for a length given as an `i64` (`0 <= len`), which may exceed the
/// address space (a `range`, `slice.indices(n)`): no conversion through `usize`, so the
/// result is the same on wasm32 as on 64-bit targets.
pub fn slice_indices_of(slice: Value, len: i64) -> R<(i64, i64, i64)> {
    // SAFETY: callers pass a slice.
    let s = unsafe { payload::<[Value; 3]>(slice) };
    let step = if s[2].is_none() {
        1
    } else {
        slice_bound(s[2])?
    };
    if step == 0 {
        return value_error("slice step cannot be zero");
    }
    let (lower, upper) = if step > 0 { (0, len) } else { (-1, len - 1) };
    let adjust = |v: Value, default: i64| -> R<i64> {
        if v.is_none() {
            return Ok(default);
        }
        let mut i = slice_bound(v)?;
        if i < 0 {
            i += len;
            if i < lower {
                i = lower;
            }
        } else if i > upper {
            i = upper;
        }
        Ok(i)
    };
    let start = adjust(s[0], if step < 0 { upper } else { lower })?;
    let stop = adjust(s[1], if step < 0 { lower } else { upper })?;
    Ok((start, stop, step))
}

/// Number of items of an adjusted slice.
pub fn slice_len(start: i64, stop: i64, step: i64) -> usize {
    if step > 0 {
        if start < stop {
            ((stop - start - 1) / step + 1) as usize
        } else {
            0
        }
    } else if stop < start {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    }
}

/// The positions an adjusted slice selects.
pub fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    (0..slice_len(start, stop, step)).map(move |k| (start + k as i64 * step) as usize)
}

/// `o[k]`.
pub fn getitem(o: Value, k: Value) -> R<Ref> {
    if !o.is_ptr() {
        return type_error(format!("'{}' object is not subscriptable", type_name(o)));
    }
    match kind(o) {
        Kind::List => {
            if k.is_inline_int() {
                return crate::list::list_getindex(o, k.as_inline_int());
            }
            if is_kind(k, Kind::Slice) {
                let (a, b, c) = slice_indices(k, list_vec(o).len())?;
                return Ok(crate::list::list_getslice(o, a, b, c));
            }
            crate::list::list_getindex(o, crate::int::seq_index(k, "list")?)
        }
        Kind::Tuple => {
            if is_kind(k, Kind::Slice) {
                let (a, b, c) = slice_indices(k, tuple_items(o).len())?;
                return Ok(crate::tuple::tuple_getslice(o, a, b, c));
            }
            crate::tuple::tuple_getindex(o, crate::int::seq_index(k, "tuple")?)
        }
        Kind::Str => {
            if is_kind(k, Kind::Slice) {
                let (a, b, c) = slice_indices(k, crate::str::str_len(o))?;
                return Ok(crate::str::str_getslice(o, a, b, c));
            }
            if !crate::int::has_index(k) {
                return type_error(format!(
                    "string indices must be integers, not '{}'",
                    type_name(k)
                ));
            }
            crate::str::str_getindex(o, crate::int::seq_index(k, "string")?)
        }
        Kind::Dict => crate::dict::dict_getitem(o, k),
        Kind::Bytes | Kind::ByteArray => crate::bytes::bytes_getitem(o, k),
        Kind::MemoryView => crate::memoryview::getitem(o, k),
        Kind::Range => {
            if is_kind(k, Kind::Slice) {
                return crate::range::range_slice(o, k);
            }
            crate::range::range_getitem(o, k)
        }
        Kind::Instance => match call_dunder(o, "__getitem__", &[k])? {
            Some(r) => Ok(r),
            None => type_error(format!("'{}' object is not subscriptable", type_name(o))),
        },
        // A metaclass's `__getitem__` (`Color["RED"]` of an enum) comes before
        // `__class_getitem__`, as in CPython.
        Kind::Class if crate::class::meta_hook(o, "__getitem__").is_some() => {
            match call_dunder(o, "__getitem__", &[k])? {
                Some(r) => Ok(r),
                None => type_error(format!("'{}' object is not subscriptable", type_name(o))),
            }
        }
        Kind::Class => {
            if let Some(r) = crate::class::call_class_getitem(o, k)? {
                return Ok(r);
            }
            type_error(format!("type '{}' is not subscriptable", class_name(o)))
        }
        _ => type_error(format!("'{}' object is not subscriptable", type_name(o))),
    }
}

/// `o[k] = v`.
pub fn setitem(o: Value, k: Value, v: Value) -> R<()> {
    if o.is_ptr() {
        match kind(o) {
            Kind::List => {
                if k.is_inline_int() {
                    return crate::list::list_setindex(o, k.as_inline_int(), v);
                }
                if is_kind(k, Kind::Slice) {
                    let (a, b, c) = slice_indices(k, list_vec(o).len())?;
                    return crate::list::list_setslice(o, a, b, c, v);
                }
                let i = crate::int::seq_index(k, "list")?;
                return crate::list::list_setindex(o, i, v);
            }
            Kind::Dict => return dict_data(o).set(k, v),
            Kind::ByteArray => return crate::bytes::bytearray_setitem(o, k, v),
            Kind::MemoryView => return crate::memoryview::setitem(o, k, v),
            Kind::Instance => {
                if call_dunder(o, "__setitem__", &[k, v])?.is_some() {
                    return Ok(());
                }
            }
            _ => {}
        }
    }
    type_error(format!(
        "'{}' object does not support item assignment",
        type_name(o)
    ))
}

/// `del o[k]`.
pub fn delitem(o: Value, k: Value) -> R<()> {
    if o.is_ptr() {
        match kind(o) {
            Kind::List => {
                if is_kind(k, Kind::Slice) {
                    let (a, b, c) = slice_indices(k, list_vec(o).len())?;
                    crate::list::list_delslice(o, a, b, c);
                    return Ok(());
                }
                let i = crate::int::seq_index(k, "list")?;
                return crate::list::list_delindex(o, i);
            }
            Kind::ByteArray => return crate::bytes::bytearray_delitem(o, k),
            Kind::MemoryView => return crate::memoryview::delitem(o, k),
            Kind::Dict => {
                return match dict_data(o).remove(k)? {
                    Some(_) => Ok(()),
                    None => crate::exceptions::key_error(k),
                };
            }
            Kind::Instance => {
                if call_dunder(o, "__delitem__", &[k])?.is_some() {
                    return Ok(());
                }
            }
            _ => {}
        }
    }
    type_error(format!(
        "'{}' object doesn't support item deletion",
        type_name(o)
    ))
}

/// Calls `f` with borrowed positional arguments (a convenience for builtins).
pub fn call1(f: Value, a: Value) -> R<Ref> {
    crate::call::call(f, Args::positional(&[a]))
}
