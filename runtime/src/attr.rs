//! Attribute access: `getattr`/`setattr`/`delattr` on instances (attribute dict, class
//! attributes, bound methods, properties, `__getattr__`), classes, modules, `super` objects
//! and the builtin types' attributes and methods.

use crate::class::{
    call_dunder, class_data, instance_data, is_class, lookup, type_of, wrapper_data,
};
use crate::dict::dict_data;
use crate::exceptions::{ExcKind, R, attribute_error, raise, type_error};
use crate::object::{
    BuiltinData, Kind, Ref, WrapperKind, alloc_ref, incref, is_kind, kind, payload,
};
use crate::state::rt;
use crate::str::{as_str, str_from, str_opt};
use crate::value::Value;

/// Binds attribute `f` found on class `cls` to `obj` (`Value::NONE` for access through the
/// class): functions become bound methods, builtin methods get their receiver, and
/// `staticmethod`/`classmethod`/`property` do what their names say.
pub fn bind(f: Value, obj: Value, cls: Value) -> R<Ref> {
    if !f.is_ptr() {
        return Ok(Ref::dup(f));
    }
    match kind(f) {
        Kind::Function if !obj.is_none() => Ok(bound_method(f, obj)),
        Kind::Builtin if !obj.is_none() => {
            // SAFETY: kind checked.
            let b = unsafe { payload::<BuiltinData>(f) };
            if b.owner.is_none() || b.receiver != Value::UNBOUND {
                return Ok(Ref::dup(f));
            }
            Ok(alloc_ref(
                Kind::Builtin,
                BuiltinData {
                    name: b.name,
                    f: b.f,
                    receiver: incref(obj),
                    owner: incref(b.owner),
                },
            ))
        }
        Kind::Wrapper => {
            let w = wrapper_data(f);
            match w.kind {
                WrapperKind::StaticMethod => Ok(Ref::dup(w.f)),
                WrapperKind::ClassMethod => Ok(bound_method(w.f, cls)),
                WrapperKind::Property => {
                    if obj.is_none() {
                        return Ok(Ref::dup(f));
                    }
                    if w.f.is_none() {
                        return raise(ExcKind::AttributeError, "property has no getter");
                    }
                    crate::ops::call1(w.f, obj)
                }
            }
        }
        _ => Ok(Ref::dup(f)),
    }
}

/// A bound method `(f, obj)`.
pub fn bound_method(f: Value, obj: Value) -> Ref {
    alloc_ref(Kind::BoundMethod, [incref(f), incref(obj)])
}

/// `getattr(o, name)` with `name` a str value.
pub fn getattr(o: Value, name: Value) -> R<Ref> {
    match str_opt(name) {
        Some(n) if is_kind(o, Kind::Instance) => {
            let hash = crate::hash::hash_str(name);
            if let Some(p) = crate::class::slot_ptr(o, n) {
                return slot_getattr(o, p, n, hash);
            }
            // The instance dict by name identity first (attribute names are interned).
            if let Some(d) = instance_data(o).dict_opt() {
                let d = dict_data(d);
                if let Some(i) = d.find_name(name, hash) {
                    if let Some(r) = class_property(o, n, hash)? {
                        return Ok(r);
                    }
                    return Ok(Ref::dup(d.value_at(i)));
                }
            }
            instance_getattr_not_in_dict(o, n, hash)
        }
        Some(n) => getattr_str(o, n),
        None => type_error(format!(
            "attribute name must be string, not '{}'",
            crate::class::type_name(name)
        )),
    }
}

fn int_ref(i: i64) -> Ref {
    crate::int::int_from_i64(i)
}

/// `getattr(o, name)`.
pub fn getattr_str(o: Value, name: &str) -> R<Ref> {
    if is_kind(o, Kind::Instance) {
        return instance_getattr(o, name, crate::hash::hash_bytes(name.as_bytes()));
    }
    if is_kind(o, Kind::Module) {
        let d = crate::modules::module_dict(o);
        if let Some(v) = dict_data(d).get_str(name) {
            return Ok(Ref::dup(v));
        }
        if name == "__dict__" {
            return Ok(Ref::dup(d));
        }
        return attribute_error(o, name);
    }
    if is_class(o) {
        return class_getattr(o, name);
    }
    if let Some(r) = special_attr(o, name)? {
        return Ok(r);
    }
    let cls = type_of(o);
    if let Some(f) = lookup(cls, name) {
        let f = Ref::dup(f);
        return bind(f.v(), o, cls);
    }
    attribute_error(o, name)
}

