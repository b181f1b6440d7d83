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
/// class): the descriptor protocol's `__get__`. Functions become bound methods, builtin
/// methods get their receiver, `staticmethod`/`classmethod`/`property` and the members of
/// `__slots__` do what their names say, and an instance of a class with `__get__` is called
/// as `__get__(f, obj, cls)` (`obj` is `None` through the class).
pub fn bind(f: Value, obj: Value, cls: Value) -> R<Ref> {
    if !f.is_ptr() {
        return Ok(Ref::dup(f));
    }
    if let Some(m) = rebind_class_builtin(f, cls) {
        return Ok(m);
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
                    home: Value::NONE,
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
                        return property_missing(f, obj, "getter");
                    }
                    crate::ops::call1(w.f, obj)
                }
                WrapperKind::Member | WrapperKind::GetSet => {
                    if obj.is_none() || !is_kind(obj, Kind::Instance) {
                        return Ok(Ref::dup(f));
                    }
                    if let Some(r) = crate::exc_members::descriptor_get(f, obj) {
                        return r;
                    }
                    descriptor_get_builtin(w.kind, as_str(w.f), obj)
                }
            }
        }
        Kind::Instance if crate::class::has_dunder(f, "__get__") => {
            let owner = if cls.is_none() { type_of(obj) } else { cls };
            Ok(call_dunder(f, "__get__", &[obj, owner])?.unwrap_or(Ref::NONE))
        }
        _ => Ok(Ref::dup(f)),
    }
}

/// CPython's `AttributeError` for a property `p` without the function `what` ("getter",
/// "setter", "deleter"), used on an instance `obj`.
fn property_missing<T>(p: Value, obj: Value, what: &str) -> R<T> {
    let name = wrapper_data(p).name.get();
    let owner = crate::class::type_name(obj);
    let msg = if name.is_none() {
        format!("property of '{owner}' object has no {what}")
    } else {
        format!(
            "property {} of '{owner}' object has no {what}",
            crate::ops::repr_string(name)?
        )
    };
    raise(ExcKind::AttributeError, msg)
}

/// Reads member slot or `__dict__`/`__weakref__` `name` of instance `obj`.
fn descriptor_get_builtin(kind: WrapperKind, name: &str, obj: Value) -> R<Ref> {
    let inst = instance_data(obj);
    match (kind, name) {
        (WrapperKind::GetSet, "__dict__") => {
            crate::class::deslot(obj);
            Ok(Ref::dup(inst.dict()))
        }
        (WrapperKind::GetSet, _) => Ok(Ref::NONE),
        _ => match crate::class::slot_ptr(obj, name) {
            // SAFETY: a live slot of `obj`.
            Some(p) if unsafe { *p } != Value::UNBOUND => Ok(Ref::dup(unsafe { *p })),
            _ => attribute_error(obj, name),
        },
    }
}

/// Whether class attribute `d` is a data descriptor (its type defines `__set__` or
/// `__delete__`): it then takes precedence over the instance dict, as in CPython.
pub fn is_data_descriptor(d: Value) -> bool {
    if !d.is_ptr() {
        return false;
    }
    match kind(d) {
        Kind::Wrapper => matches!(
            wrapper_data(d).kind,
            WrapperKind::Property | WrapperKind::Member | WrapperKind::GetSet
        ),
        Kind::Instance => {
            crate::class::has_dunder(d, "__set__") || crate::class::has_dunder(d, "__delete__")
        }
        _ => false,
    }
}

/// The attribute hook `name` (`__getattribute__`, `__setattr__`, `__delattr__`,
/// `__getattr__`) of class `cls` when a Python class defines it (not `object`'s).
pub fn user_hook(cls: Value, name: &str) -> Option<Value> {
    lookup(cls, name).filter(|f| !is_kind(*f, Kind::Builtin))
}

/// A bound method `(f, obj)`.
pub fn bound_method(f: Value, obj: Value) -> Ref {
    alloc_ref(Kind::BoundMethod, [incref(f), incref(obj)])
}

