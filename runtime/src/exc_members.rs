//! The member fields of the builtin exception classes whose instances CPython 3.11 lays out
//! with fields of their own: `StopIteration.value`, `SystemExit.code`, `OSError`'s `errno`,
//! `strerror`, `filename` and `filename2`, `ImportError`'s `msg`, `name` and `path`,
//! `NameError.name`, `AttributeError`'s `name` and `obj`, `BaseExceptionGroup`'s `message`
//! and `exceptions`, `SyntaxError`'s (and so `IndentationError`'s and `TabError`'s) and
//! those of `UnicodeEncodeError`, `UnicodeDecodeError` and `UnicodeTranslateError`. As in
//! CPython, each field is a `member_descriptor` in its class's namespace (`SyntaxError.msg`,
//! `OSError.errno`), and its value lives in the instance, here in its exception state
//! ([`crate::object::ExcState`]), not in its `__dict__`: `vars(e)` stays `{}`.
//!
//! A field is an object (CPython's `T_OBJECT`: unset reads as `None`, `del` unsets it) or a
//! machine-sized int (`T_PYSSIZET`: unset reads as `0`, only an int can be stored, and it
//! cannot be deleted; a store that fails leaves `-1`, as CPython's does). The fields of an
//! exception group are read-only.
//!
//! The builtin `__init__` of a class sets its fields from the arguments
//! ([`init_from_args`]; `OSError`'s are set by `crate::exceptions::os_error_init`), and so
//! does the runtime for the exceptions it raises itself.

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

/// Where a field's value lives in the exception state.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Store {
    /// Its cell of [`crate::object::ExcState::members`] (the field's index in its table).
    Cell,
    /// [`crate::object::ExcState::name`], which the runtime sets on the `NameError`s and
    /// `AttributeError`s it raises (for the traceback's suggestion); `None` while unset.
    Name,
    /// [`crate::object::ExcState::obj`]; unbound while unset.
    Obj,
    /// An exception group's message or exceptions, set by `BaseExceptionGroup.__new__`
    /// (`crate::exc_group`): read-only.
    Group,
}

/// One member field: its name, type, `__doc__` (CPython's short label) and storage.
struct Field {
    name: &'static str,
    ty: MemberType,
    doc: &'static str,
    store: Store,
}

/// An object field in a cell of its own.
const fn object(name: &'static str, doc: &'static str) -> Field {
    Field {
        name,
        ty: MemberType::Object,
        doc,
        store: Store::Cell,
    }
}

/// An object field kept elsewhere in the exception state.
const fn kept(name: &'static str, doc: &'static str, store: Store) -> Field {
    Field {
        name,
        ty: MemberType::Object,
        doc,
        store,
    }
}

/// The member fields of one class, in CPython's order.
struct MemberTable {
    owner: ExcKind,
    members: &'static [Field],
}