/// Data attributes of builtin values (`r.start`, `f.__name__`, `x.real`, ...).
fn special_attr(o: Value, name: &str) -> R<Option<Ref>> {
    if name == "__class__" {
        return Ok(Some(Ref::dup(type_of(o))));
    }
    if name == "__doc__" {
        return Ok(Some(Ref::NONE));
    }
    if let Some(i) = crate::int::int_view(o) {
        return Ok(match name {
            "real" | "numerator" => Some(crate::int::int_from_big(i.to_big())),
            "imag" => Some(int_ref(0)),
            "denominator" => Some(int_ref(1)),
            _ => None,
        });
    }
    if o.is_float() {
        return Ok(match name {
            "real" => Some(Ref::new(o)),
            "imag" => Some(Ref::new(Value::from_f64(0.0))),
            _ => None,
        });
    }
    if !o.is_ptr() {
        return Ok(None);
    }
    Ok(match kind(o) {
        Kind::Range => {
            let r = crate::range::range_data(o);
            match name {
                "start" => Some(crate::range::range_field(r, 0)),
                "stop" => Some(crate::range::range_field(r, 1)),
                "step" => Some(crate::range::range_field(r, 2)),
                _ => None,
            }
        }
        Kind::Slice => {
            // SAFETY: kind checked.
            let s = unsafe { payload::<[Value; 3]>(o) };
            match name {
                "start" => Some(Ref::dup(s[0])),
                "stop" => Some(Ref::dup(s[1])),
                "step" => Some(Ref::dup(s[2])),
                _ => None,
            }
        }
        Kind::Function => {
            // SAFETY: kind checked.
            let f = unsafe { payload::<crate::object::FunctionData>(o) };
            match name {
                "__name__" => Some(Ref::dup(f.name)),
                "__qualname__" => Some(Ref::dup(f.qualname)),
                "__module__" => Some(Ref::dup(crate::modules::module_name_value(f.module))),
                "__defaults__" => {
                    if f.defaults.is_empty() {
                        Some(Ref::NONE)
                    } else {
                        Some(crate::tuple::tuple_from_slice(&f.defaults))
                    }
                }
                "__globals__" => Some(Ref::dup(crate::modules::module_dict(f.module))),
                _ => None,
            }
        }
        Kind::Builtin => {
            // SAFETY: kind checked.
            let b = unsafe { payload::<BuiltinData>(o) };
            match name {
                "__name__" | "__qualname__" => Some(str_from(b.name)),
                "__self__" => Some(if b.receiver == Value::UNBOUND {
                    Ref::NONE
                } else {
                    Ref::dup(b.receiver)
                }),
                _ => None,
            }
        }
        Kind::BoundMethod => {
            // SAFETY: kind checked.
            let m = unsafe { payload::<[Value; 2]>(o) };
            match name {
                "__self__" => Some(Ref::dup(m[1])),
                "__func__" => Some(Ref::dup(m[0])),
                _ => Some(getattr_str(m[0], name)?),
            }
        }
        Kind::Wrapper => {
            let w = wrapper_data(o);
            match (w.kind, name) {
                (WrapperKind::Property, "fget") => Some(Ref::dup(w.f)),
                (WrapperKind::Property, "fset") => Some(Ref::dup(w.setter)),
                (WrapperKind::Property, "fdel") => Some(Ref::dup(w.deleter)),
                (WrapperKind::StaticMethod | WrapperKind::ClassMethod, "__func__") => {
                    Some(Ref::dup(w.f))
                }
                _ => None,
            }
        }
        Kind::Super => Some(crate::class::super_getattr(o, name)?),
        _ => None,
    })
}