/// `getattr(o, name)` with `name` a str value.
pub fn getattr(o: Value, name: Value) -> R<Ref> {
    match str_opt(name) {
        Some(n) if is_kind(o, Kind::Instance) => {
            instance_getattr(o, n, crate::hash::hash_str(name))
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
        return instance_getattr(o, name, crate::hash::hash_text(name));
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
    if is_kind(o, Kind::Function) {
        if let Some(r) = function_getattr(o, name)? {
            return Ok(r);
        }
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

/// The `__name__` of a function (borrowed): the assigned one, else the compiled one.
pub fn function_name(f: &crate::object::FunctionData) -> Value {
    match f.extra_opt().map(|e| e.name.get()) {
        Some(n) if n != Value::UNBOUND => n,
        _ => f.name,
    }
}

/// The `__qualname__` of a function (borrowed): the assigned one, else the compiled one.
pub fn function_qualname(f: &crate::object::FunctionData) -> Value {
    match f.extra_opt().map(|e| e.qualname.get()) {
        Some(q) if q != Value::UNBOUND => q,
        _ => f.qualname,
    }
}

/// The number of positional parameters of a function and how many of them have defaults
/// in its compiled signature.
fn positional_defaults(f: &crate::object::FunctionData) -> usize {
    // SAFETY: `code` points at a static descriptor emitted by codegen.
    let code = unsafe { &*f.code };
    crate::call::params_of(code)
        .iter()
        .filter(|p| {
            p.has_default != 0
                && (p.kind == crate::object::PARAM_POS_ONLY
                    || p.kind == crate::object::PARAM_POS_OR_KW)
        })
        .count()
}

/// Attributes of a function object (`__name__`, `__doc__`, `__defaults__`, its `__dict__`,
/// ...); `None` for the attributes of `function` itself.
fn function_getattr(o: Value, name: &str) -> R<Option<Ref>> {
    // SAFETY: the caller checked the kind.
    let f = unsafe { payload::<crate::object::FunctionData>(o) };
    let extra = f.extra_opt();
    let set =
        |c: Option<&std::cell::Cell<Value>>| c.map(|c| c.get()).filter(|v| *v != Value::UNBOUND);
    Ok(Some(match name {
        "__name__" => Ref::dup(set(extra.map(|e| &e.name)).unwrap_or(f.name)),
        "__qualname__" => Ref::dup(function_qualname(f)),
        "__doc__" => Ref::dup(set(extra.map(|e| &e.doc)).unwrap_or(Value::NONE)),
        "__module__" => Ref::dup(
            set(extra.map(|e| &e.module))
                .unwrap_or_else(|| crate::modules::module_global_name(f.module)),
        ),
        "__globals__" => Ref::dup(crate::modules::module_dict(f.module)),
        "__dict__" => {
            let e = f.extra();
            if e.dict.get().is_none() {
                e.dict.set(crate::dict::dict_new().into_raw());
            }
            Ref::dup(e.dict.get())
        }
        "__defaults__" => match set(extra.map(|e| &e.defaults)) {
            Some(d) => Ref::dup(d),
            None => {
                let n = positional_defaults(f);
                if n == 0 {
                    Ref::NONE
                } else {
                    crate::tuple::tuple_from_slice(&f.defaults[..n])
                }
            }
        },
        "__kwdefaults__" => match set(extra.map(|e| &e.kwdefaults)) {
            Some(d) => Ref::dup(d),
            None => {
                // SAFETY: `code` points at a static descriptor emitted by codegen.
                let code = unsafe { &*f.code };
                let mut i = 0;
                let d = crate::dict::dict_new();
                for p in crate::call::params_of(code) {
                    if p.has_default == 0 {
                        continue;
                    }
                    if p.kind == crate::object::PARAM_KW_ONLY {
                        let k = crate::str::str_from(crate::call::param_name(p));
                        dict_data(d.v()).set(k.v(), f.defaults[i])?;
                    }
                    i += 1;
                }
                if dict_data(d.v()).is_empty() {
                    Ref::NONE
                } else {
                    d
                }
            }
        },
        _ => {
            if let Some(d) = extra.map(|e| e.dict.get()).filter(|d| !d.is_none()) {
                if let Some(v) = dict_data(d).get_str(name) {
                    return Ok(Some(Ref::dup(v)));
                }
            }
            return Ok(None);
        }
    }))
}

/// `f.name = v` (`v` is `None` for `del f.name`) on a function object.
fn function_setattr(o: Value, n: &str, name: Value, v: Option<Value>) -> R<()> {
    // SAFETY: the caller checked the kind.
    let f = unsafe { payload::<crate::object::FunctionData>(o) };
    let e = f.extra();
    let replace = |c: &std::cell::Cell<Value>, v: Value| {
        let old = c.replace(incref(v));
        if old != Value::UNBOUND {
            crate::object::decref(old);
        }
    };
    let must_be =
        |what: &str| -> R<()> { type_error(format!("{n} must be set to a {what} object")) };
    match (n, v) {
        ("__name__" | "__qualname__", None) => must_be("string"),
        ("__name__", Some(v)) if crate::str::is_str(v) => Ok(replace(&e.name, v)),
        ("__qualname__", Some(v)) if crate::str::is_str(v) => Ok(replace(&e.qualname, v)),
        ("__name__" | "__qualname__", Some(_)) => must_be("string"),
        ("__doc__", v) => Ok(replace(&e.doc, v.unwrap_or(Value::NONE))),
        ("__defaults__", v) => {
            let v = v.unwrap_or(Value::NONE);
            if !v.is_none() && !crate::tuple::is_tuple(v) {
                return must_be("tuple");
            }
            f.simple.set(false);
            Ok(replace(&e.defaults, v))
        }
        ("__kwdefaults__", v) => {
            let v = v.unwrap_or(Value::NONE);
            if !v.is_none() && !crate::dict::is_dict(v) {
                return must_be("dict");
            }
            f.simple.set(false);
            Ok(replace(&e.kwdefaults, v))
        }
        ("__dict__", Some(v)) => {
            if !crate::dict::is_dict(v) {
                return type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    crate::class::type_name(v)
                ));
            }
            let old = e.dict.replace(incref(v));
            crate::object::decref(old);
            Ok(())
        }
        ("__dict__", None) => type_error("cannot delete __dict__"),
        ("__globals__" | "__closure__" | "__builtins__", _) => {
            raise(ExcKind::AttributeError, "readonly attribute")
        }
        ("__module__", Some(v)) => Ok(replace(&e.module, v)),
        ("__module__", None) => {
            // CPython's `__module__` is an ordinary member: deleting it leaves `None`.
            Ok(replace(&e.module, Value::NONE))
        }
        ("__code__" | "__annotations__", _) => raise(
            ExcKind::NotImplementedError,
            format!("molt: assigning the attribute '{n}' of functions is not supported yet"),
        ),
        (_, Some(v)) => {
            if e.dict.get().is_none() {
                e.dict.set(crate::dict::dict_new().into_raw());
            }
            dict_data(e.dict.get()).set(name, v)
        }
        (_, None) => {
            let d = e.dict.get();
            if !d.is_none() && dict_data(d).remove(name)?.is_some() {
                return Ok(());
            }
            attribute_error(o, n)
        }
    }
}

/// The replaced defaults of function `f` (`__defaults__`, `__kwdefaults__`), if the program
/// assigned either: argument binding then follows them instead of the compiled ones.
pub fn function_default_overrides(f: &crate::object::FunctionData) -> Option<(Value, Value)> {
    let e = f.extra_opt()?;
    let (d, k) = (e.defaults.get(), e.kwdefaults.get());
    if d == Value::UNBOUND && k == Value::UNBOUND {
        return None;
    }
    Some((d, k))
}

/// Data attributes of builtin values (`r.start`, `f.__name__`, `x.real`, ...).
fn special_attr(o: Value, name: &str) -> R<Option<Ref>> {
    if name == "__class__" {
        return Ok(Some(Ref::dup(type_of(o))));
    }
    if name == "__doc__" {
        if is_kind(o, Kind::BoundMethod) {
            // SAFETY: kind checked.
            let m = unsafe { payload::<[Value; 2]>(o) };
            return getattr_str(m[0], name).map(Some);
        }
        if is_kind(o, Kind::Wrapper) {
            let w = wrapper_data(o);
            return Ok(Some(match w.kind {
                // A member's `__doc__` is `None` but for the builtin exception fields.
                WrapperKind::Property | WrapperKind::Member => Ref::dup(w.doc.get()),
                WrapperKind::StaticMethod | WrapperKind::ClassMethod => getattr_str(w.f, name)?,
                WrapperKind::GetSet => Ref::NONE,
            }));
        }
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
        Kind::Complex => crate::complex::complex_getattr(o, name),
        Kind::MemoryView => crate::memoryview::getattr(o, name)?,
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
        Kind::Builtin => {
            // SAFETY: kind checked.
            let b = unsafe { payload::<BuiltinData>(o) };
            builtin_getattr(b, name)?
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
                (WrapperKind::StaticMethod | WrapperKind::ClassMethod, "__func__")
                | (WrapperKind::StaticMethod | WrapperKind::ClassMethod, "__wrapped__") => {
                    Some(Ref::dup(w.f))
                }
                (WrapperKind::Member | WrapperKind::GetSet, "__name__") => Some(Ref::dup(w.f)),
                // The field of a builtin exception class (`SyntaxError.msg`): its class is
                // the descriptor's `deleter` (see `crate::exc_members`).
                (WrapperKind::Member, "__objclass__") if !w.deleter.is_none() => {
                    Some(Ref::dup(w.deleter))
                }
                (WrapperKind::Member, "__qualname__") if !w.deleter.is_none() => {
                    Some(crate::str::str_from_owned(format!(
                        "{}.{}",
                        crate::str::as_str(w.setter),
                        crate::str::as_str(w.f)
                    )))
                }
                // CPython copies these from the wrapped callable (`functools.wraps`-like).
                (
                    WrapperKind::StaticMethod | WrapperKind::ClassMethod,
                    "__name__" | "__qualname__" | "__module__" | "__annotations__",
                ) => Some(getattr_str(w.f, name)?),
                _ => None,
            }
        }
        Kind::Super => Some(crate::class::super_getattr(o, name)?),
        Kind::Generator => crate::generator::gen_getattr(o, name),
        Kind::File => crate::io::file_getattr(o, name)?,
        Kind::DictView if name == "mapping" => Some(crate::class::mappingproxy_new(
            crate::dict::view_data(o).dict,
        )),
        _ => None,
    })
}

