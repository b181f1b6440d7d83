//! `types.GenericAlias` (`list[int]`, `dict[str, int]`) and `types.UnionType`
//! (`int | None`): the objects annotations evaluate to, with CPython 3.11's `repr`, equality,
//! hashing, attributes and errors (`isinstance() argument 2 cannot be a parameterized
//! generic`).
//!
//! A `GenericAlias` is an instance of a builtin class with two slots, the origin class and the
//! argument tuple; reading an attribute other than its own (`__origin__`, `__args__`,
//! `__parameters__`, its methods) reads it from the origin, as CPython's `ga_getattro`. A
//! `UnionType` has one slot, its argument tuple (flattened, deduplicated, `None` stored as
//! `NoneType`). Substituting type variables (`list[T][int]`) is not supported: such aliases
//! have no parameters here, and subscripting an alias raises CPython's "is not a generic
//! class".

use crate::class::{class_data, instance_data, new_instance_raw};
use crate::dict::{dict_new, dict_set_str};
use crate::exceptions::{R, type_error};
use crate::object::{
    Args, BuiltinFn, ClassData, Kind, Layout, Ref, alloc, immortalize, incref, is_kind,
};
use crate::state::rt;
use crate::value::Value;

/// The attributes a `GenericAlias` answers itself; any other is read from its origin.
const OWN_ATTRS: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

fn new_class(object: Value, name: &str, slots: &[&str], ctor: Option<BuiltinFn>) -> Value {
    let mut mro = vec![object];
    mro.extend(class_data(object).mro.iter().copied());
    let slots: Vec<Value> = slots
        .iter()
        .map(|s| immortalize(crate::str::str_from_string(format!("\u{0}{s}")).into_raw()))
        .collect();
    let members = slots.len();
    let dict = immortalize(dict_new().into_raw());
    let data = ClassData {
        shape: std::cell::Cell::new(crate::object::SHAPE_NONE),
        slots: slots.into_boxed_slice(),
        name: immortalize(crate::str::str_from_string(name.to_string()).into_raw()),
        base: object,
        bases: Box::new([]),
        mro: mro.into_boxed_slice(),
        dict,
        layout: Layout::Object,
        ctor,
        members,
        qualname: Value::NONE,
        has_del: std::cell::Cell::new(0),
        plain_exc: std::cell::Cell::new(0),
        without_del: std::cell::Cell::new(0),
        new_slot: std::cell::Cell::new(false),
        meta: Value::NONE,
    };
    let cls = immortalize(alloc(Kind::Class, data));
    crate::object::set_flags(
        cls,
        crate::object::FLAG_IMMUTABLE_TYPE | crate::class::FLAG_NO_DICT,
    );
    cls
}

/// The `GenericAlias` and `UnionType` classes (runtime start-up).
pub fn new_classes(object: Value) -> (Value, Value) {
    (
        new_class(object, "GenericAlias", &["origin", "args"], Some(ga_ctor)),
        new_class(object, "UnionType", &["args"], None),
    )
}