/// Reads attribute `name` kept in slot `p` of instance `o`. A class whose shape is
/// [`crate::object::SHAPE_NONE`] may have gained a property over the slot name after
/// instances filled it: the property (a data descriptor) wins, as in CPython.
fn slot_getattr(o: Value, p: *mut Value, name: &str, hash: i64) -> R<Ref> {
    let cls = instance_data(o).class;
    if class_data(cls).shape.get() == crate::object::SHAPE_NONE {
        if let Some(d) = crate::class::lookup_hashed(cls, name, hash) {
            if is_kind(d, Kind::Wrapper) && wrapper_data(d).kind == WrapperKind::Property {
                let d = Ref::dup(d);
                return bind(d.v(), o, cls);
            }
        }
    }
    // SAFETY: a live slot of `o`.
    let v = unsafe { *p };
    if v != Value::UNBOUND {
        return Ok(Ref::dup(v));
    }
    instance_getattr_not_in_dict(o, name, hash)
}

fn instance_getattr(o: Value, name: &str, hash: i64) -> R<Ref> {
    if let Some(p) = crate::class::slot_ptr(o, name) {
        return slot_getattr(o, p, name, hash);
    }
    let inst = instance_data(o);
    if let Some(d) = inst.dict_opt() {
        if let Some(v) = dict_data(d).get_str_hashed(name, hash) {
            if let Some(r) = class_property(o, name, hash)? {
                return Ok(r);
            }
            return Ok(Ref::dup(v));
        }
    }
    instance_getattr_not_in_dict(o, name, hash)
}

/// A property `name` of the class of instance `o`, called: a data descriptor wins over
/// the instance dict, as in CPython. `None` when the class has no such property.
fn class_property(o: Value, name: &str, hash: i64) -> R<Option<Ref>> {
    let cls = instance_data(o).class;
    match crate::class::lookup_hashed(cls, name, hash) {
        Some(d) if is_kind(d, Kind::Wrapper) && wrapper_data(d).kind == WrapperKind::Property => {
            let d = Ref::dup(d);
            bind(d.v(), o, cls).map(Some)
        }
        _ => Ok(None),
    }
}

/// [`instance_getattr`] after the instance dict was searched.
fn instance_getattr_not_in_dict(o: Value, name: &str, hash: i64) -> R<Ref> {
    let inst = instance_data(o);
    let cls = inst.class;
    if name.starts_with("__") {
        match name {
            "__class__" => return Ok(Ref::dup(cls)),
            "__dict__" if !crate::class::has_no_dict(cls) => {
                crate::class::deslot(o);
                return Ok(Ref::dup(inst.dict()));
            }
            _ => {}
        }
    }
    if let Some(state) = &inst.exc {
        match name {
            "args" => return Ok(Ref::dup(state.args.get())),
            "__cause__" => return Ok(Ref::dup(state.cause.get())),
            "__context__" => return Ok(Ref::dup(state.context.get())),
            "__suppress_context__" => {
                return Ok(Ref::new(Value::from_bool(state.suppress_context.get())));
            }
            "__traceback__" => return crate::traceback::traceback_attr(o),
            "value" | "code" | "errno" | "strerror" | "filename" | "filename2" | "name" | "obj" => {
                if let Some(v) = crate::exceptions::exc_derived_attr(o, name) {
                    return Ok(v);
                }
            }
            _ => {}
        }
    }
    if let Some(f) = crate::class::lookup_hashed(cls, name, hash) {
        let f = Ref::dup(f);
        return bind(f.v(), o, cls);
    }
    if let Some(f) = lookup(cls, "__getattr__") {
        if !is_kind(f, Kind::Builtin) {
            let n = str_from(name);
            if let Some(r) = call_dunder(o, "__getattr__", &[n.v()])? {
                return Ok(r);
            }
        }
    }
    attribute_error(o, name)
}

fn class_getattr(cls: Value, name: &str) -> R<Ref> {
    let cd = class_data(cls);
    if let Some(f) = lookup(cls, name) {
        let f = Ref::dup(f);
        return bind(f.v(), Value::NONE, cls);
    }
    match name {
        "__name__" => return Ok(Ref::dup(cd.name)),
        "__qualname__" => return Ok(Ref::dup(cd.name)),
        "__class__" => return Ok(Ref::dup(rt().t.type_)),
        "__doc__" => return Ok(Ref::NONE),
        "__base__" => return Ok(Ref::dup(cd.base)),
        "__bases__" => {
            if cd.base.is_none() {
                return Ok(Ref::dup(rt().empty_tuple));
            }
            return Ok(crate::tuple::tuple_from_slice(&[cd.base]));
        }
        "__mro__" => {
            let mut items = vec![cls];
            items.extend(cd.mro.iter().copied());
            return Ok(crate::tuple::tuple_from_slice(&items));
        }
        "__dict__" => return Ok(crate::dict::dict_copy(cd.dict)),
        "mro" => return Ok(crate::slots::type_mro_method(cls)),
        _ => {}
    }
    attribute_error(cls, name)
}