/// A class method of a builtin type (`dict.fromkeys`, `int.from_bytes`, `float.fromhex`,
/// `object.__init_subclass__`: CPython's `METH_CLASS`) found on class `cls`, a subclass of
/// the type that defines it: the method bound to `cls`, as CPython's `classmethod_descriptor`
/// binds it (so `D.fromkeys(...)` makes a `D`). `None` when `f` is anything else or is
/// already bound to `cls`. A builtin `__new__` stays bound to its type, as in CPython.
pub fn rebind_class_builtin(f: Value, cls: Value) -> Option<Ref> {
    if !f.is_ptr() || !is_kind(f, Kind::Builtin) {
        return None;
    }
    // SAFETY: kind checked.
    let b = unsafe { payload::<BuiltinData>(f) };
    if b.flavor() != crate::object::BuiltinFlavor::Class
        || b.name == "__new__"
        || b.receiver == cls
        || !crate::class::is_class(cls)
    {
        return None;
    }
    Some(alloc_ref(
        Kind::Builtin,
        BuiltinData {
            name: b.name,
            f: b.f,
            receiver: incref(cls),
            owner: Value::NONE,
            home: b.home,
        },
    ))
}

/// The attributes CPython gives a builtin callable of each flavor (see
/// [`crate::object::BuiltinFlavor`]): `__qualname__` names the class (`str.upper`),
/// `__module__` is `builtins` or the module for functions and `None` for methods (descriptors
/// have none), `__self__` is the bound object, the class of a class method, `None` for a
/// static method; descriptors and method-wrappers have `__objclass__`.
fn builtin_getattr(b: &BuiltinData, name: &str) -> R<Option<Ref>> {
    use crate::object::BuiltinFlavor as F;
    let flavor = b.flavor();
    let class_of = || match flavor {
        F::Static | F::Class => b.home,
        _ => b.owner,
    };
    let module = is_kind(b.receiver, Kind::Module);
    Ok(match (name, flavor) {
        ("__name__", _) => Some(str_from(b.name)),
        ("__qualname__", F::Function) => Some(str_from(b.name)),
        ("__qualname__", _) => Some(crate::str::str_from_string(format!(
            "{}.{}",
            crate::class::class_name(class_of()),
            b.name
        ))),
        ("__module__", F::Function) if module => Some(crate::str::str_from_string(
            crate::modules::module_name(b.receiver),
        )),
        ("__module__", F::Function) => Some(str_from("builtins")),
        ("__module__", F::Bound { slot: false } | F::Static | F::Class) => Some(Ref::NONE),
        ("__self__", F::Function) if module => Some(Ref::dup(b.receiver)),
        ("__self__", F::Function) => {
            return crate::exceptions::raise(
                crate::exceptions::ExcKind::NotImplementedError,
                "molt: the builtins module as `__self__` of a builtin function is not supported yet",
            );
        }
        ("__self__", F::Bound { .. } | F::Class) => Some(Ref::dup(b.receiver)),
        ("__self__", F::Static) => Some(Ref::NONE),
        ("__objclass__", F::Descriptor { .. } | F::Bound { slot: true }) => Some(Ref::dup(b.owner)),
        _ => None,
    })
}

