//! The member fields of the builtin exception classes whose instances CPython 3.11 lays out
//! with fields of their own: `SyntaxError` (and so `IndentationError` and `TabError`),
//! `UnicodeEncodeError`, `UnicodeDecodeError` and `UnicodeTranslateError`. As in CPython,
//! each field is a `member_descriptor` in its class's namespace (`SyntaxError.msg`), and its
//! value lives in the instance, here in its exception state
//! ([`crate::object::ExcState::members`]), not in its `__dict__`: `vars(e)` stays `{}`.
//!
//! A field is an object (CPython's `T_OBJECT`: unset reads as `None`, `del` unsets it) or a
//! machine-sized int (`T_PYSSIZET`: unset reads as `0`, only an int can be stored, and it
//! cannot be deleted; a store that fails leaves `-1`, as CPython's does).

use crate::exceptions::{ExcKind, R, exc_state, raise, type_error};
use crate::object::{Ref, WrapperKind, incref};
use crate::value::Value;

/// How a member field stores its value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MemberType {
    /// Any object (CPython's `T_OBJECT`).
    Object,
    /// A machine-sized int (CPython's `T_PYSSIZET`, 64 bits as on CPython's usual targets).
    Ssize,
}

/// The member fields of one class: `(name, type, __doc__)` in CPython's order.
struct MemberTable {
    owner: ExcKind,
    members: &'static [(&'static str, MemberType, &'static str)],
}

const TABLES: &[MemberTable] = {
    use MemberType::Object;
    &[
        MemberTable {
            owner: ExcKind::SyntaxError,
            members: &[
                ("msg", Object, "exception msg"),
                ("filename", Object, "exception filename"),
                ("lineno", Object, "exception lineno"),
                ("offset", Object, "exception offset"),
                ("text", Object, "exception text"),
                ("end_lineno", Object, "exception end lineno"),
                ("end_offset", Object, "exception end offset"),
                (
                    "print_file_and_line",
                    Object,
                    "exception print_file_and_line",
                ),
            ],
        },
        MemberTable {
            owner: ExcKind::UnicodeEncodeError,
            members: UNICODE_ERROR_MEMBERS,
        },
        MemberTable {
            owner: ExcKind::UnicodeDecodeError,
            members: UNICODE_ERROR_MEMBERS,
        },
        MemberTable {
            owner: ExcKind::UnicodeTranslateError,
            members: UNICODE_ERROR_MEMBERS,
        },
    ]
};

/// The fields of `UnicodeEncodeError`, `UnicodeDecodeError` and `UnicodeTranslateError`
/// (each class has its own descriptors; `UnicodeError` has none).
const UNICODE_ERROR_MEMBERS: &[(&str, MemberType, &str)] = {
    use MemberType::{Object, Ssize};
    &[
        ("encoding", Object, "exception encoding"),
        ("object", Object, "exception object"),
        ("start", Ssize, "exception start"),
        ("end", Ssize, "exception end"),
        ("reason", Object, "exception reason"),
    ]
};

fn table(owner: ExcKind) -> Option<&'static MemberTable> {
    TABLES.iter().find(|t| t.owner == owner)
}

/// Puts a member descriptor per field in the namespace of each class that has fields
/// (second phase of runtime start-up). The descriptor's `deleter` is the owning class,
/// which tells it from the member of a `__slots__` declaration (whose `deleter` is `None`).
pub fn install(r: &crate::state::Runtime) {
    for t in TABLES {
        let cls = r.exc[t.owner as usize];
        let owner_name = crate::str::str_from(crate::exceptions::exc_name(t.owner));
        for (name, _, doc) in t.members {
            let n = crate::str::str_intern(name);
            let d = crate::class::wrapper(WrapperKind::Member, n, owner_name.v(), cls);
            let doc = crate::str::str_from(doc);
            crate::class::wrapper_data(d.v()).doc.set(doc.into_raw());
            let d = crate::object::immortalize(d.into_raw());
            crate::dict::dict_set_str(crate::class::class_data(cls).dict, name, d);
        }
    }
}

/// The field member descriptor `d` stands for: its class and its index in the class's
/// table. `None` for every other value.
fn descriptor_field(d: Value) -> Option<(ExcKind, usize)> {
    if !crate::object::is_kind(d, crate::object::Kind::Wrapper) {
        return None;
    }
    let w = crate::class::wrapper_data(d);
    if w.kind != WrapperKind::Member || w.deleter.is_none() {
        return None;
    }
    let name = crate::str::as_str(w.f);
    TABLES.iter().find_map(|t| {
        if crate::state::exc_class(t.owner) != w.deleter {
            return None;
        }
        let i = t.members.iter().position(|(n, _, _)| *n == name)?;
        Some((t.owner, i))
    })
}

/// The cell of field `index` of `exc`, an instance of `owner` (made on first use). `None`
/// when `exc` has no exception state.
fn cell<'a>(exc: Value, owner: ExcKind, index: usize) -> Option<&'a std::cell::Cell<Value>> {
    let state = exc_state(exc)?;
    let len = table(owner).map_or(0, |t| t.members.len());
    let cells = state.members.get_or_init(|| {
        (0..len)
            .map(|_| std::cell::Cell::new(Value::UNBOUND))
            .collect()
    });
    cells.get(index)
}