/// `setattr(o, name, v)` with `name` a str value.
pub fn setattr(o: Value, name: Value, v: Value) -> R<()> {
    let Some(n) = str_opt(name) else {
        return type_error(format!(
            "attribute name must be string, not '{}'",
            crate::class::type_name(name)
        ));
    };
    if is_kind(o, Kind::Instance) {
        let cls = instance_data(o).class;
        if let Some(f) = lookup(cls, "__setattr__") {
            if !is_kind(f, Kind::Builtin) {
                call_dunder(o, "__setattr__", &[name, v])?;
                return Ok(());
            }
        }
        return instance_setattr(o, n, name, v);
    }
    setattr_other(o, n, name, v)
}

/// `object.__setattr__(o, name, v)`: without user `__setattr__`.
pub fn generic_setattr(o: Value, name: Value, v: Value) -> R<()> {
    let Some(n) = str_opt(name) else {
        return type_error("attribute name must be string");
    };
    if is_kind(o, Kind::Instance) {
        return instance_setattr(o, n, name, v);
    }
    setattr_other(o, n, name, v)
}

fn instance_setattr(o: Value, n: &str, name: Value, v: Value) -> R<()> {
    let inst = instance_data(o);
    if let Some(state) = &inst.exc {
        let slot = match n {
            "args" => {
                let t = if crate::tuple::is_tuple(v) {
                    Ref::dup(v)
                } else {
                    crate::tuple::tuple_from_vec(crate::iter::collect_vec(v)?)
                };
                let old = state.args.replace(t.into_raw());
                crate::object::decref(old);
                return Ok(());
            }
            "__cause__" => &state.cause,
            "__context__" => &state.context,
            "__suppress_context__" => {
                state.suppress_context.set(crate::ops::is_true(v)?);
                return Ok(());
            }
            _ => return store_in_dict(o, inst, n, name, v),
        };
        if n == "__cause__" {
            state.suppress_context.set(true);
        }
        let old = slot.replace(incref(v));
        crate::object::decref(old);
        return Ok(());
    }
    store_in_dict(o, inst, n, name, v)
}

fn store_in_dict(
    o: Value,
    inst: &crate::object::InstanceData,
    n: &str,
    name: Value,
    v: Value,
) -> R<()> {
    let cls = inst.class;
    if let Some(p) = crate::class::lookup_hashed(cls, n, crate::hash::hash_str(name)) {
        if is_kind(p, Kind::Wrapper) && wrapper_data(p).kind == WrapperKind::Property {
            let w = wrapper_data(p);
            if w.setter.is_none() {
                return raise(
                    ExcKind::AttributeError,
                    format!(
                        "property '{n}' of '{}' object has no setter",
                        crate::class::type_name(o)
                    ),
                );
            }
            let setter = Ref::dup(w.setter);
            crate::call::call(setter.v(), crate::object::Args::positional(&[o, v]))?;
            return Ok(());
        }
    }
    if is_kind(o, Kind::Instance) {
        if let Some(p) = crate::class::slot_ptr(o, n) {
            // SAFETY: a live slot of `o`.
            // SAFETY: `p` points into the instance's slots.
            let index = unsafe { p.offset_from(inst.slots) } as usize;
            if unsafe { *p } != Value::UNBOUND || crate::class::slot_bind_keeps_order(o, index) {
                // SAFETY: as above; the old value is released after the store.
                let old = unsafe { p.replace(incref(v)) };
                if old != Value::UNBOUND {
                    crate::object::decref(old);
                }
                return Ok(());
            }
            // A first assignment out of slot order: keep every attribute in the dict from
            // now on, so that `__dict__` shows them in assignment order.
            crate::class::deslot(o);
        } else if crate::class::has_no_dict(cls) {
            if crate::class::lookup_hashed(cls, n, crate::hash::hash_str(name)).is_some() {
                return raise(
                    ExcKind::AttributeError,
                    format!(
                        "'{}' object attribute '{n}' is read-only",
                        crate::class::type_name(o)
                    ),
                );
            }
            return attribute_error(o, n);
        }
        crate::object::set_flags(o, crate::object::FLAG_DICT_USED);
    }
    // Names are interned: the entry is found by identity (no Python code runs).
    dict_data(inst.dict()).set_name(name, crate::hash::hash_str(name), v);
    Ok(())
}