/// `getattr(o, name)` for an instance: its class's `__getattribute__` (CPython's generic
/// lookup unless the class overrides it), then `__getattr__` after an `AttributeError`.
fn instance_getattr(o: Value, name: &str, hash: i64) -> R<Ref> {
    let cls = instance_data(o).class;
    if cls == crate::state::rt().t.generic_alias || cls == crate::state::rt().t.union_type {
        return crate::generic_alias::alias_getattr(o, name, hash);
    }
    let r = match user_hook(cls, "__getattribute__") {
        Some(hook) => {
            let hook = Ref::dup(hook);
            let n = str_from(name);
            crate::call::call_found(hook.v(), o, cls, crate::object::Args::positional(&[n.v()]))
        }
        None => generic_getattr(o, name, hash),
    };
    match r {
        Err(e) if crate::exceptions::pending_is(ExcKind::AttributeError) => {
            match user_hook(cls, "__getattr__") {
                Some(f) => {
                    drop(crate::exceptions::take_pending());
                    let f = Ref::dup(f);
                    let n = str_from(name);
                    crate::call::call_found(
                        f.v(),
                        o,
                        cls,
                        crate::object::Args::positional(&[n.v()]),
                    )
                }
                None => Err(e),
            }
        }
        r => r,
    }
}