const TABLES: &[MemberTable] = &[
    MemberTable {
        owner: ExcKind::StopIteration,
        members: &[object("value", "generator return value")],
    },
    MemberTable {
        owner: ExcKind::SystemExit,
        members: &[object("code", "exception code")],
    },
    MemberTable {
        owner: ExcKind::OSError,
        members: &[
            object("errno", "POSIX exception code"),
            object("strerror", "exception strerror"),
            object("filename", "exception filename"),
            object("filename2", "second exception filename"),
        ],
    },
    MemberTable {
        owner: ExcKind::ImportError,
        members: &[
            object("msg", "exception message"),
            kept("name", "module name", Store::Name),
            kept("path", "module path", Store::Obj),
        ],
    },
    MemberTable {
        owner: ExcKind::NameError,
        members: &[kept("name", "name", Store::Name)],
    },
    MemberTable {
        owner: ExcKind::AttributeError,
        members: &[
            kept("name", "attribute name", Store::Name),
            kept("obj", "object", Store::Obj),
        ],
    },
    MemberTable {
        owner: ExcKind::BaseExceptionGroup,
        members: &[
            kept("message", "exception message", Store::Group),
            kept("exceptions", "nested exceptions", Store::Group),
        ],
    },
    MemberTable {
        owner: ExcKind::SyntaxError,
        members: &[
            object("msg", "exception msg"),
            object("filename", "exception filename"),
            object("lineno", "exception lineno"),
            object("offset", "exception offset"),
            object("text", "exception text"),
            object("end_lineno", "exception end lineno"),
            object("end_offset", "exception end offset"),
            object("print_file_and_line", "exception print_file_and_line"),
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
];

/// The fields of `UnicodeEncodeError`, `UnicodeDecodeError` and `UnicodeTranslateError`
/// (each class has its own descriptors; `UnicodeError` has none).
const UNICODE_ERROR_MEMBERS: &[Field] = &[
    object("encoding", "exception encoding"),
    object("object", "exception object"),
    Field {
        name: "start",
        ty: MemberType::Ssize,
        doc: "exception start",
        store: Store::Cell,
    },
    Field {
        name: "end",
        ty: MemberType::Ssize,
        doc: "exception end",
        store: Store::Cell,
    },
    object("reason", "exception reason"),
];

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
        for f in t.members {
            let n = crate::str::str_intern(f.name);
            let d = crate::class::wrapper(WrapperKind::Member, n, owner_name.v(), cls);
            let doc = crate::str::str_from(f.doc);
            crate::class::wrapper_data(d.v()).doc.set(doc.into_raw());
            let d = crate::object::immortalize(d.into_raw());
            crate::dict::dict_set_str(crate::class::class_data(cls).dict, f.name, d);
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
        let i = t.members.iter().position(|f| f.name == name)?;
        Some((t.owner, i))
    })
}

/// The cell of field `index` of `exc`, an instance of `owner`, wherever it is kept (the
/// members are made on first use). `None` when `exc` has no exception state, and for the
/// fields of an exception group.
fn cell<'a>(exc: Value, owner: ExcKind, index: usize) -> Option<&'a std::cell::Cell<Value>> {
    let state = exc_state(exc)?;
    let t = table(owner)?;
    match t.members.get(index)?.store {
        Store::Cell => {}
        Store::Name => return Some(&state.name),
        Store::Obj => return Some(&state.obj),
        Store::Group => return None,
    }
    let cells = state.members.get_or_init(|| {
        (0..t.members.len())
            .map(|_| std::cell::Cell::new(Value::UNBOUND))
            .collect()
    });
    cells.get(index)
}

fn index_of(owner: ExcKind, name: &str) -> Option<usize> {
    table(owner)?.members.iter().position(|f| f.name == name)
}

/// Field `name` of `exc` (an instance of `owner`) as stored, borrowed:
/// [`Value::UNBOUND`] when unset (CPython's `NULL`; `None` for a field kept in
/// [`crate::object::ExcState::name`]), or when `exc` has no such field.
pub fn raw(exc: Value, owner: ExcKind, name: &str) -> Value {
    let Some(i) = index_of(owner, name) else {
        return Value::UNBOUND;
    };
    let Some(state) = exc_state(exc) else {
        return Value::UNBOUND;
    };
    match table(owner).map(|t| t.members[i].store) {
        Some(Store::Cell) => state
            .members
            .get()
            .and_then(|cells| cells.get(i))
            .map_or(Value::UNBOUND, |c| c.get()),
        Some(Store::Name) => state.name.get(),
        Some(Store::Obj) => state.obj.get(),
        Some(Store::Group) | None => Value::UNBOUND,
    }
}