/// Fills their namespaces and gives the builtin generic classes their `__class_getitem__`
/// (second phase of start-up).
pub fn install(r: &crate::state::Runtime) {
    let t = &r.t;
    for cls in [t.generic_alias, t.union_type] {
        let module = crate::str::str_from("types");
        dict_set_str(class_data(cls).dict, "__module__", module.v());
    }
    let put = |cls: Value, methods: &[(&'static str, BuiltinFn)]| {
        for (name, f) in methods {
            let m = crate::class::make_builtin(name, *f, cls);
            dict_set_str(class_data(cls).dict, name, m);
        }
    };
    put(
        t.generic_alias,
        &[
            ("__repr__", ga_repr),
            ("__eq__", ga_eq),
            ("__hash__", ga_hash),
            ("__call__", ga_call),
            ("__getitem__", ga_getitem),
            ("__mro_entries__", ga_mro_entries),
            ("__instancecheck__", ga_instancecheck),
            ("__subclasscheck__", ga_subclasscheck),
            ("__or__", union_or),
            ("__ror__", union_ror),
        ],
    );
    put(
        t.union_type,
        &[
            ("__repr__", union_repr),
            ("__eq__", union_eq),
            ("__hash__", union_hash),
            ("__getitem__", union_getitem),
            ("__instancecheck__", union_instancecheck),
            ("__subclasscheck__", union_subclasscheck),
            ("__or__", union_or),
            ("__ror__", union_ror),
        ],
    );
    // `type[int]` works without one: CPython's `PyObject_GetItem` special-cases `type`.
    // `ExceptionGroup` inherits the one of `BaseExceptionGroup`.
    let generic = [
        t.list,
        t.dict,
        t.tuple,
        t.set,
        t.frozenset,
        r.iter_types[crate::object::IterType::Enumerate as usize],
        r.exc[crate::exceptions::ExcKind::BaseExceptionGroup as usize],
    ];
    for cls in generic {
        let m = crate::class::make_static_builtin(
            "__class_getitem__",
            class_getitem,
            cls,
            crate::class::StaticBinding::Class,
        );
        dict_set_str(class_data(cls).dict, "__class_getitem__", m);
    }
}

fn is_of(v: Value, cls: Value) -> bool {
    is_kind(v, Kind::Instance) && instance_data(v).class == cls
}

/// Whether `v` is a `GenericAlias`.
pub fn is_generic_alias(v: Value) -> bool {
    is_of(v, rt().t.generic_alias)
}

/// Whether `v` is a `UnionType`.
pub fn is_union(v: Value) -> bool {
    is_of(v, rt().t.union_type)
}

fn slot(v: Value, i: usize) -> Value {
    // SAFETY: callers checked the class, whose instances have their slots set at creation.
    unsafe { *instance_data(v).slots.add(i) }
}

/// A new `GenericAlias` of `origin` with `args` (a tuple, or one argument).
pub fn generic_alias(origin: Value, args: Value) -> Ref {
    let args = if crate::tuple::is_tuple(args) {
        Ref::dup(args)
    } else {
        crate::tuple::tuple_from_array([Ref::dup(args)])
    };
    let inst = new_instance_raw(rt().t.generic_alias, None);
    // SAFETY: the class has two slots.
    unsafe {
        let s = instance_data(inst.v()).slots;
        s.write(incref(origin));
        s.add(1).write(args.into_raw());
    }
    inst
}

fn ga_ctor(_cls: Value, args: Args<'_>) -> R<Ref> {
    let [origin, a] = args.exact("GenericAlias")?;
    Ok(generic_alias(origin, a))
}

/// `cls[item]` for the builtin generic classes (`list`, `dict`, `tuple`, `set`,
/// `frozenset`, `enumerate`, `BaseExceptionGroup` and their subclasses): a `GenericAlias`.
fn class_getitem(cls: Value, args: Args<'_>) -> R<Ref> {
    let [item] = args.exact("__class_getitem__")?;
    Ok(generic_alias(cls, item))
}

/// `repr` of one argument of an alias or union, as CPython's `ga_repr_item`: a class as
/// its qualified name (no module for builtins), `...`, `None` for `NoneType` in a union,
/// otherwise `repr`.
fn item_repr(v: Value, out: &mut String) -> R<()> {
    if v == rt().ellipsis {
        out.push_str("...");
        return Ok(());
    }
    if is_kind(v, Kind::Class) && !is_generic_alias(v) {
        if v == rt().t.none {
            out.push_str("None");
            return Ok(());
        }
        let qualname = crate::attr::getattr_str(v, "__qualname__")?;
        let qualname = crate::str::str_opt(qualname.v())
            .unwrap_or_default()
            .to_owned();
        match crate::class::class_module(v) {
            Some(m) if m != "builtins" => {
                out.push_str(&m);
                out.push('.');
                out.push_str(&qualname);
            }
            _ => out.push_str(&qualname),
        }
        return Ok(());
    }
    let r = crate::ops::py_repr(v)?;
    out.push_str(crate::str::str_opt(r.v()).unwrap_or_default());
    Ok(())
}

fn ga_repr(recv: Value, args: Args<'_>) -> R<Ref> {
    args.none("__repr__")?;
    let mut out = String::new();
    item_repr(slot(recv, 0), &mut out)?;
    out.push('[');
    let items = crate::tuple::tuple_items(slot(recv, 1));
    if items.is_empty() {
        out.push_str("()");
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        // A list of types (`Callable[[int], str]` style) prints as a list of reprs.
        if crate::list::is_list(*item) {
            out.push('[');
            for (j, x) in crate::list::list_vec(*item).iter().enumerate() {
                if j > 0 {
                    out.push_str(", ");
                }
                item_repr(*x, &mut out)?;
            }
            out.push(']');
        } else {
            item_repr(*item, &mut out)?;
        }
    }
    out.push(']');
    Ok(crate::str::str_from_string(out))
}

fn not_implemented() -> Ref {
    Ref::dup(rt().not_implemented)
}

fn ga_eq(recv: Value, args: Args<'_>) -> R<Ref> {
    let [other] = args.exact("__eq__")?;
    if !is_generic_alias(other) {
        return Ok(not_implemented());
    }
    if !crate::ops::py_eq_bool(slot(recv, 0), slot(other, 0))? {
        return Ok(Ref::new(Value::FALSE));
    }
    let same = crate::ops::py_eq_bool(slot(recv, 1), slot(other, 1))?;
    Ok(Ref::new(Value::from_bool(same)))
}

/// `hash()` of an alias (origin's hash mixed with the arguments') or of a union (its
/// members' hashes, independent of their order, as CPython hashes their frozenset).
pub fn alias_hash(v: Value) -> R<i64> {
    let h = if is_union(v) {
        let mut h: i64 = 0;
        for x in crate::tuple::tuple_items(slot(v, 0)) {
            h ^= crate::hash::py_hash(*x)?;
        }
        h
    } else {
        crate::hash::py_hash(slot(v, 0))? ^ crate::hash::py_hash(slot(v, 1))?
    };
    Ok(if h == -1 { -2 } else { h })
}

fn ga_hash(recv: Value, args: Args<'_>) -> R<Ref> {
    args.none("__hash__")?;
    Ok(crate::int::int_from_i64(alias_hash(recv)?))
}

fn ga_call(recv: Value, args: Args<'_>) -> R<Ref> {
    let r = crate::call::call(slot(recv, 0), args)?;
    // CPython records the alias on the instance where it can (`__orig_class__`).
    if is_kind(r.v(), Kind::Instance) {
        let name = crate::str::str_from("__orig_class__");
        if crate::attr::setattr(r.v(), name.v(), recv).is_err() {
            drop(crate::exceptions::take_pending());
        }
    }
    Ok(r)
}

fn ga_getitem(recv: Value, _args: Args<'_>) -> R<Ref> {
    let text = ga_repr(recv, Args::positional(&[]))?;
    type_error(format!(
        "{} is not a generic class",
        crate::str::str_opt(text.v()).unwrap_or_default()
    ))
}

fn ga_mro_entries(recv: Value, args: Args<'_>) -> R<Ref> {
    let [_bases] = args.exact("__mro_entries__")?;
    Ok(crate::tuple::tuple_from_array([Ref::dup(slot(recv, 0))]))
}

fn ga_instancecheck(_recv: Value, _args: Args<'_>) -> R<Ref> {
    type_error("isinstance() argument 2 cannot be a parameterized generic")
}

fn ga_subclasscheck(_recv: Value, _args: Args<'_>) -> R<Ref> {
    type_error("issubclass() argument 2 cannot be a parameterized generic")
}

/// `getattr(alias, name)`: the alias's own attributes, else the origin's.
pub fn alias_getattr(o: Value, name: &str, hash: i64) -> R<Ref> {
    let union = is_union(o);
    match name {
        "__origin__" if !union => return Ok(Ref::dup(slot(o, 0))),
        "__args__" => return Ok(Ref::dup(slot(o, if union { 0 } else { 1 }))),
        "__parameters__" => return Ok(crate::tuple::tuple_from_vec(Vec::new())),
        _ => {}
    }
    if union || OWN_ATTRS.contains(&name) {
        return crate::attr::generic_getattr(o, name, hash);
    }
    crate::attr::getattr_str(slot(o, 0), name)
}

// --- UnionType ---------------------------------------------------------------------------

/// Whether `v` can be an operand of a union: a class, `None`, an alias or a union.
fn unionable(v: Value) -> bool {
    v.is_none() || is_kind(v, Kind::Class) || is_generic_alias(v) || is_union(v)
}

/// `a | b` where both are classes, `None`, aliases or unions (`type.__or__`): the union of
/// their members, flattened and without repeats; the member itself when only one remains.
/// `None` when an operand cannot be in a union (the caller raises CPython's TypeError).
pub fn type_or(a: Value, b: Value) -> R<Option<Ref>> {
    // `None | None`: neither side has `__or__` (`None` only joins a type's union).
    if !unionable(a) || !unionable(b) || (a.is_none() && b.is_none()) {
        return Ok(None);
    }
    let mut members: Vec<Ref> = Vec::new();
    for side in [a, b] {
        let parts: Vec<Value> = if is_union(side) {
            crate::tuple::tuple_items(slot(side, 0)).to_vec()
        } else {
            vec![side]
        };
        for p in parts {
            let p = if p.is_none() { rt().t.none } else { p };
            let mut seen = false;
            for m in &members {
                if crate::ops::py_eq_bool(m.v(), p)? {
                    seen = true;
                    break;
                }
            }
            if !seen {
                members.push(Ref::dup(p));
            }
        }
    }
    if members.len() == 1 {
        return Ok(members.pop());
    }
    let inst = new_instance_raw(rt().t.union_type, None);
    let args = crate::tuple::tuple_from_vec(members);
    // SAFETY: the class has one slot.
    unsafe { instance_data(inst.v()).slots.write(args.into_raw()) };
    Ok(Some(inst))
}

fn union_or(recv: Value, args: Args<'_>) -> R<Ref> {
    let [other] = args.exact("__or__")?;
    Ok(type_or(recv, other)?.unwrap_or_else(not_implemented))
}

fn union_ror(recv: Value, args: Args<'_>) -> R<Ref> {
    let [other] = args.exact("__ror__")?;
    Ok(type_or(other, recv)?.unwrap_or_else(not_implemented))
}

fn union_repr(recv: Value, args: Args<'_>) -> R<Ref> {
    args.none("__repr__")?;
    let mut out = String::new();
    for (i, item) in crate::tuple::tuple_items(slot(recv, 0)).iter().enumerate() {
        if i > 0 {
            out.push_str(" | ");
        }
        item_repr(*item, &mut out)?;
    }
    Ok(crate::str::str_from_string(out))
}

/// Whether every member of union `a` is a member of union `b`.
fn members_within(a: Value, b: Value) -> R<bool> {
    for x in crate::tuple::tuple_items(slot(a, 0)) {
        let mut found = false;
        for y in crate::tuple::tuple_items(slot(b, 0)) {
            if crate::ops::py_eq_bool(*x, *y)? {
                found = true;
                break;
            }
        }
        if !found {
            return Ok(false);
        }
    }
    Ok(true)
}

fn union_eq(recv: Value, args: Args<'_>) -> R<Ref> {
    let [other] = args.exact("__eq__")?;
    if !is_union(other) {
        return Ok(not_implemented());
    }
    let same = members_within(recv, other)? && members_within(other, recv)?;
    Ok(Ref::new(Value::from_bool(same)))
}

fn union_hash(recv: Value, args: Args<'_>) -> R<Ref> {
    args.none("__hash__")?;
    Ok(crate::int::int_from_i64(alias_hash(recv)?))
}

fn union_getitem(recv: Value, _args: Args<'_>) -> R<Ref> {
    let text = union_repr(recv, Args::positional(&[]))?;
    type_error(format!(
        "{} is not a generic class",
        crate::str::str_opt(text.v()).unwrap_or_default()
    ))
}

fn union_instancecheck(recv: Value, args: Args<'_>) -> R<Ref> {
    let [obj] = args.exact("__instancecheck__")?;
    let members = crate::tuple::tuple_items(slot(recv, 0));
    if members.iter().any(|m| is_generic_alias(*m)) {
        return type_error("isinstance() argument 2 cannot be a parameterized generic");
    }
    for m in members {
        if crate::builtins::isinstance_any(obj, *m)? {
            return Ok(Ref::new(Value::TRUE));
        }
    }
    Ok(Ref::new(Value::FALSE))
}

fn union_subclasscheck(recv: Value, args: Args<'_>) -> R<Ref> {
    let [cls] = args.exact("__subclasscheck__")?;
    let members = crate::tuple::tuple_items(slot(recv, 0));
    if members.iter().any(|m| is_generic_alias(*m)) {
        return type_error("issubclass() argument 2 cannot be a parameterized generic");
    }
    for m in members {
        if is_kind(*m, Kind::Class) && crate::class::is_subclass(cls, *m) {
            return Ok(Ref::new(Value::TRUE));
        }
    }
    Ok(Ref::new(Value::FALSE))
}