/// `object.__getattribute__(o, name)` for an instance (CPython's
/// `PyObject_GenericGetAttr`): a data descriptor of the class, then the instance's own
/// attribute (slot or dict), then the class attribute (bound through its `__get__`).
pub fn generic_getattr(o: Value, name: &str, hash: i64) -> R<Ref> {
    let inst = instance_data(o);
    let cls = inst.class;
    let descr = crate::class::lookup_hashed(cls, name, hash).map(Ref::dup);
    match &descr {
        // A data descriptor wins over the instance dict when it can get (`__get__`).
        Some(d)
            if is_data_descriptor(d.v())
                && (!is_kind(d.v(), Kind::Instance)
                    || crate::class::has_dunder(d.v(), "__get__")) =>
        {
            return bind(d.v(), o, cls);
        }
        Some(_) => {}
        None => {
            if let Some(r) = instance_builtin_attr(o, name)? {
                return Ok(r);
            }
        }
    }
    if let Some(p) = crate::class::slot_ptr(o, name) {
        // SAFETY: a live slot of `o`.
        let v = unsafe { *p };
        if v != Value::UNBOUND {
            return Ok(Ref::dup(v));
        }
    } else if let Some(d) = inst.dict_opt() {
        if let Some(v) = dict_data(d).get_str_hashed(name, hash) {
            return Ok(Ref::dup(v));
        }
    }
    match descr {
        Some(d) => bind(d.v(), o, cls),
        None => match crate::class::builtin_value(o) {
            // The data attributes of the builtin type (`real`, `imag`, `numerator`, ...),
            // which molt keeps out of the class namespace.
            Some(value) => match getattr_str(value, name) {
                Err(_) if crate::exceptions::pending_is(ExcKind::AttributeError) => {
                    drop(crate::exceptions::take_pending());
                    attribute_error(o, name)
                }
                r => r,
            },
            None => attribute_error(o, name),
        },
    }
}

/// The attributes every instance has without a class entry: `__class__`, `__dict__`, and
/// the state of exceptions (`args`, `__cause__`, ...). `None` for other names.
fn instance_builtin_attr(o: Value, name: &str) -> R<Option<Ref>> {
    let inst = instance_data(o);
    let cls = inst.class;
    match name {
        "__class__" => return Ok(Some(Ref::dup(cls))),
        "__dict__" if !crate::class::has_no_dict(cls) && cls != rt().t.object => {
            crate::class::deslot(o);
            return Ok(Some(Ref::dup(inst.dict())));
        }
        _ => {}
    }
    if let Some(state) = &inst.exc {
        match name {
            "args" => return Ok(Some(Ref::dup(state.args.get()))),
            "__cause__" => return Ok(Some(Ref::dup(state.cause.get()))),
            "__context__" => return Ok(Some(Ref::dup(state.context.get()))),
            "__suppress_context__" => {
                return Ok(Some(Ref::new(Value::from_bool(
                    state.suppress_context.get(),
                ))));
            }
            "__traceback__" => return crate::traceback::traceback_attr(o).map(Some),
            _ => {}
        }
    }
    Ok(None)
}