fn setattr_other(o: Value, n: &str, name: Value, v: Value) -> R<()> {
    if is_class(o) {
        crate::class::check_mutable_class(o, n)?;
        let d = dict_data(class_data(o).dict);
        let reshape = crate::class::attr_change_needs_reshape(n, d.get_str(n), Some(v));
        let r = d.set(name, v);
        if reshape {
            crate::class::class_mutated(o);
        } else {
            crate::class::class_changed();
        }
        return r;
    }
    if is_kind(o, Kind::Module) {
        return dict_data(crate::modules::module_dict(o)).set(name, v);
    }
    if crate::class::lookup(type_of(o), n).is_some() {
        return raise(
            ExcKind::AttributeError,
            format!(
                "'{}' object attribute '{n}' is read-only",
                crate::class::type_name(o)
            ),
        );
    }
    attribute_error(o, n)
}

/// `delattr(o, name)`.
pub fn delattr(o: Value, name: Value) -> R<()> {
    let Some(n) = str_opt(name) else {
        return type_error("attribute name must be string");
    };
    let dict = if is_kind(o, Kind::Instance) {
        let inst = instance_data(o);
        if let Some(p) = lookup(inst.class, n) {
            if is_kind(p, Kind::Wrapper) && wrapper_data(p).kind == WrapperKind::Property {
                let w = wrapper_data(p);
                if w.deleter.is_none() {
                    return raise(
                        ExcKind::AttributeError,
                        format!(
                            "property '{n}' of '{}' object has no deleter",
                            crate::class::type_name(o)
                        ),
                    );
                }
                let d = Ref::dup(w.deleter);
                crate::ops::call1(d.v(), o)?;
                return Ok(());
            }
        }
        if crate::class::is_member_slot(o, n) {
            if let Some(p) = crate::class::slot_ptr(o, n) {
                // SAFETY: a live slot of `o`.
                let old = unsafe { p.replace(Value::UNBOUND) };
                if old == Value::UNBOUND {
                    // CPython's message for an unset member.
                    return raise(ExcKind::AttributeError, n.to_string());
                }
                crate::object::decref(old);
                return Ok(());
            }
        } else if crate::class::slot_ptr(o, n).is_some() {
            // A dict attribute kept in a slot: a later assignment puts it last in
            // `__dict__`, which only the dict can keep.
            crate::class::deslot(o);
        }
        match inst.dict_opt() {
            Some(d) => d,
            None => return attribute_error(o, n),
        }
    } else if is_class(o) {
        crate::class::check_mutable_class(o, n)?;
        let d = dict_data(class_data(o).dict);
        let reshape = crate::class::attr_change_needs_reshape(n, d.get_str(n), None);
        let r = d.remove(name);
        if reshape {
            crate::class::class_mutated(o);
        } else {
            crate::class::class_changed();
        }
        return match r? {
            Some(_) => Ok(()),
            None => attribute_error(o, as_str(name)),
        };
    } else if is_kind(o, Kind::Module) {
        crate::modules::module_dict(o)
    } else {
        return attribute_error(o, n);
    };
    match dict_data(dict).remove(name)? {
        Some(_) => Ok(()),
        None => attribute_error(o, as_str(name)),
    }
}

/// `hasattr(o, name)`.
pub fn hasattr(o: Value, name: Value) -> R<bool> {
    match getattr(o, name) {
        Ok(_) => Ok(true),
        Err(e) => {
            if crate::exceptions::pending_is(ExcKind::AttributeError) {
                drop(crate::exceptions::take_pending());
                Ok(false)
            } else {
                Err(e)
            }
        }
    }
}