fn index_of(owner: ExcKind, name: &str) -> Option<usize> {
    table(owner)?
        .members
        .iter()
        .position(|(n, _, _)| *n == name)
}

/// Field `name` of `exc` (an instance of `owner`) as stored, borrowed:
/// [`Value::UNBOUND`] when unset (CPython's `NULL`), or when `exc` has no such field.
pub fn raw(exc: Value, owner: ExcKind, name: &str) -> Value {
    let Some(state) = exc_state(exc) else {
        return Value::UNBOUND;
    };
    let Some(cells) = state.members.get() else {
        return Value::UNBOUND;
    };
    index_of(owner, name)
        .and_then(|i| cells.get(i))
        .map_or(Value::UNBOUND, |c| c.get())
}

/// Field `name` of `exc` as Python reads it: `None` (an object field) or `0` (an int
/// field) when unset.
pub fn read(exc: Value, owner: ExcKind, name: &str) -> Ref {
    let v = raw(exc, owner, name);
    if v != Value::UNBOUND {
        return Ref::dup(v);
    }
    match index_of(owner, name).and_then(|i| table(owner).map(|t| t.members[i].1)) {
        Some(MemberType::Ssize) => crate::int::int_from_i64(0),
        _ => Ref::NONE,
    }
}

/// Stores `v` (borrowed; [`Value::UNBOUND`] unsets it) in field `name` of `exc`, an
/// instance of `owner`, without the checks of an attribute store (the caller made `v` fit
/// the field). Does nothing when `exc` has no such field.
pub fn store(exc: Value, owner: ExcKind, name: &str, v: Value) {
    let Some(c) = index_of(owner, name).and_then(|i| cell(exc, owner, i)) else {
        return;
    };
    let old = c.replace(if v == Value::UNBOUND { v } else { incref(v) });
    // Released after the store: a finalizer it runs sees the new value.
    crate::object::decref(old);
}

/// CPython's `PyLong_AsSsize_t`: an int (a bool, an instance of an int subclass) as an
/// `i64`. `TypeError` for other values ("an integer is required"), `OverflowError` when it
/// does not fit. No `__index__`.
pub fn as_ssize(v: Value) -> R<i64> {
    let int = if crate::int::is_int(v) {
        Some(v)
    } else {
        crate::class::builtin_value(v).filter(|b| crate::int::is_int(*b))
    };
    let Some(view) = int.and_then(crate::int::int_view) else {
        return type_error("an integer is required");
    };
    match view.to_i64() {
        Some(i) => Ok(i),
        None => raise(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        ),
    }
}

/// CPython's `TypeError` for member descriptor `d` of `owner` used on `obj`, an object of
/// another type.
fn wrong_object<T>(name: &str, owner: ExcKind, obj: Value) -> R<T> {
    type_error(format!(
        "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
        crate::exceptions::exc_name(owner),
        crate::class::type_name(obj)
    ))
}

/// `d.__get__(obj)` when `d` is the member descriptor of an exception field (`None`
/// otherwise): the field's value, or CPython's `TypeError` when `obj` is not an instance of
/// the descriptor's class.
pub fn descriptor_get(d: Value, obj: Value) -> Option<R<Ref>> {
    let (owner, i) = descriptor_field(d)?;
    let name = table(owner)?.members[i].0;
    if !crate::class::isinstance_class(obj, crate::state::exc_class(owner)) {
        return Some(wrong_object(name, owner, obj));
    }
    Some(Ok(read(obj, owner, name)))
}

/// `d.__set__(obj, v)` (`v` is `Some`) or `d.__delete__(obj)` when `d` is the member
/// descriptor of an exception field (`None` otherwise), with CPython's checks: an int field
/// takes only ints that fit 64 bits (after a failed store it holds `-1`) and cannot be
/// deleted.
pub fn descriptor_set(d: Value, obj: Value, v: Option<Value>) -> Option<R<()>> {
    let (owner, i) = descriptor_field(d)?;
    let (name, ty, _) = table(owner)?.members[i];
    if !crate::class::isinstance_class(obj, crate::state::exc_class(owner)) {
        return Some(wrong_object(name, owner, obj));
    }
    Some((|| {
        match (ty, v) {
            (MemberType::Object, v) => store(obj, owner, name, v.unwrap_or(Value::UNBOUND)),
            (MemberType::Ssize, None) => {
                return type_error("can't delete numeric/char attribute");
            }
            (MemberType::Ssize, Some(v)) => {
                // CPython writes the conversion's result, `-1` on an error, before it
                // checks for the error.
                let r = as_ssize(v);
                let i = crate::int::int_from_i64(*r.as_ref().unwrap_or(&-1));
                store(obj, owner, name, i.v());
                r?;
            }
        }
        Ok(())
    })())
}