/// `C.name`: the attributes of the class object itself (`__name__`, `__mro__`, `__dict__`,
/// ...), then the class namespace and its bases', bound as for access through the class.
fn class_getattr(cls: Value, name: &str) -> R<Ref> {
    let cd = class_data(cls);
    match name {
        "__name__" => return Ok(Ref::dup(cd.name)),
        "__qualname__" if cd.qualname.is_none() => return Ok(Ref::dup(cd.name)),
        "__qualname__" => return Ok(Ref::dup(cd.qualname)),
        "__class__" => return Ok(Ref::dup(type_of(cls))),
        "__base__" => return Ok(Ref::dup(cd.base)),
        "__bases__" => {
            if cd.base.is_none() {
                return Ok(Ref::dup(rt().empty_tuple));
            }
            return Ok(crate::tuple::tuple_from_slice(&crate::class::class_bases(
                cls,
            )));
        }
        "__mro__" => {
            let mut items = vec![cls];
            items.extend(cd.mro.iter().copied());
            return Ok(crate::tuple::tuple_from_slice(&items));
        }
        "__dict__" => return Ok(crate::class::mappingproxy_new(cd.dict)),
        "mro" => return Ok(crate::slots::type_mro_method(cls)),
        // CPython's `type.__module__` getter: a user class's own `__module__` entry (its
        // namespace always has one), `builtins` for the builtin types.
        "__module__" => {
            if let Some(m) = dict_data(cd.dict).get_str("__module__") {
                return Ok(Ref::dup(m));
            }
            if crate::object::is_immortal(cls) {
                return Ok(crate::str::str_from("builtins"));
            }
        }
        _ => {}
    }
    let Some(meta) = crate::class::user_meta(cls) else {
        if let Some(f) = lookup(cls, name) {
            let f = Ref::dup(f);
            return bind(f.v(), Value::NONE, cls);
        }
        if name == "__doc__" {
            return Ok(Ref::NONE);
        }
        // The methods of `type` itself (`C.__call__`, `C.__prepare__`).
        let type_ = rt().t.type_;
        if let Some(f) = lookup(type_, name).filter(|f| is_kind(*f, Kind::Builtin)) {
            let f = Ref::dup(f);
            return bind(f.v(), cls, type_);
        }
        return attribute_error(cls, name);
    };
    // CPython's `type_getattro` for a class whose metaclass is a Python class: a data
    // descriptor of the metaclass, then the class's own MRO, then the metaclass's
    // attribute (functions bind to the class), then the metaclass's `__getattr__`.
    let meta_attr = lookup(meta, name).map(Ref::dup);
    if let Some(d) = &meta_attr {
        if is_data_descriptor(d.v()) {
            return bind(d.v(), cls, meta);
        }
    }
    if let Some(f) = lookup(cls, name) {
        let f = Ref::dup(f);
        return bind(f.v(), Value::NONE, cls);
    }
    if let Some(d) = meta_attr {
        return bind(d.v(), cls, meta);
    }
    if name == "__doc__" {
        return Ok(Ref::NONE);
    }
    if let Some(f) = user_hook(meta, "__getattr__") {
        let f = Ref::dup(f);
        let n = crate::str::str_from(name);
        return crate::call::call_found(
            f.v(),
            cls,
            meta,
            crate::object::Args::positional(&[n.v()]),
        );
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
        if let Some(f) = user_hook(cls, "__setattr__") {
            let f = Ref::dup(f);
            crate::call::call_found(f.v(), o, cls, crate::object::Args::positional(&[name, v]))?;
            return Ok(());
        }
        return instance_setattr(o, n, name, v);
    }
    if let Some(meta) = crate::class::user_meta(o) {
        if let Some(f) = user_hook(meta, "__setattr__") {
            let f = Ref::dup(f);
            crate::call::call_found(f.v(), o, meta, crate::object::Args::positional(&[name, v]))?;
            return Ok(());
        }
        if let Some(d) = lookup(meta, n).map(Ref::dup) {
            if is_data_descriptor(d.v()) {
                return descriptor_set(d.v(), o, n, Some(v));
            }
        }
    }
    setattr_other(o, n, name, v)
}

/// `object.__setattr__(o, name, v)`: without user `__setattr__`.
pub fn generic_setattr(o: Value, name: Value, v: Value) -> R<()> {
    let Some(n) = str_opt(name) else {
        return type_error(format!(
            "attribute name must be string, not '{}'",
            crate::class::type_name(name)
        ));
    };
    if is_kind(o, Kind::Instance) {
        return instance_setattr(o, n, name, v);
    }
    setattr_other(o, n, name, v)
}

/// `__set__` (`v` is `Some`) or `__delete__` of data descriptor `d` found on the class of
/// instance `o` under `n`.
pub fn descriptor_set(d: Value, o: Value, n: &str, v: Option<Value>) -> R<()> {
    if is_kind(d, Kind::Instance) {
        let r = match v {
            Some(v) => call_dunder(d, "__set__", &[o, v])?,
            None => call_dunder(d, "__delete__", &[o])?,
        };
        return match r {
            Some(_) => Ok(()),
            None => raise(
                ExcKind::AttributeError,
                if v.is_some() { "__set__" } else { "__delete__" },
            ),
        };
    }
    let w = wrapper_data(d);
    if matches!(w.kind, WrapperKind::Member | WrapperKind::GetSet) && !is_kind(o, Kind::Instance) {
        return type_error(format!(
            "descriptor '{n}' for '{}' objects doesn't apply to a '{}' object",
            as_str(w.setter),
            crate::class::type_name(o)
        ));
    }
    if let Some(r) = crate::exc_members::descriptor_set(d, o, v) {
        return r;
    }
    match w.kind {
        WrapperKind::Property => {
            let f = if v.is_some() { w.setter } else { w.deleter };
            if f.is_none() {
                return property_missing(d, o, if v.is_some() { "setter" } else { "deleter" });
            }
            let f = Ref::dup(f);
            match v {
                Some(v) => crate::call::call(f.v(), crate::object::Args::positional(&[o, v]))?,
                None => crate::ops::call1(f.v(), o)?,
            };
            Ok(())
        }
        WrapperKind::GetSet if n == "__dict__" => set_instance_dict(o, v),
        WrapperKind::GetSet => raise(
            ExcKind::AttributeError,
            format!(
                "attribute '{n}' of '{}' objects is not writable",
                crate::class::type_name(o)
            ),
        ),
        WrapperKind::Member => match crate::class::slot_ptr(o, n) {
            Some(p) => {
                // SAFETY: a live slot of `o`; the old value is released after the store.
                let old = unsafe { p.replace(v.map(incref).unwrap_or(Value::UNBOUND)) };
                if old != Value::UNBOUND {
                    crate::object::decref(old);
                } else if v.is_none() {
                    // CPython's message for deleting an unset member.
                    return raise(ExcKind::AttributeError, n.to_string());
                }
                Ok(())
            }
            None => type_error(format!(
                "descriptor '{n}' for '{}' objects doesn't apply to a '{}' object",
                as_str(w.setter),
                crate::class::type_name(o)
            )),
        },
        WrapperKind::StaticMethod | WrapperKind::ClassMethod => attribute_error(o, n),
    }
}