/// Field `name` of `exc` as Python reads it: `None` (an object field) or `0` (an int
/// field) when unset; an exception group's message and exceptions.
pub fn read(exc: Value, owner: ExcKind, name: &str) -> Ref {
    let Some(field) = index_of(owner, name).and_then(|i| table(owner).map(|t| &t.members[i]))
    else {
        return Ref::NONE;
    };
    if field.store == Store::Group {
        return crate::exc_group::group_attr(exc, name).unwrap_or(Ref::NONE);
    }
    let v = raw(exc, owner, name);
    if v != Value::UNBOUND {
        return Ref::dup(v);
    }
    match field.ty {
        MemberType::Ssize => crate::int::int_from_i64(0),
        MemberType::Object => Ref::NONE,
    }
}

/// Stores `v` (borrowed; [`Value::UNBOUND`] unsets it) in field `name` of `exc`, an
/// instance of `owner`, without the checks of an attribute store (the caller made `v` fit
/// the field). Does nothing when `exc` has no such field.
pub fn store(exc: Value, owner: ExcKind, name: &str, v: Value) {
    let Some(i) = index_of(owner, name) else {
        return;
    };
    let Some(c) = cell(exc, owner, i) else {
        return;
    };
    // `ExcState::name` is `None` while unset.
    let unset = if table(owner).is_some_and(|t| t.members[i].store == Store::Name) {
        Value::NONE
    } else {
        Value::UNBOUND
    };
    let old = c.replace(if v == Value::UNBOUND {
        unset
    } else {
        incref(v)
    });
    // Released after the store: a finalizer it runs sees the new value.
    crate::object::decref(old);
}

/// What the builtin `__init__` of `exc`'s class stores from `exc.args` (the runtime does the
/// same for the exceptions it raises): `StopIteration.value` (the first argument, or
/// `None`), `SystemExit.code` (`None`, the one argument, or the tuple of several) and
/// `ImportError.msg` (the one argument; unset with another number). Other classes' fields
/// are set elsewhere (`OSError`'s by `crate::exceptions::os_error_init`, the others by
/// their own `__init__` or `__new__`).
pub fn init_from_args(exc: Value) {
    let is = |k: ExcKind| crate::class::isinstance_class(exc, crate::state::exc_class(k));
    let Some(owner) = [
        ExcKind::StopIteration,
        ExcKind::SystemExit,
        ExcKind::ImportError,
    ]
    .into_iter()
    .find(|k| is(*k)) else {
        return;
    };
    let args = crate::exceptions::exc_args(exc);
    let (name, v) = match (owner, crate::tuple::tuple_items(args)) {
        (ExcKind::StopIteration, []) => ("value", Value::NONE),
        (ExcKind::StopIteration, [first, ..]) => ("value", *first),
        (ExcKind::SystemExit, []) => ("code", Value::NONE),
        (ExcKind::SystemExit, [one]) => ("code", *one),
        (ExcKind::SystemExit, _) => ("code", args),
        (_, [one]) => ("msg", *one),
        _ => ("msg", Value::UNBOUND),
    };
    store(exc, owner, name, v);
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
    let name = table(owner)?.members[i].name;
    if !crate::class::isinstance_class(obj, crate::state::exc_class(owner)) {
        return Some(wrong_object(name, owner, obj));
    }
    Some(Ok(read(obj, owner, name)))
}

/// `d.__set__(obj, v)` (`v` is `Some`) or `d.__delete__(obj)` when `d` is the member
/// descriptor of an exception field (`None` otherwise), with CPython's checks: an int field
/// takes only ints that fit 64 bits (after a failed store it holds `-1`) and cannot be
/// deleted; an exception group's fields are read-only.
pub fn descriptor_set(d: Value, obj: Value, v: Option<Value>) -> Option<R<()>> {
    let (owner, i) = descriptor_field(d)?;
    let field = &table(owner)?.members[i];
    let name = field.name;
    if !crate::class::isinstance_class(obj, crate::state::exc_class(owner)) {
        return Some(wrong_object(name, owner, obj));
    }
    if field.store == Store::Group {
        return Some(raise(ExcKind::AttributeError, "readonly attribute"));
    }
    Some((|| {
        match (field.ty, v) {
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