/// `o.__dict__ = v` (`None`: `del o.__dict__`) for an instance.
fn set_instance_dict(o: Value, v: Option<Value>) -> R<()> {
    let Some(v) = v else {
        return raise(
            ExcKind::NotImplementedError,
            "molt: deleting an instance's __dict__ is not supported yet",
        );
    };
    if !crate::dict::is_dict(v) {
        return type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            crate::class::type_name(v)
        ));
    }
    crate::class::deslot(o);
    let inst = instance_data(o);
    let old = inst.dict.replace(incref(v));
    crate::object::decref(old);
    Ok(())
}

fn instance_setattr(o: Value, n: &str, name: Value, v: Value) -> R<()> {
    let inst = instance_data(o);
    let cls = inst.class;
    let hash = crate::hash::hash_str(name);
    let descr = crate::class::lookup_hashed(cls, n, hash).map(Ref::dup);
    if let Some(d) = &descr {
        if is_data_descriptor(d.v()) {
            return descriptor_set(d.v(), o, n, Some(v));
        }
    } else {
        match n {
            "__dict__" if !crate::class::has_no_dict(cls) && cls != rt().t.object => {
                return set_instance_dict(o, Some(v));
            }
            "__class__" => {
                if cls == rt().t.object
                    && let Some(r) = builtin_readonly(o, n, Some(v))
                {
                    return r;
                }
                return raise(
                    ExcKind::NotImplementedError,
                    "molt: assigning __class__ is not supported yet",
                );
            }
            _ => {}
        }
    }
    if let (Some(state), None) = (&inst.exc, &descr) {
        let slot = match n {
            "message" | "exceptions" if crate::exc_group::is_group(o) => {
                return raise(ExcKind::AttributeError, "readonly attribute");
            }
            "args" => {
                let t = if crate::tuple::is_tuple(v) {
                    Ref::dup(v)
                } else {
                    crate::tuple::tuple_from_vec(crate::iter::collect_vec(v)?.into_vec())
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
            "__traceback__" => {
                if v.is_none() {
                    return Ok(());
                }
                return raise(
                    ExcKind::NotImplementedError,
                    "molt: traceback objects are not supported yet",
                );
            }
            _ => return store_in_dict(o, inst, n, name, v),
        };
        if !v.is_none() && !crate::exceptions::is_exception(v) {
            return type_error(format!(
                "exception {} must be None or derive from BaseException",
                if n == "__cause__" { "cause" } else { "context" }
            ));
        }
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
    if let Some(p) = crate::class::slot_ptr(o, n) {
        // SAFETY: `p` points into the instance's slots.
        let index = unsafe { p.offset_from(inst.slots) } as usize;
        // SAFETY: a live slot of `o`.
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
    } else if crate::class::has_no_dict(cls) || cls == rt().t.object {
        // (Instances of `object` itself have no `__dict__` either.)
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
    // Names are interned: the entry is found by identity (no Python code runs).
    dict_data(inst.dict()).set_name(name, crate::hash::hash_str(name), v);
    Ok(())
}

fn setattr_other(o: Value, n: &str, name: Value, v: Value) -> R<()> {
    if is_class(o) {
        crate::class::check_mutable_class(o, n)?;
        if matches!(
            n,
            "__name__" | "__qualname__" | "__bases__" | "__mro__" | "__class__"
        ) {
            return raise(
                ExcKind::NotImplementedError,
                format!("molt: assigning the attribute '{n}' of a class is not supported yet"),
            );
        }
        let reshape_all = crate::class::before_protocol_change(o, n, Some(v))?;
        if n == "__new__" {
            crate::class::mark_new_slot(o);
        }
        let d = dict_data(class_data(o).dict);
        let reshape = crate::class::attr_change_needs_reshape(n, d.get_str(n), Some(v));
        let r = d.set(name, v);
        if reshape_all {
            crate::class::reshape_all();
        }
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
    if is_kind(o, Kind::Function) {
        return function_setattr(o, n, name, Some(v));
    }
    if is_kind(o, Kind::Generator) {
        if let Some(r) = crate::generator::gen_setattr(o, n, Some(v)) {
            return r;
        }
    }
    if crate::memoryview::is_memoryview(o) && crate::memoryview::is_data_attr(n) {
        return crate::memoryview::not_writable(n);
    }
    if let Some(r) = builtin_readonly(o, n, Some(v)) {
        return r;
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

/// CPython's read-only data descriptors of the builtin types whose values the runtime keeps
/// out of the class namespace: `(owner type, attribute, is a member)`. Assigning or
/// deleting one is "readonly attribute" for a member and "attribute 'x' of 'T' objects is
/// not writable" for a getset (named after the type that defines it: `True.real` is an
/// `int`'s).
const READONLY_DATA: &[(&str, &str, bool)] = &[
    ("int", "real", false),
    ("int", "imag", false),
    ("int", "numerator", false),
    ("int", "denominator", false),
    ("float", "real", false),
    ("float", "imag", false),
    ("complex", "real", true),
    ("complex", "imag", true),
    ("range", "start", true),
    ("range", "stop", true),
    ("range", "step", true),
    ("slice", "start", true),
    ("slice", "stop", true),
    ("slice", "step", true),
    ("builtin_function_or_method", "__name__", false),
    ("builtin_function_or_method", "__qualname__", false),
    ("builtin_function_or_method", "__doc__", false),
    ("builtin_function_or_method", "__self__", false),
    ("builtin_function_or_method", "__text_signature__", false),
];

/// The error of assigning (`v` is `Some`) or deleting attribute `n` of `o`, an object of a
/// builtin type without a `__dict__`, when `n` is one of its read-only data attributes
/// ([`READONLY_DATA`]) or `__class__`; `None` otherwise.
fn builtin_readonly(o: Value, n: &str, v: Option<Value>) -> Option<R<()>> {
    if n == "__class__" {
        return Some(match v {
            None => type_error("can't delete __class__ attribute"),
            Some(c) if !is_class(c) => type_error(format!(
                "__class__ must be set to a class, not '{}' object",
                crate::class::type_name(c)
            )),
            Some(_) => type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ),
        });
    }
    let cls = type_of(o);
    let mro = std::iter::once(cls).chain(crate::class::class_data(cls).mro.iter().copied());
    for c in mro {
        let owner = crate::class::class_name(c);
        if let Some((_, _, member)) = READONLY_DATA
            .iter()
            .find(|(t, a, _)| *t == owner && *a == n)
        {
            return Some(if *member {
                raise(ExcKind::AttributeError, "readonly attribute")
            } else {
                raise(
                    ExcKind::AttributeError,
                    format!("attribute '{n}' of '{owner}' objects is not writable"),
                )
            });
        }
    }
    None
}

/// `delattr(o, name)`.
pub fn delattr(o: Value, name: Value) -> R<()> {
    if str_opt(name).is_none() {
        return type_error(format!(
            "attribute name must be string, not '{}'",
            crate::class::type_name(name)
        ));
    }
    if is_kind(o, Kind::Instance) {
        let cls = instance_data(o).class;
        if let Some(f) = user_hook(cls, "__delattr__") {
            let f = Ref::dup(f);
            crate::call::call_found(f.v(), o, cls, crate::object::Args::positional(&[name]))?;
            return Ok(());
        }
    }
    if let Some(meta) = crate::class::user_meta(o) {
        if let Some(f) = user_hook(meta, "__delattr__") {
            let f = Ref::dup(f);
            crate::call::call_found(f.v(), o, meta, crate::object::Args::positional(&[name]))?;
            return Ok(());
        }
    }
    generic_delattr(o, name)
}

/// `object.__delattr__(o, name)`: without user `__delattr__`.
pub fn generic_delattr(o: Value, name: Value) -> R<()> {
    let Some(n) = str_opt(name) else {
        return type_error(format!(
            "attribute name must be string, not '{}'",
            crate::class::type_name(name)
        ));
    };
    let dict = if is_kind(o, Kind::Instance) {
        let inst = instance_data(o);
        if let Some(d) = lookup(inst.class, n).map(Ref::dup) {
            if is_data_descriptor(d.v()) {
                return descriptor_set(d.v(), o, n, None);
            }
        }
        if matches!(n, "message" | "exceptions") && crate::exc_group::is_group(o) {
            return raise(ExcKind::AttributeError, "readonly attribute");
        }
        if crate::class::slot_ptr(o, n).is_some() {
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
        let reshape_all = crate::class::before_protocol_change(o, n, None)?;
        let d = dict_data(class_data(o).dict);
        let reshape = crate::class::attr_change_needs_reshape(n, d.get_str(n), None);
        let r = d.remove(name);
        if reshape_all {
            crate::class::reshape_all();
        }
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
    } else if is_kind(o, Kind::Function) {
        return function_setattr(o, n, name, None);
    } else {
        if is_kind(o, Kind::Generator) {
            if let Some(r) = crate::generator::gen_setattr(o, n, None) {
                return r;
            }
        }
        if crate::memoryview::is_memoryview(o) && crate::memoryview::is_data_attr(n) {
            return crate::memoryview::not_writable(n);
        }
        if let Some(r) = builtin_readonly(o, n, None) {
            return r;
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
