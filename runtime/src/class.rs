//! Classes: builtin class objects, user classes (`molt_make_class`), the MRO, instances with
//! attribute dicts, special-method lookup and calls (`__init__`, `__eq__`, `__hash__`, ...),
//! `isinstance`/`issubclass`, `super`, `property`, `staticmethod` and `classmethod`.

use crate::dict::{dict_data, dict_new, dict_set_str};
use crate::exceptions::{ExcKind, R, raise, type_error};
use crate::object::{
    Args, BuiltinData, BuiltinFn, ClassData, ExcState, InstanceData, Kind, Layout, Ref, RefVec,
    SHAPE_NONE, WrapperData, WrapperKind, alloc, alloc_ref, immortalize, incref, is_kind, kind,
    payload,
};
use crate::state::{Runtime, rt};
use crate::str::{as_str, str_from, str_from_string};
use crate::tuple::tuple_items;
use crate::value::Value;

/// The payload of a class value (the caller checked the kind).
#[inline]
pub fn class_data<'a>(cls: Value) -> &'a ClassData {
    debug_assert!(is_kind(cls, Kind::Class));
    // SAFETY: `cls` is a live class.
    unsafe { payload::<ClassData>(cls) }
}

/// Whether `v` is a class.
#[inline]
pub fn is_class(v: Value) -> bool {
    is_kind(v, Kind::Class)
}

/// Whether `v` is an instance of a user or exception class.
#[inline]
pub fn is_instance(v: Value) -> bool {
    is_kind(v, Kind::Instance)
}

/// The payload of an instance (the caller checked the kind).
#[inline]
pub fn instance_data<'a>(v: Value) -> &'a InstanceData {
    debug_assert!(is_instance(v));
    // SAFETY: `v` is a live instance.
    unsafe { payload::<InstanceData>(v) }
}

/// Class flag: instances have no `__dict__` (the class and all its bases up to `object`
/// declare `__slots__` without `"__dict__"`): only member slots can be set.
pub const FLAG_NO_DICT: u32 = 16;

/// Whether instances of `cls` have no `__dict__` ([`FLAG_NO_DICT`]).
#[inline]
pub fn has_no_dict(cls: Value) -> bool {
    crate::object::flags(cls) & FLAG_NO_DICT != 0
}

/// The name of the hidden member slot holding the builtin value of an instance of a
/// [`Layout::Value`] class (no program can spell it as an attribute).
pub const VALUE_SLOT: &str = "\u{0}value";

/// Whether `cls` is one of the builtin types whose user subclasses have [`Layout::Value`]
/// instances: `int`, `float`, `str`, `tuple`, `list`, `dict`, `set`, `frozenset`, and the
/// native `itertools` classes (`class P(itertools.permutations)`: the instance carries the
/// native iterator, which its `__next__` advances).
pub fn is_value_type(cls: Value) -> bool {
    value_types().contains(&cls)
}

/// The builtin types whose user subclasses have [`Layout::Value`] instances.
fn value_types() -> [Value; 15] {
    let r = rt();
    let t = &r.t;
    let native = |i: usize| r.iter_types[crate::itertools::NATIVE_CLASSES[i].0 as usize];
    [
        t.int,
        t.float,
        t.complex,
        t.str,
        t.tuple,
        t.list,
        t.dict,
        t.set,
        t.frozenset,
        native(0),
        native(1),
        native(2),
        native(3),
        native(4),
        native(5),
    ]
}

/// The builtin value type a [`Layout::Value`] class derives from (`int` for
/// `class I(int)` and its subclasses).
pub fn value_type(cls: Value) -> Value {
    if is_value_type(cls) {
        return cls;
    }
    class_data(cls)
        .mro
        .iter()
        .copied()
        .find(|c| is_value_type(*c))
        .unwrap_or(rt().t.object)
}

/// The builtin value that instance `v` of a subclass of a builtin value type carries
/// (borrowed; an exact `int`, `str`, `tuple`, ...), or `None` for any other value.
#[inline]
pub fn builtin_value(v: Value) -> Option<Value> {
    if !is_instance(v) {
        return None;
    }
    let inst = instance_data(v);
    let cd = class_data(inst.class);
    if cd.layout != Layout::Value || inst.slots.is_null() {
        return None;
    }
    // SAFETY: a Value-layout class has the value slot as its first member slot, so
    // `slots` has at least `first_member + 1` entries.
    let b = unsafe { *inst.slots.add(first_member(cd)) };
    (b != Value::UNBOUND).then_some(b)
}

/// `v` itself, or the builtin value it carries when it is an instance of a subclass of a
/// builtin value type (borrowed): what the builtin operations of that type operate on.
#[inline]
pub fn unwrap_value(v: Value) -> Value {
    builtin_value(v).unwrap_or(v)
}

/// `r`, the result of a builtin operation on the value `carried` by an instance of a
/// subclass of a builtin type; when it is `carried` itself (`S("a") + ""`, `T(t)[:]`,
/// `S(" a").strip()` with nothing to strip) and the type is immutable, a new exact copy of
/// it instead, as CPython's operations return for a subclass instance (where for an exact
/// value they return the object itself): the value a subclass instance carries is never
/// seen on its own.
pub fn fresh_if_carried(r: Ref, carried: Value) -> Ref {
    if r.v() != carried || !carried.is_ptr() {
        return r;
    }
    match crate::object::kind(carried) {
        Kind::Str => crate::str::str_copy(carried),
        Kind::Tuple => crate::tuple::tuple_from_slice(crate::tuple::tuple_items(carried)),
        Kind::BigInt => match crate::int::int_view(carried) {
            Some(crate::int::IntV::Big(b)) => crate::int::int_from_big(b.clone()),
            _ => r,
        },
        Kind::Set if crate::set::is_frozen(carried) => {
            match crate::set::set_from_iterable(carried) {
                Ok(s) => crate::set::freeze(s),
                Err(_) => r,
            }
        }
        _ => r,
    }
}

/// A new instance of the [`Layout::Value`] class `cls` carrying `value` (stolen: an exact
/// value of the class's builtin type), without `__init__`.
pub fn new_value_instance(cls: Value, value: Ref) -> Ref {
    let inst = new_instance_raw(cls, None);
    let data = instance_data(inst.v());
    let cd = class_data(cls);
    // SAFETY: as in `builtin_value`: the first member slot is the value slot.
    unsafe { *data.slots.add(first_member(cd)) = value.into_raw() };
    inst
}

/// Index of the first member slot of `cls` (slots before it hold dict attributes).
#[inline]
fn first_member(cd: &ClassData) -> usize {
    cd.slots.len() - cd.members
}

/// The slot holding attribute `name` of instance `o`, if its class keeps `name` in a slot
/// and the instance still uses that slot (see [`crate::object::FLAG_DESLOTTED`]: member
/// slots are always used).
pub fn slot_ptr(o: Value, name: &str) -> Option<*mut Value> {
    let inst = instance_data(o);
    if inst.slots.is_null() {
        return None;
    }
    let cd = class_data(inst.class);
    let i = cd.slots.iter().position(|s| as_str(*s) == name)?;
    if i < first_member(cd) && crate::object::flags(o) & crate::object::FLAG_DESLOTTED != 0 {
        return None;
    }
    // SAFETY: `slots` has one entry per class slot name and lives as long as `o`.
    Some(unsafe { inst.slots.add(i) })
}

/// Whether `name` is a member slot (declared in `__slots__`) of instance `o`'s class.
pub fn is_member_slot(o: Value, name: &str) -> bool {
    let cd = class_data(instance_data(o).class);
    cd.slots[first_member(cd)..]
        .iter()
        .any(|s| as_str(*s) == name)
}

/// Whether storing into the unbound slot `i` of instance `o` keeps the attribute order
/// the slots imply. Dict attributes kept in slots are in `__dict__` order only while the
/// bound ones are a prefix of the class's (non-member) slots and the instance dict is
/// empty: then binding the first unbound slot keeps that true (generated code checks the
/// same: the previous slot is bound and the instance has no flags). Member slots and
/// instances without `__dict__` have no order to keep.
pub fn slot_bind_keeps_order(o: Value, i: usize) -> bool {
    let inst = instance_data(o);
    let cd = class_data(inst.class);
    if i >= first_member(cd) || has_no_dict(inst.class) {
        return true;
    }
    if inst.dict_opt().is_some_and(|d| !dict_data(d).is_empty()) {
        return false;
    }
    // SAFETY: indices below the slot count.
    let bound = |j: usize| (unsafe { *inst.slots.add(j) }) != Value::UNBOUND;
    (0..i).all(bound) && !(i + 1..first_member(cd)).any(bound)
}

/// Moves the values of the non-member slots of instance `o` into its dict for good (before
/// the dict is exposed through `__dict__`, or when an attribute order cannot be kept in
/// slots), ahead of the attributes already in the dict (which were all set after them).
pub fn deslot(o: Value) {
    let inst = instance_data(o);
    if !inst.slots.is_null() && crate::object::flags(o) & crate::object::FLAG_DESLOTTED == 0 {
        let cd = class_data(inst.class);
        let names = &cd.slots[..first_member(cd)];
        let d = dict_data(inst.dict());
        let later: Vec<(Ref, Ref)> = d
            .items()
            .into_iter()
            .map(|(k, v)| (Ref::dup(k), Ref::dup(v)))
            .collect();
        let moved = names.iter().enumerate().any(|(i, _)| {
            // SAFETY: one entry per class slot name, owned by `o`.
            (unsafe { *inst.slots.add(i) }) != Value::UNBOUND
        });
        if moved && !later.is_empty() {
            d.clear();
        }
        for (i, name) in names.iter().enumerate() {
            // SAFETY: one entry per class slot name, owned by `o`.
            let p = unsafe { inst.slots.add(i) };
            let v = unsafe { p.replace(Value::UNBOUND) };
            if v != Value::UNBOUND {
                d.set_name(*name, crate::hash::hash_str(*name), v);
                crate::object::decref(v);
            }
        }
        if moved {
            for (k, v) in later {
                // Attribute names are strs: no Python code runs.
                let _ = d.set(k.v(), v.v());
            }
        }
    }
    crate::object::set_flags(
        o,
        crate::object::FLAG_DESLOTTED | crate::object::FLAG_DICT_USED,
    );
}

/// Creates an immortal builtin class (used while the runtime starts).
pub fn new_builtin_class(
    name: &str,
    base: Value,
    layout: Layout,
    ctor: Option<BuiltinFn>,
) -> Value {
    let mut mro = Vec::new();
    if !base.is_none() {
        mro.push(base);
        mro.extend(class_data(base).mro.iter().copied());
    }
    let data = ClassData {
        has_del: std::cell::Cell::new(0),
        plain_exc: std::cell::Cell::new(0),
        without_del: std::cell::Cell::new(0),
        new_slot: std::cell::Cell::new(false),
        shape: std::cell::Cell::new(crate::object::SHAPE_NONE),
        slots: Box::new([]),
        name: immortalize(str_from_string(name.to_string()).into_raw()),
        meta: Value::NONE,
        base,
        bases: Box::new([]),
        mro: mro.into_boxed_slice(),
        dict: immortalize(dict_new().into_raw()),
        layout,
        ctor,
        members: 0,
        qualname: Value::NONE,
    };
    let cls = immortalize(alloc(Kind::Class, data));
    crate::object::set_flags(cls, crate::object::FLAG_IMMUTABLE_TYPE);
    cls
}

/// A builtin class of several bases (`ExceptionGroup`): `bases[0]` is its `__base__`,
/// `mro` its MRO without itself (computed by the caller).
pub fn new_builtin_class_with_bases(
    name: &str,
    bases: &[Value],
    mro: Vec<Value>,
    layout: Layout,
) -> Value {
    let cls = new_builtin_class(name, bases[0], layout, None);
    // SAFETY: the class was just made and nothing else refers to it yet.
    let data = unsafe { crate::object::payload_mut::<ClassData>(cls) };
    data.bases = bases.iter().map(|b| incref(*b)).collect();
    data.mro = mro.into_boxed_slice();
    cls
}

/// `TypeError` when `cls` is a builtin class, whose attributes cannot be set or deleted.
pub fn check_mutable_class(cls: Value, attr: &str) -> R<()> {
    if crate::object::flags(cls) & crate::object::FLAG_IMMUTABLE_TYPE != 0 {
        let name = if crate::structseq::is_struct_sequence(cls) {
            crate::structseq::type_name_of_class(cls)
        } else {
            as_str(class_data(cls).name).to_string()
        };
        return crate::exceptions::type_error(format!(
            "cannot set '{attr}' attribute of immutable type '{name}'"
        ));
    }
    Ok(())
}

/// The class of `v` (borrowed).
pub fn type_of(v: Value) -> Value {
    let t = &rt().t;
    if v.is_float() {
        return t.float;
    }
    match v.tag() {
        crate::value::TAG_INT => t.int,
        crate::value::TAG_BOOL => t.bool,
        crate::value::TAG_NONE => t.none,
        crate::value::TAG_PTR => match kind(v) {
            Kind::BigInt => t.int,
            Kind::Str => t.str,
            Kind::List => t.list,
            Kind::Tuple => t.tuple,
            Kind::Dict => t.dict,
            Kind::Set if crate::set::is_frozen(v) => t.frozenset,
            Kind::Set => t.set,
            Kind::Range => t.range,
            Kind::Complex => t.complex,
            Kind::MemoryView => t.memoryview,
            Kind::Iter => crate::iter::iter_class(v),
            Kind::Slice => t.slice,
            Kind::Function => t.function,
            Kind::Builtin => {
                use crate::object::BuiltinFlavor as F;
                // SAFETY: kind checked.
                match unsafe { payload::<BuiltinData>(v) }.flavor() {
                    F::Descriptor { slot: false } => t.method_descriptor,
                    F::Descriptor { slot: true } => t.wrapper_descriptor,
                    F::Bound { slot: true } => t.method_wrapper,
                    F::Function | F::Bound { slot: false } | F::Static | F::Class => t.builtin,
                }
            }
            Kind::BoundMethod => t.method,
            Kind::Class => match class_data(v).meta {
                m if m.is_none() => t.type_,
                m => m,
            },
            Kind::Instance => instance_data(v).class,
            Kind::Module => t.module,
            Kind::Cell => t.cell,
            Kind::DictView => match crate::dict::view_data(v).part {
                crate::object::DictPart::Keys => t.dict_keys,
                crate::object::DictPart::Values => t.dict_values,
                crate::object::DictPart::Items => t.dict_items,
            },
            Kind::Super => t.super_,
            Kind::Wrapper => {
                // SAFETY: kind checked.
                match unsafe { payload::<WrapperData>(v) }.kind {
                    WrapperKind::StaticMethod => t.staticmethod,
                    WrapperKind::ClassMethod => t.classmethod,
                    WrapperKind::Property => t.property,
                    WrapperKind::Member => t.member_descriptor,
                    WrapperKind::GetSet => t.getset_descriptor,
                }
            }
            Kind::File => t.file,
            Kind::Ellipsis => t.ellipsis,
            Kind::NotImplemented => t.not_implemented,
            Kind::Generator => t.generator,
            Kind::Bytes => t.bytes,
            Kind::ByteArray => t.bytearray,
        },
        _ => t.none,
    }
}

/// `cls.__name__` (the caller checked that `cls` is a class).
pub fn class_name(cls: Value) -> String {
    as_str(class_data(cls).name).to_string()
}

/// `cls.__qualname__`: `f.<locals>.C` for a class defined in function `f`, `Outer.Inner`
/// for one defined in a class body, `__name__` otherwise.
pub fn class_qualname(cls: Value) -> String {
    let cd = class_data(cls);
    let q = if cd.qualname.is_none() {
        cd.name
    } else {
        cd.qualname
    };
    as_str(q).to_string()
}

/// The type of `v` as CPython's argument parsing names it in "argument ... must be X, not
/// Y" errors: `None` for `None` (`_PyArg_BadArgument` and `getargs.c` special-case it), else
/// [`type_name`].
pub fn arg_type_name(v: Value) -> String {
    if v.is_none() {
        "None".to_string()
    } else {
        type_name(v)
    }
}

/// `type(v).__name__`.
pub fn type_name(v: Value) -> String {
    let cls = type_of(v);
    // CPython's `tp_name` of these two carries their module.
    if cls == rt().t.generic_alias || cls == rt().t.union_type {
        return format!("types.{}", class_name(cls));
    }
    if crate::bytes::is_array_class(cls) {
        return "array.array".to_string();
    }
    if cls == rt().t.file {
        return "_io.TextIOWrapper".to_string();
    }
    if crate::structseq::is_struct_sequence(cls) {
        return crate::structseq::type_name_of_class(cls);
    }
    class_name(cls)
}

/// `cls.__module__` if it is a str (user classes: `__main__` unless set).
pub fn class_module(cls: Value) -> Option<String> {
    let m = dict_data(class_data(cls).dict).get_str("__module__")?;
    crate::str::str_opt(m).map(str::to_string)
}

/// Whether class `a` is `b` or a subclass of it.
pub fn is_subclass(a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    if !is_class(a) {
        return false;
    }
    class_data(a).mro.contains(&b)
}

/// `isinstance(v, cls)` for one class.
#[inline]
pub fn isinstance_class(v: Value, cls: Value) -> bool {
    let t = type_of(v);
    t == cls || is_subclass(t, cls)
}

// --- The method cache ----------------------------------------------------------------------
//
// `lookup` results (hits and misses) by (class, name of at most 16 bytes), valid for one
// *class epoch*: the epoch
// changes whenever a class namespace may have changed or a class identity may be reused
// (attribute assignment or deletion on a class, a new class, a freed class, the end of
// start-up), which empties the cache at once. Class namespaces are not reachable otherwise
// (`C.__dict__` is a read-only mappingproxy), so a hit is always what walking the MRO
// would find.

const CACHE_SIZE: usize = 512;

/// A name of at most 16 bytes as an exact key: its length and two (overlapping) words.
#[derive(Clone, Copy, PartialEq, Eq)]
struct NameKey {
    len: u64,
    a: u64,
    b: u64,
}

#[inline]
fn name_key(name: &str) -> Option<NameKey> {
    let b = name.as_bytes();
    let n = b.len();
    let word = |i: usize, w: usize| -> u64 {
        let mut x = 0u64;
        for (k, byte) in b[i..i + w].iter().enumerate() {
            x |= (*byte as u64) << (8 * k);
        }
        x
    };
    let (a, c) = match n {
        0 => (0, 0),
        1..=3 => (
            b[0] as u64 | (b[n / 2] as u64) << 8 | (b[n - 1] as u64) << 16,
            0,
        ),
        4..=7 => (word(0, 4), word(n - 4, 4)),
        8..=16 => (
            u64::from_le_bytes(b[..8].try_into().unwrap_or([0; 8])),
            u64::from_le_bytes(b[n - 8..].try_into().unwrap_or([0; 8])),
        ),
        _ => return None,
    };
    Some(NameKey {
        len: n as u64,
        a,
        b: c,
    })
}

#[derive(Clone, Copy)]
struct CacheEntry {
    epoch: u64,
    cls: Value,
    key: NameKey,
    /// The result (`Value::UNBOUND` for "not found").
    result: Value,
}

thread_local! {
    static METHOD_CACHE: std::cell::UnsafeCell<[CacheEntry; CACHE_SIZE]> = const {
        std::cell::UnsafeCell::new(
            [CacheEntry {
                epoch: 0,
                cls: Value::NONE,
                key: NameKey { len: 0, a: 0, b: 0 },
                result: Value::NONE,
            }; CACHE_SIZE],
        )
    };
    static CLASS_EPOCH: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

/// The current class epoch: it changes whenever a class namespace changes or a class is made
/// or freed (what [`lookup`] found may have changed).
#[inline]
pub fn class_epoch() -> u64 {
    CLASS_EPOCH.with(|e| e.get())
}

/// Invalidates the method cache: a class namespace changed or a class was made or freed.
pub fn class_changed() {
    CLASS_EPOCH.with(|e| e.set(e.get() + 1));
}

#[inline]
fn cache_slot(cls: Value, k: NameKey) -> usize {
    let x = k.a ^ k.b.rotate_left(29) ^ k.len ^ (cls.0 >> 4);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize & (CACHE_SIZE - 1)
}

#[inline]
fn cache_get(cls: Value, k: NameKey) -> Option<Option<Value>> {
    let slot = cache_slot(cls, k);
    let epoch = CLASS_EPOCH.with(|e| e.get());
    let cache = METHOD_CACHE.with(|c| c.get());
    // SAFETY: thread-local; the borrow ends in this function.
    let e = unsafe { &(*cache)[slot] };
    if e.epoch == epoch && e.cls == cls && e.key == k {
        Some(if e.result == Value::UNBOUND {
            None
        } else {
            Some(e.result)
        })
    } else {
        None
    }
}

fn cache_put(cls: Value, k: NameKey, result: Option<Value>) {
    let slot = cache_slot(cls, k);
    let epoch = CLASS_EPOCH.with(|e| e.get());
    METHOD_CACHE.with(|c| {
        // SAFETY: thread-local; the borrow ends with this closure.
        let e = unsafe { &mut (*c.get())[slot] };
        *e = CacheEntry {
            epoch,
            cls,
            key: k,
            result: result.unwrap_or(Value::UNBOUND),
        };
    });
}

/// Looks `name` up in `cls` and its MRO (borrowed result).
#[inline]
pub fn lookup(cls: Value, name: &str) -> Option<Value> {
    if let Some(k) = name_key(name) {
        if let Some(r) = cache_get(cls, k) {
            return r;
        }
    }
    lookup_miss(cls, name, crate::hash::hash_text(name))
}

#[inline(never)]
fn lookup_miss(cls: Value, name: &str, hash: i64) -> Option<Value> {
    let r = lookup_uncached(cls, name, hash);
    if let Some(k) = name_key(name) {
        cache_put(cls, k, r);
    }
    r
}

/// [`lookup`] with the name's str hash already known.
#[inline]
pub fn lookup_hashed(cls: Value, name: &str, hash: i64) -> Option<Value> {
    if let Some(k) = name_key(name) {
        if let Some(r) = cache_get(cls, k) {
            return r;
        }
    }
    lookup_miss(cls, name, hash)
}

fn lookup_uncached(cls: Value, name: &str, hash: i64) -> Option<Value> {
    if let Some(v) = dict_data(class_data(cls).dict).get_str_hashed(name, hash) {
        return Some(v);
    }
    for c in class_data(cls).mro.iter() {
        if let Some(v) = dict_data(class_data(*c).dict).get_str_hashed(name, hash) {
            return Some(v);
        }
    }
    None
}

/// Looks a special method up on a class (same as [`lookup`]; named for intent).
#[inline]
pub fn lookup_dunder(cls: Value, name: &str) -> Option<Value> {
    lookup(cls, name)
}

/// Whether `type(v)` has special method `name` (not counting `None` entries).
pub fn has_dunder(v: Value, name: &str) -> bool {
    lookup(type_of(v), name).is_some_and(|f| !f.is_none())
}

/// Calls special method `name` of `obj` (looked up on its type, bound to `obj`) with `args`;
/// `Ok(None)` when the type does not define it.
pub fn call_dunder(obj: Value, name: &str, args: &[Value]) -> R<Option<Ref>> {
    let cls = type_of(obj);
    let Some(f) = lookup(cls, name) else {
        return Ok(None);
    };
    if f.is_none() {
        return Ok(None);
    }
    let f = Ref::dup(f);
    crate::call::call_found(f.v(), obj, cls, Args::positional(args)).map(Some)
}

/// A new instance of `cls` (an Object- or Exception-layout class), without `__init__`.
#[inline]
pub fn new_instance_raw(cls: Value, exc: Option<Box<ExcState>>) -> Ref {
    let n = class_data(cls).slots.len();
    let inst = crate::object::alloc_instance(n, |slots| InstanceData {
        class: incref(cls),
        slots,
        #[cfg(target_pointer_width = "32")]
        slots_high: 0,
        dict: std::cell::Cell::new(crate::finalize::stamp_value()),
        exc,
    });
    crate::finalize::on_new_instance(cls, inst.v());
    inst
}

/// Calls class `cls` as `cls(*args)` does: the `__call__` of its metaclass when a Python
/// metaclass defines one, else [`call_class`] (`type.__call__`).
pub fn call_class_object(cls: Value, args: Args<'_>) -> R<Ref> {
    // `raise ValueError("...")`: a class of metaclass `type` whose instances
    // `BaseException.__new__` completes (see [`plain_exception_class`]).
    if class_data(cls).meta.is_none() && args.kwnames.is_empty() && plain_exception_class(cls) {
        return Ok(new_plain_exception(cls, args.pos));
    }
    if let Some(f) = meta_hook(cls, "__call__") {
        let f = Ref::dup(f);
        return crate::call::call_found(f.v(), cls, type_of(cls), args);
    }
    call_class(cls, args)
}

/// Calls `new`, the `__new__` found on class `cls`, with `args` (`cls` first), as
/// `cls.__new__(*args)` reads it: a plain function stays unbound (a `def __new__` of a class
/// body is made a staticmethod; one assigned to the class later is the bare function,
/// called unbound all the same), a staticmethod gives its function, a classmethod binds
/// the class.
fn call_new(new: Value, cls: Value, args: Args<'_>) -> R<Ref> {
    if is_kind(new, Kind::Function) {
        return crate::call::call(new, args);
    }
    crate::call::call_found(new, cls, cls, args)
}

/// Calls class `cls`: builtin constructors, or a new instance initialized by `__init__`.
pub fn call_class(cls: Value, args: Args<'_>) -> R<Ref> {
    let cd = class_data(cls);
    if let Some(ctor) = cd.ctor {
        return ctor(cls, args);
    }
    if is_metaclass(cls) {
        return metaclass_call(cls, args);
    }
    if cd.layout != Layout::Builtin {
        if let Some(new) = lookup(cls, "__new__").filter(|f| !is_kind(*f, Kind::Builtin)) {
            // A user `__new__`: `__init__` runs only when it returns an instance of `cls`.
            let new = Ref::dup(new);
            let inst = call_new(new.v(), cls, prepend(cls, args).args())?;
            if !isinstance_class(inst.v(), cls) {
                return Ok(inst);
            }
            run_init(inst.v(), args)?;
            return Ok(inst);
        }
        // A `__new__` the class or a base had, deleted since: CPython still calls it
        // through the class's `__new__` slot, which finds `object.__new__` and gives it the
        // arguments.
        if cd.layout == Layout::Object
            && cd.new_slot.get()
            && (!args.pos.is_empty() || !args.kwnames.is_empty())
        {
            return type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            );
        }
    }
    let inst = match cd.layout {
        Layout::Object => new_instance_raw(cls, None),
        Layout::Value => value_new(cls, value_type(cls), args)?,
        Layout::Exception
            if is_subclass(cls, crate::state::exc_class(ExcKind::BaseExceptionGroup)) =>
        {
            crate::exc_group::group_new(cls, args)?
        }
        Layout::Exception if is_subclass(cls, crate::state::exc_class(ExcKind::OSError)) => {
            // `OSError(errno, ...)` makes the subclass of that errno, as in CPython.
            crate::exceptions::os_error_new(cls, args.pos, !args.kwnames.is_empty())?
        }
        Layout::Exception => {
            // `BaseException.__init__` without keywords would set `args` to the tuple
            // `__new__` sets: the instance is complete (`raise ValueError("...")`).
            let inst = new_plain_exception(cls, args.pos);
            if args.kwnames.is_empty() && plain_exception_class(cls) {
                return Ok(inst);
            }
            inst
        }
        Layout::Builtin => {
            let base = cd
                .mro
                .iter()
                .find(|c| class_data(**c).ctor.is_some())
                .copied();
            let name = base.map(class_name).unwrap_or_else(|| class_name(cls));
            if base.is_none() {
                return type_error(format!("cannot create '{}' instances", class_name(cls)));
            }
            return raise(
                ExcKind::NotImplementedError,
                format!("molt: subclasses of the builtin type '{name}' are not supported yet"),
            );
        }
    };
    run_init(inst.v(), args)?;
    Ok(inst)
}

/// A new instance of the [`Layout::Value`] class `cls` whose builtin type is `owner`, as
/// `owner.__new__(cls, *args)` makes it: the value is what `owner(*args)` gives, except for
/// `list`, `dict` and `set`, whose `__new__` ignores the arguments (their `__init__` fills
/// the value).
fn value_new(cls: Value, owner: Value, args: Args<'_>) -> R<Ref> {
    let t = &rt().t;
    let Some(ctor) = class_data(owner).ctor else {
        return type_error(format!("cannot create '{}' instances", class_name(cls)));
    };
    let value = if [t.list, t.dict, t.set].contains(&owner) {
        ctor(owner, Args::positional(&[]))?
    } else {
        ctor(owner, args)?
    };
    Ok(new_value_instance(cls, value))
}

/// `int.__new__(cls, *args)` (and that of `float`, `str`, `tuple`, `list`, `dict`, `set`,
/// `frozenset`; `owner` is the type it is bound to): an exact value when `cls` is the
/// builtin type itself, an instance of the subclass `cls` carrying the value otherwise.
fn value_dunder_new(owner: Value, args: Args<'_>) -> R<Ref> {
    // CPython's `tp_name`: `int`, `itertools.permutations`.
    let oname = match class_module(owner) {
        Some(m) if m != "builtins" => format!("{m}.{}", class_name(owner)),
        _ => class_name(owner),
    };
    let Some((&cls, rest)) = args.pos.split_first() else {
        return type_error(format!("{oname}.__new__(): not enough arguments"));
    };
    if !is_class(cls) {
        return type_error(format!(
            "{oname}.__new__(X): X is not a type object ({})",
            type_name(cls)
        ));
    }
    if !is_subclass(cls, owner) {
        let c = class_name(cls);
        return type_error(format!(
            "{oname}.__new__({c}): {c} is not a subtype of {oname}"
        ));
    }
    let rest = Args {
        pos: rest,
        kwnames: args.kwnames,
        kwvals: args.kwvals,
    };
    let cd = class_data(cls);
    match (cd.layout, cd.ctor) {
        (Layout::Builtin, Some(ctor)) => ctor(cls, rest),
        (Layout::Value, _) => value_new(cls, owner, rest),
        _ => type_error(format!("cannot create '{}' instances", class_name(cls))),
    }
}

/// `list.__init__(self, iterable=(), /)`, `set.__init__` and `dict.__init__(self, ...)`:
/// refill the (unwrapped) receiver as the constructor would (a dict is updated, not
/// cleared, as in CPython).
fn container_init(recv: Value, args: Args<'_>) -> R<Ref> {
    let t = &rt().t;
    let cls = type_of(recv);
    let Some(ctor) = class_data(cls).ctor else {
        return type_error("descriptor '__init__' requires a builtin container");
    };
    let made = ctor(cls, args)?;
    if cls == t.list {
        let new = crate::list::list_vec(made.v()).take();
        let old = crate::list::list_vec(recv).replace(new);
        crate::object::decref_all(&old);
    } else if cls == t.dict {
        crate::dict::dict_update(recv, made.v())?;
    } else {
        let s = crate::set::set_data(recv);
        s.clear();
        s.update(made.v())?;
    }
    Ok(Ref::NONE)
}

/// `M(name, bases, ns, **kw)` for a metaclass `M` (a subclass of `type`): `M.__new__`
/// (`type.__new__` unless a Python class overrides it), then `__init__` of the result's
/// metaclass when the result is an instance of `M`, as `type.__call__` does.
fn metaclass_call(cls: Value, args: Args<'_>) -> R<Ref> {
    let new = lookup(cls, "__new__").map(Ref::dup);
    let made = match new {
        Some(f) if !is_kind(f.v(), Kind::Builtin) => {
            call_new(f.v(), cls, prepend(cls, args).args())?
        }
        _ => type_dunder_new(Value::NONE, prepend(cls, args).args())?,
    };
    if !isinstance_class(made.v(), cls) {
        return Ok(made);
    }
    run_init(made.v(), args)?;
    Ok(made)
}

/// `type.__new__(meta, name, bases, ns, **kw)` (and `type.__new__(type, x)`: `type(x)`).
fn type_dunder_new(_recv: Value, args: Args<'_>) -> R<Ref> {
    let Some((&meta, rest)) = args.pos.split_first() else {
        return type_error("type.__new__(): not enough arguments");
    };
    if !is_class(meta) {
        return type_error(format!(
            "type.__new__(X): X is not a type object ({})",
            type_name(meta)
        ));
    }
    if !is_metaclass(meta) {
        return type_error(format!(
            "type.__new__({}): {} is not a subtype of type",
            class_name(meta),
            class_name(meta)
        ));
    }
    match rest {
        [x] if meta == rt().t.type_ && args.kwnames.is_empty() => Ok(Ref::dup(type_of(*x))),
        [name, bases, ns] => {
            let kw = Args {
                pos: &[],
                kwnames: args.kwnames,
                kwvals: args.kwvals,
            };
            type_new_core(
                meta,
                *name,
                *bases,
                *ns,
                &[],
                crate::modules::caller_module_name(0),
                kw,
            )
        }
        _ => type_error(format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            rest.len()
        )),
    }
}

/// `type.__init__(cls, *args, **kw)`: checks the argument count only.
fn type_dunder_init(_recv: Value, args: Args<'_>) -> R<Ref> {
    if args.pos.len() == 1 && !args.kwnames.is_empty() {
        return type_error("type.__init__() takes no keyword arguments");
    }
    if args.pos.len() != 1 && args.pos.len() != 3 {
        return type_error("type.__init__() takes 1 or 3 arguments");
    }
    Ok(Ref::NONE)
}

/// `type.__call__(cls, *args, **kw)`: what calling a class does without a metaclass
/// `__call__` (`__new__`, then `__init__`).
fn type_dunder_call(recv: Value, args: Args<'_>) -> R<Ref> {
    if !is_class(recv) {
        return type_error(format!(
            "descriptor '__call__' requires a 'type' object but received a '{}'",
            type_name(recv)
        ));
    }
    call_class(recv, args)
}

/// `type.__prepare__(name, bases, **kw)`: a new empty dict.
fn type_dunder_prepare(_recv: Value, _args: Args<'_>) -> R<Ref> {
    Ok(dict_new())
}

/// `type.__instancecheck__(cls, obj)`: whether `obj` is an instance of class `cls` by its
/// type's MRO, without any metaclass hook (what a metaclass's own `__instancecheck__` calls
/// through `super()`).
fn type_instancecheck(recv: Value, args: Args<'_>) -> R<Ref> {
    let [obj] = args.exact("__instancecheck__")?;
    Ok(Ref::new(Value::from_bool(isinstance_class(obj, recv))))
}

/// `type.__subclasscheck__(cls, sub)`: whether class `sub` derives from `cls`, without any
/// metaclass hook; CPython's `TypeError` when `sub` is not a class.
fn type_subclasscheck(recv: Value, args: Args<'_>) -> R<Ref> {
    let [sub] = args.exact("__subclasscheck__")?;
    if !is_class(sub) {
        return type_error("issubclass() arg 1 must be a class");
    }
    Ok(Ref::new(Value::from_bool(is_subclass(sub, recv))))
}

/// The first step of a class statement with bases or keywords (CPython's `__build_class__`
/// up to the body), as the hidden builtin [`CLASS_PREPARE`] called with `(name, bases,
/// **keywords)`: resolves `__mro_entries__`, finds the metaclass (the `metaclass` keyword,
/// else the type of the first base, then the most derived of the bases' metaclasses) and
/// calls its `__prepare__`. Returns the state `(ns, meta, bases, orig_bases, kwargs)` that
/// `make.class` finishes with ([`class_finish`]); `ns` is what the body writes to.
pub fn class_prepare(_recv: Value, args: Args<'_>) -> R<Ref> {
    let [name, orig_bases] = args.pos else {
        return type_error("molt: bad class preparation");
    };
    let (name, orig_bases) = (*name, *orig_bases);
    let resolved = resolve_mro_entries(orig_bases, Value::NONE)?;
    let bases = resolved.as_ref().map_or(orig_bases, Ref::v);
    let bases_items: Vec<Value> = tuple_items(bases).to_vec();
    let kwargs = dict_new();
    let mut meta = None;
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        if crate::str::str_opt(*k) == Some("metaclass") {
            meta = Some(*v);
        } else {
            dict_data(kwargs.v()).set(*k, *v)?;
        }
    }
    let mut meta = match meta {
        Some(m) => m,
        None => bases_items.first().map_or(rt().t.type_, |b| type_of(*b)),
    };
    if is_class(meta) {
        meta = calculate_meta(meta, &bases_items)?;
    }
    let (kwnames, kwvals): (Vec<Value>, Vec<Value>) =
        dict_data(kwargs.v()).items().into_iter().unzip();
    let ns = match crate::attr::getattr_str(meta, "__prepare__") {
        Ok(prepare) => crate::call::call(
            prepare.v(),
            Args {
                pos: &[name, bases],
                kwnames: &kwnames,
                kwvals: &kwvals,
            },
        )?,
        Err(e) => {
            if !crate::exceptions::pending_is(ExcKind::AttributeError) {
                return Err(e);
            }
            drop(crate::exceptions::take_pending());
            dict_new()
        }
    };
    if !crate::dict::is_dict(ns.v()) && !has_dunder(ns.v(), "__getitem__") {
        let who = if is_class(meta) {
            class_name(meta)
        } else {
            "<metaclass>".to_string()
        };
        return type_error(format!(
            "{who}.__prepare__() must return a mapping, not {}",
            type_name(ns.v())
        ));
    }
    Ok(crate::tuple::tuple_from_slice(&[
        ns.v(),
        meta,
        bases,
        orig_bases,
        kwargs.v(),
    ]))
}

/// The name of the hidden builtin [`class_prepare`] (not a Python identifier, so no
/// program can name or shadow it).
pub const CLASS_PREPARE: &str = "<class prepare>";

/// The end of a class statement prepared by [`class_prepare`] (`state`), once its body
/// filled `ns`: records `__orig_bases__`, calls the metaclass with `(name, bases, ns,
/// **kwargs)` (`type`'s own creation directly, keeping the compiler's `slot_names`), and
/// checks that the class received its `__class__` cell, as CPython's `__build_class__`.
pub fn class_finish(
    name: Value,
    state: Value,
    ns: Value,
    slot_names: &[Value],
    module_name: Option<Value>,
) -> R<Ref> {
    let items = tuple_items(state);
    let [_, meta, bases, orig_bases, kwargs] = items else {
        return type_error("molt: bad class state");
    };
    let (meta, bases, orig_bases, kwargs) = (*meta, *bases, *orig_bases, *kwargs);
    if bases != orig_bases {
        let key = crate::str::str_intern("__orig_bases__");
        crate::ops::setitem(ns, key, orig_bases)?;
    }
    let cell = if crate::dict::is_dict(ns) {
        dict_data(ns).get_str("__classcell__").map(Ref::dup)
    } else {
        None
    };
    let (kwnames, kwvals): (Vec<Value>, Vec<Value>) = dict_data(kwargs).items().into_iter().unzip();
    let kw = Args {
        pos: &[],
        kwnames: &kwnames,
        kwvals: &kwvals,
    };
    let cls = if meta == rt().t.type_ {
        type_new_core(meta, name, bases, ns, slot_names, module_name, kw)?
    } else {
        let pos = [name, bases, ns];
        crate::call::call(
            meta,
            Args {
                pos: &pos,
                kwnames: &kwnames,
                kwvals: &kwvals,
            },
        )?
    };
    if let Some(cell) = cell {
        if is_class(cls.v()) && is_kind(cell.v(), Kind::Cell) {
            // SAFETY: kind checked; the value is copied out at once.
            let held = unsafe { *payload::<std::cell::UnsafeCell<Value>>(cell.v()).get() };
            if held != cls.v() {
                let what = crate::ops::repr_string(cls.v())?;
                let msg = if held == Value::UNBOUND {
                    format!(
                        "__class__ not set defining {} as {what}. Was __classcell__ propagated to type.__new__?",
                        crate::ops::repr_string(name)?
                    )
                } else {
                    format!(
                        "__class__ set to {} defining {} as {what}",
                        crate::ops::repr_string(held)?,
                        crate::ops::repr_string(name)?
                    )
                };
                return raise(ExcKind::RuntimeError, msg);
            }
        }
    }
    Ok(cls)
}

/// Whether calling class `cls` (of metaclass `type`) without keywords makes an exception
/// that `BaseException.__new__` completes: an exception class without a Python `__new__`,
/// whose `__init__` is `BaseException.__init__` itself, outside the `OSError` and
/// exception-group families (whose `__new__` does more). Cached on the class for one class
/// epoch (any change to a class namespace ends it).
#[inline]
pub fn plain_exception_class(cls: Value) -> bool {
    let cd = class_data(cls);
    let epoch = class_epoch();
    let cached = cd.plain_exc.get();
    if cached >> 1 == epoch {
        return cached & 1 == 1;
    }
    let plain = plain_exception_uncached(cls);
    cd.plain_exc.set(epoch << 1 | u64::from(plain));
    plain
}

#[inline(never)]
fn plain_exception_uncached(cls: Value) -> bool {
    let cd = class_data(cls);
    cd.ctor.is_none()
        && cd.layout == Layout::Exception
        && !is_metaclass(cls)
        && lookup(cls, "__new__").is_none_or(|f| is_kind(f, Kind::Builtin))
        && !is_subclass(cls, crate::state::exc_class(ExcKind::BaseExceptionGroup))
        && !is_subclass(cls, crate::state::exc_class(ExcKind::OSError))
        && init_is_base_exception_init(cls)
}

/// A new instance of exception class `cls` with `args` = the tuple of `pos` (borrowed), as
/// `BaseException.__new__(cls, *pos)` makes it (`__init__` not run).
fn new_plain_exception(cls: Value, pos: &[Value]) -> Ref {
    let args = crate::tuple::tuple_from_slice(pos).into_raw();
    new_instance_raw(cls, Some(crate::exceptions::exc_state_box(args)))
}

/// Whether `cls`'s `__init__` is `BaseException.__init__` itself (not overridden anywhere
/// in its MRO).
fn init_is_base_exception_init(cls: Value) -> bool {
    lookup(cls, "__init__").is_some_and(|f| {
        is_kind(f, Kind::Builtin)
            // SAFETY: `f` is a live builtin function object (checked above).
            // (A function with the same code merged into this one would behave the same.)
            && std::ptr::fn_addr_eq(
                unsafe { crate::object::payload::<BuiltinData>(f) }.f,
                exc_init as BuiltinFn,
            )
    })
}

/// Calls `__init__` of the class of the new instance `inst` with the arguments of the class
/// call; CPython's `TypeError` when it returns something other than `None`.
fn run_init(inst: Value, args: Args<'_>) -> R<()> {
    let cls = type_of(inst);
    let init = lookup(cls, "__init__").map(Ref::dup);
    if let Some(init) = init {
        let r = crate::call::call_found(init.v(), inst, cls, args)?;
        if !r.v().is_none() {
            return type_error(format!(
                "__init__() should return None, not '{}'",
                type_name(r.v())
            ));
        }
    }
    Ok(())
}

/// Positional arguments with one value in front, owning nothing (the values are borrowed).
struct Prepended<'a> {
    pos: Vec<Value>,
    args: Args<'a>,
}

impl<'a> Prepended<'a> {
    fn args(&self) -> Args<'_> {
        Args {
            pos: &self.pos,
            kwnames: self.args.kwnames,
            kwvals: self.args.kwvals,
        }
    }
}

fn prepend(first: Value, args: Args<'_>) -> Prepended<'_> {
    let mut pos = Vec::with_capacity(args.pos.len() + 1);
    pos.push(first);
    pos.extend_from_slice(args.pos);
    Prepended { pos, args }
}

/// `object.__new__(cls, *args)`: a new, uninitialized instance of user or exception class
/// `cls` (an exception's `args` are the extra arguments, as `BaseException.__new__` does).
fn object_new(_recv: Value, args: Args<'_>) -> R<Ref> {
    let Some((&cls, rest)) = args.pos.split_first() else {
        return type_error("object.__new__(): not enough arguments");
    };
    if !is_class(cls) {
        return type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            type_name(cls)
        ));
    }
    let cd = class_data(cls);
    let excess = !rest.is_empty() || !args.kwnames.is_empty();
    match cd.layout {
        Layout::Object => {
            if excess {
                if cd.new_slot.get()
                    || lookup(cls, "__new__").is_some_and(|f| !is_kind(f, Kind::Builtin))
                {
                    return type_error(
                        "object.__new__() takes exactly one argument (the type to instantiate)",
                    );
                }
                if lookup(cls, "__init__").is_none_or(|f| is_kind(f, Kind::Builtin)) {
                    return type_error(format!("{}() takes no arguments", class_name(cls)));
                }
            }
            Ok(new_instance_raw(cls, None))
        }
        Layout::Exception if is_subclass(cls, crate::state::exc_class(ExcKind::OSError)) => {
            crate::exceptions::os_error_new(cls, rest, !args.kwnames.is_empty())
        }
        Layout::Exception => Ok(crate::exceptions::new_exception_bare(
            cls,
            crate::tuple::tuple_from_slice(rest),
        )),
        Layout::Value => {
            let name = class_name(cls);
            type_error(format!(
                "object.__new__({name}) is not safe, use {}.__new__()",
                class_name(value_type(cls))
            ))
        }
        Layout::Builtin => {
            let name = class_name(cls);
            if cd.ctor.is_some() {
                return type_error(format!(
                    "object.__new__({name}) is not safe, use {name}.__new__()"
                ));
            }
            raise(
                ExcKind::NotImplementedError,
                format!("molt: subclasses of the builtin type '{name}' are not supported yet"),
            )
        }
    }
}

// --- mappingproxy ---------------------------------------------------------------------------
//
// A class's `__dict__` is a read-only view of its namespace: an instance of the builtin class
// `mappingproxy`, whose one member slot (under a name no program can spell as an attribute)
// holds the dict. Its methods are builtins, so the generic instance protocols (`len`, `in`,
// `[]`, iteration, `repr`, `==`) reach them through the class like a user class's dunders.

const MAPPINGPROXY_SLOT: &str = "\u{0}mapping";

/// Creates the immortal `mappingproxy` class (while the runtime starts).
pub fn new_mappingproxy_class(object: Value) -> Value {
    let mut mro = vec![object];
    mro.extend(class_data(object).mro.iter().copied());
    let slot = immortalize(crate::str::str_from_string(MAPPINGPROXY_SLOT.to_string()).into_raw());
    let data = ClassData {
        shape: std::cell::Cell::new(SHAPE_NONE),
        slots: Box::new([slot]),
        name: immortalize(crate::str::str_from_string("mappingproxy".to_string()).into_raw()),
        meta: Value::NONE,
        base: object,
        bases: Box::new([]),
        mro: mro.into_boxed_slice(),
        dict: immortalize(dict_new().into_raw()),
        layout: Layout::Object,
        ctor: Some(mappingproxy_ctor),
        members: 1,
        qualname: Value::NONE,
        has_del: std::cell::Cell::new(0),
        plain_exc: std::cell::Cell::new(0),
        without_del: std::cell::Cell::new(0),
        new_slot: std::cell::Cell::new(false),
    };
    let cls = immortalize(alloc(Kind::Class, data));
    crate::object::set_flags(cls, crate::object::FLAG_IMMUTABLE_TYPE | FLAG_NO_DICT);
    cls
}

/// A read-only view of dict `d`.
pub fn mappingproxy_new(d: Value) -> Ref {
    let inst = new_instance_raw(rt().t.mappingproxy, None);
    // SAFETY: the class has one slot.
    unsafe { instance_data(inst.v()).slots.write(incref(d)) };
    inst
}

fn mappingproxy_ctor(_cls: Value, args: Args<'_>) -> R<Ref> {
    let [m] = args.exact("mappingproxy")?;
    if !crate::dict::is_dict(m) {
        return type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            type_name(m)
        ));
    }
    Ok(mappingproxy_new(m))
}

/// The dict behind mappingproxy `recv`.
fn proxied(recv: Value) -> R<Value> {
    if is_instance(recv) && instance_data(recv).class == rt().t.mappingproxy {
        // SAFETY: a mappingproxy has its one slot set at creation.
        return Ok(unsafe { *instance_data(recv).slots });
    }
    type_error(format!(
        "descriptor requires a 'mappingproxy' object but received a '{}'",
        type_name(recv)
    ))
}

fn mp_call(recv: Value, name: &str, args: Args<'_>) -> R<Ref> {
    let d = proxied(recv)?;
    let n = str_from(name);
    crate::call::call_method(d, n.v(), args)
}

fn mp_getitem(recv: Value, args: Args<'_>) -> R<Ref> {
    let [k] = args.exact("__getitem__")?;
    crate::ops::getitem(proxied(recv)?, k)
}
fn mp_contains(recv: Value, args: Args<'_>) -> R<Ref> {
    let [k] = args.exact("__contains__")?;
    let d = proxied(recv)?;
    Ok(Ref::new(Value::from_bool(dict_data(d).get(k)?.is_some())))
}
fn mp_len(recv: Value, _args: Args<'_>) -> R<Ref> {
    Ok(crate::int::int_from_i64(
        dict_data(proxied(recv)?).len() as i64
    ))
}
fn mp_iter(recv: Value, _args: Args<'_>) -> R<Ref> {
    crate::iter::py_iter(proxied(recv)?)
}

fn mp_repr(recv: Value, _args: Args<'_>) -> R<Ref> {
    let inner = crate::ops::repr_string(proxied(recv)?)?;
    Ok(crate::str::str_from_string(format!(
        "mappingproxy({inner})"
    )))
}
/// `str(proxy)` is `str()` of the mapping (CPython's `mappingproxy_str`).
fn mp_str(recv: Value, _args: Args<'_>) -> R<Ref> {
    crate::ops::py_str(proxied(recv)?)
}
fn mp_eq(recv: Value, args: Args<'_>) -> R<Ref> {
    let [other] = args.exact("__eq__")?;
    crate::ops::rich_compare(crate::ops::cmp::EQ, proxied(recv)?, other)
}
fn mp_setitem(_recv: Value, _args: Args<'_>) -> R<Ref> {
    type_error("'mappingproxy' object does not support item assignment")
}
fn mp_delitem(_recv: Value, _args: Args<'_>) -> R<Ref> {
    type_error("'mappingproxy' object does not support item deletion")
}
fn mp_keys(recv: Value, args: Args<'_>) -> R<Ref> {
    mp_call(recv, "keys", args)
}
fn mp_values(recv: Value, args: Args<'_>) -> R<Ref> {
    mp_call(recv, "values", args)
}
fn mp_items(recv: Value, args: Args<'_>) -> R<Ref> {
    mp_call(recv, "items", args)
}
fn mp_get(recv: Value, args: Args<'_>) -> R<Ref> {
    mp_call(recv, "get", args)
}
fn mp_copy(recv: Value, args: Args<'_>) -> R<Ref> {
    mp_call(recv, "copy", args)
}
fn mp_reversed(recv: Value, _args: Args<'_>) -> R<Ref> {
    let d = proxied(recv)?;
    let f = crate::state::rt().iter_types[crate::object::IterType::Reversed as usize];
    crate::call::call(f, Args::positional(&[d]))
}

/// The builtin methods of `mappingproxy`.
const MAPPINGPROXY_METHODS: &[(&str, BuiltinFn)] = &[
    ("__getitem__", mp_getitem),
    ("__setitem__", mp_setitem),
    ("__delitem__", mp_delitem),
    ("__contains__", mp_contains),
    ("__len__", mp_len),
    ("__iter__", mp_iter),
    ("__repr__", mp_repr),
    ("__str__", mp_str),
    ("__eq__", mp_eq),
    ("__reversed__", mp_reversed),
    ("keys", mp_keys),
    ("values", mp_values),
    ("items", mp_items),
    ("get", mp_get),
    ("copy", mp_copy),
];

/// `hash(instance)`: `__hash__` if defined, identity otherwise; unhashable when `__hash__`
/// is `None` (a class that defines `__eq__` without `__hash__`).
pub fn instance_hash(v: Value) -> R<i64> {
    let cls = type_of(v);
    if cls == rt().t.generic_alias || cls == rt().t.union_type {
        return crate::generic_alias::alias_hash(v);
    }
    match lookup(cls, "__hash__") {
        Some(f) if f.is_none() => type_error(format!("unhashable type: '{}'", type_name(v))),
        Some(f) if is_kind(f, Kind::Builtin) => match builtin_value(v) {
            // `int.__hash__`, `str.__hash__`, ... of a subclass instance: the value's hash.
            Some(value) => crate::hash::py_hash(value),
            None => Ok(crate::hash::hash_identity(v)),
        },
        Some(_) => {
            let r = call_dunder(v, "__hash__", &[])?.unwrap_or(Ref::NONE);
            // CPython keeps a result that fits in a machine word and hashes a bigger int.
            match crate::int::int_view(r.v()) {
                Some(crate::int::IntV::Small(i)) => Ok(if i == -1 { -2 } else { i }),
                Some(crate::int::IntV::Big(b)) => Ok(match i64::try_from(b) {
                    Ok(-1) => -2,
                    Ok(i) => i,
                    Err(_) => crate::hash::hash_bigint(b),
                }),
                None => type_error("__hash__ method should return an integer"),
            }
        }
        None => Ok(crate::hash::hash_identity(v)),
    }
}

/// `molt_make_class(name, bases, ns, slots)`: a user class from a bases tuple and a namespace
/// dict; instances of an ordinary class keep the attributes named in `slot_names` (strs,
/// borrowed) in fixed slots, after the slots of the base class (exception and builtin
/// subclasses ignore them).
pub fn make_class(name: Value, bases: Value, ns: Value, slot_names: &[Value]) -> R<Ref> {
    make_class_in(name, bases, ns, slot_names, None)
}

/// CPython's `update_bases` (PEP 560): each base that is not a class but whose type defines
/// `__mro_entries__` (`typing.Generic[T]`) is replaced by the classes that method returns
/// (given the original bases). `Ok(None)` when no base changed; otherwise the new bases, with
/// the original ones stored as `__orig_bases__` in the namespace `ns`.
fn resolve_mro_entries(bases: Value, ns: Value) -> R<Option<Ref>> {
    if !crate::tuple::is_tuple(bases) {
        return Ok(None);
    }
    let items = tuple_items(bases);
    if items.iter().all(|b| is_class(*b)) {
        return Ok(None);
    }
    let mut out: Vec<Ref> = Vec::new();
    let mut changed = false;
    for &b in items {
        if is_class(b) {
            out.push(Ref::dup(b));
            continue;
        }
        // A function's own attribute counts (`typing.NamedTuple.__mro_entries__`), as
        // CPython looks the method up on the object.
        let own = if is_kind(b, Kind::Function) {
            match crate::attr::getattr_str(b, "__mro_entries__") {
                Ok(f) => Some(f),
                Err(_) if crate::exceptions::pending_is(ExcKind::AttributeError) => {
                    drop(crate::exceptions::take_pending());
                    None
                }
                Err(e) => return Err(e),
            }
        } else {
            None
        };
        let found = match own {
            Some(f) => Some(crate::call::call(f.v(), Args::positional(&[bases]))?),
            None => call_dunder(b, "__mro_entries__", &[bases])?,
        };
        match found {
            Some(entries) => {
                if !crate::tuple::is_tuple(entries.v()) {
                    return type_error("__mro_entries__ must return a tuple");
                }
                out.extend(tuple_items(entries.v()).iter().map(|e| Ref::dup(*e)));
                changed = true;
            }
            None => out.push(Ref::dup(b)),
        }
    }
    if !changed {
        return Ok(None);
    }
    if crate::dict::is_dict(ns) {
        dict_set_str(ns, "__orig_bases__", bases);
    }
    let values: Vec<Value> = out.iter().map(Ref::v).collect();
    Ok(Some(crate::tuple::tuple_from_slice(&values)))
}

/// [`make_class`] for a class statement of the module named `module_name` (its
/// `__module__` unless the namespace sets one; `__main__` when `None`).
pub fn make_class_in(
    name: Value,
    bases: Value,
    ns: Value,
    slot_names: &[Value],
    module_name: Option<Value>,
) -> R<Ref> {
    let resolved = resolve_mro_entries(bases, ns)?;
    let bases = resolved.as_ref().map_or(bases, Ref::v);
    type_new_core(
        rt().t.type_,
        name,
        bases,
        ns,
        slot_names,
        module_name,
        Args::positional(&[]),
    )
}

/// The metaclass of class `v` when it is not `type` (`None` for `type` and for non-classes).
#[inline]
pub fn user_meta(v: Value) -> Option<Value> {
    if !is_class(v) {
        return None;
    }
    let m = class_data(v).meta;
    (!m.is_none()).then_some(m)
}

/// The special method `name` of class `v`'s metaclass when a Python class defines it (not
/// `type`'s or `object`'s builtins): such a class then behaves as an instance of its
/// metaclass for that operation (`iter(Color)`, `len(Color)`, `Color[k]`, ...).
#[inline]
pub fn meta_hook(v: Value, name: &str) -> Option<Value> {
    let m = user_meta(v)?;
    lookup(m, name).filter(|f| !is_kind(*f, Kind::Builtin))
}

/// Whether `cls` is `type` or a subclass of it (a metaclass).
pub fn is_metaclass(cls: Value) -> bool {
    is_class(cls) && is_subclass(cls, rt().t.type_)
}

/// CPython's `_PyType_CalculateMetaclass`: the most derived of `meta` and the types of
/// `bases`; CPython's "metaclass conflict" `TypeError` when they are unrelated.
pub fn calculate_meta(meta: Value, bases: &[Value]) -> R<Value> {
    let mut winner = meta;
    for b in bases {
        let t = type_of(*b);
        if is_subclass(winner, t) {
            continue;
        }
        if is_subclass(t, winner) {
            winner = t;
            continue;
        }
        return type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        );
    }
    Ok(winner)
}

/// The special methods a metaclass may define: the runtime honours them on its classes.
/// Any other special method (a function) in a metaclass body is a `molt:` error when the metaclass is
/// created (its classes would silently ignore it).
const META_METHODS: &[&str] = &[
    "__new__",
    "__init__",
    "__call__",
    "__prepare__",
    "__iter__",
    "__reversed__",
    "__getitem__",
    "__len__",
    "__contains__",
    "__repr__",
    "__str__",
    "__bool__",
    "__getattr__",
    "__setattr__",
    "__delattr__",
    "__init_subclass__",
    "__set_name__",
    "__class_getitem__",
    "__instancecheck__",
    "__subclasscheck__",
    "__module__",
    "__qualname__",
    "__doc__",
    "__classcell__",
    "__dict__",
    "__weakref__",
    "__annotations__",
    "__orig_bases__",
    "__slots__",
];

/// `molt:` error for a special method of metaclass namespace `ns` that its classes would
/// not honour (see [`META_METHODS`]).
fn check_meta_methods(name: Value, ns: Value) -> R<()> {
    for (k, v) in dict_data(ns).items() {
        let Some(k) = crate::str::str_opt(k) else {
            continue;
        };
        // Methods only: a property such as `__members__` is an ordinary attribute.
        let method = is_kind(v, Kind::Function)
            || (is_kind(v, Kind::Wrapper)
                && matches!(
                    wrapper_data(v).kind,
                    WrapperKind::StaticMethod | WrapperKind::ClassMethod
                ));
        if method
            && k.len() > 4
            && k.starts_with("__")
            && k.ends_with("__")
            && !META_METHODS.contains(&k)
        {
            return raise(
                ExcKind::NotImplementedError,
                format!(
                    "molt: the metaclass method '{}.{k}' is not supported yet",
                    as_str(name)
                ),
            );
        }
    }
    Ok(())
}

/// CPython's `type.__new__(meta, name, bases, ns, **kw)` with the bases already resolved:
/// a class of metaclass `meta` (or the most derived metaclass of the bases); `kw` goes to
/// `__init_subclass__`.
#[allow(clippy::too_many_arguments)]
pub fn type_new_core(
    meta: Value,
    name: Value,
    bases: Value,
    ns: Value,
    slot_names: &[Value],
    module_name: Option<Value>,
    kw: Args<'_>,
) -> R<Ref> {
    if crate::str::str_opt(name).is_none() {
        return type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            crate::class::arg_type_name(name)
        ));
    }
    if !crate::tuple::is_tuple(bases) {
        return type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            type_name(bases)
        ));
    }
    if !crate::dict::is_dict(ns) {
        return type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            type_name(ns)
        ));
    }
    let bases_items: Vec<Value> = tuple_items(bases).to_vec();
    let winner = calculate_meta(meta, &bases_items)?;
    if winner != meta {
        // CPython calls the winner's own `__new__` when it is not `type.__new__`.
        if let Some(new) = lookup(winner, "__new__").filter(|f| !is_kind(*f, Kind::Builtin)) {
            let new = Ref::dup(new);
            let pos = [winner, name, bases, ns];
            let args = Args {
                pos: &pos,
                kwnames: kw.kwnames,
                kwvals: kw.kwvals,
            };
            return call_new(new.v(), winner, args);
        }
    }
    let meta = winner;
    for b in &bases_items {
        if !is_class(*b) {
            return type_error(format!(
                "bases must be types, not {}",
                crate::ops::repr_string(*b).unwrap_or_default()
            ));
        }
    }
    let base = match bases_items.as_slice() {
        [] => rt().t.object,
        [b] => {
            check_acceptable_base(*b)?;
            *b
        }
        _ => best_base(&bases_items)?,
    };
    // The namespace in CPython's order: `__module__` first, the body's names (without
    // `__qualname__`), then what `type.__new__` adds (see below).
    let dict = dict_new();
    let d = dict_data(dict.v());
    let body = if crate::dict::is_dict(ns) {
        dict_data(ns).items()
    } else {
        Vec::new()
    };
    let module = body
        .iter()
        .find(|(k, _)| crate::str::str_opt(*k) == Some("__module__"))
        .map(|(_, v)| Ref::dup(*v))
        .or_else(|| module_name.map(Ref::dup))
        .unwrap_or_else(|| str_from("__main__"));
    dict_set_str(dict.v(), "__module__", module.v());
    // The implicit `__class__` cell of the class's functions: filled with the new class
    // before `__set_name__` and `__init_subclass__` run, and not kept in the class dict.
    let mut class_cell = None;
    let mut qualname = Value::NONE;
    for (k, v) in &body {
        match crate::str::str_opt(*k) {
            Some("__module__") => {}
            // CPython's `type_new_set_ht_name`: kept as the class's `__qualname__`, not in
            // its dict.
            Some("__qualname__") => {
                if !crate::str::is_str(*v) {
                    return type_error(format!(
                        "type __qualname__ must be a str, not {}",
                        type_name(*v)
                    ));
                }
                qualname = *v;
            }
            Some("__classcell__") => {
                if !is_kind(*v, Kind::Cell) {
                    return type_error(format!(
                        "__classcell__ must be a nonlocal cell, not {}",
                        crate::ops::repr_string(type_of(*v)).unwrap_or_default()
                    ));
                }
                class_cell = Some(*v);
            }
            // `__new__` is an implicit staticmethod, `__init_subclass__` and
            // `__class_getitem__` implicit classmethods.
            Some("__new__") if is_kind(*v, Kind::Function) => {
                let w = wrapper(WrapperKind::StaticMethod, *v, Value::NONE, Value::NONE);
                d.set(*k, w.v())?;
            }
            Some("__init_subclass__" | "__class_getitem__") if is_kind(*v, Kind::Function) => {
                let w = wrapper(WrapperKind::ClassMethod, *v, Value::NONE, Value::NONE);
                d.set(*k, w.v())?;
            }
            _ => d.set(*k, *v)?,
        }
    }
    if crate::structseq::is_struct_sequence(base) {
        return type_error(format!(
            "type '{}' is not an acceptable base type",
            crate::structseq::type_name_of_class(base)
        ));
    }
    let base_cd = class_data(base);
    let layout = match base_cd.layout {
        Layout::Builtin if is_value_type(base) => Layout::Value,
        Layout::Builtin
            if (base_cd.ctor.is_none() && base != rt().t.object && !is_metaclass(base))
                || base == rt().t.memoryview =>
        {
            return type_error(format!(
                "type '{}' is not an acceptable base type",
                class_name(base)
            ));
        }
        l => l,
    };
    let mut declared = match d.get_str("__slots__") {
        Some(decl) => Some(parse_slots(Ref::dup(decl).v(), name, &dict)?),
        None => None,
    };
    // Instances have no `__dict__` when this class and every base up to `object` declare
    // `__slots__` without "__dict__".
    let has_dict = |c: Value| c != rt().t.object && !is_value_type(c) && !has_no_dict(c);
    let base_has_dict = has_dict(base);
    // As in CPython, a class with `__slots__` gets `__dict__` (and `__weakref__`) from a
    // secondary base whose instances have them when its primary base's do not.
    if let Some((_, wants_dict, wants_weakref)) = &mut declared {
        for b in bases_items.iter().filter(|b| **b != base) {
            *wants_dict |= !base_has_dict && has_dict(*b);
            *wants_weakref |=
                lookup(base, "__weakref__").is_none() && lookup(*b, "__weakref__").is_some();
        }
    }
    if layout == Layout::Value
        && let Some((names, _, _)) = &declared
        && !names.is_empty()
    {
        let vt = value_type(base);
        if vt == rt().t.int || vt == rt().t.tuple {
            return type_error(format!(
                "nonempty __slots__ not supported for subtype of '{}'",
                class_name(vt)
            ));
        }
    }
    let no_dict = matches!(layout, Layout::Object | Layout::Value)
        && !base_has_dict
        && declared
            .as_ref()
            .is_some_and(|(_, wants_dict, _)| !wants_dict);
    if base_has_dict
        && declared
            .as_ref()
            .is_some_and(|(_, wants_dict, _)| *wants_dict)
    {
        return type_error("__dict__ slot disallowed: we already got one");
    }
    // The MRO after the class itself: the base's, or the C3 merge of the bases'
    // (computed before any reference is taken below).
    let mro: Vec<Value> = if bases_items.len() <= 1 {
        std::iter::once(base)
            .chain(class_data(base).mro.iter().copied())
            .collect()
    } else {
        c3_merge(&bases_items)?
    };
    // Slot layout: dict attributes first (the base's, then this class's), member slots
    // last (the base's, then this class's `__slots__`).
    let mut slots: Vec<Value> = Vec::new();
    let mut members: Vec<Value> = Vec::new();
    if matches!(layout, Layout::Object | Layout::Value) {
        let split = first_member(base_cd);
        slots.extend(base_cd.slots[..split].iter().map(|v| incref(*v)));
        if layout == Layout::Value && base_cd.layout == Layout::Builtin {
            // The builtin value: the first member slot of every Value-layout class.
            members.push(incref(crate::str::str_intern(VALUE_SLOT)));
        }
        members.extend(base_cd.slots[split..].iter().map(|v| incref(*v)));
        if let Some((names, _, _)) = &declared {
            for n in names {
                if !members.iter().any(|m| as_str(*m) == as_str(n.v())) {
                    members.push(incref(n.v()));
                }
            }
        }
        for n in slot_names {
            if crate::str::str_opt(*n).is_some()
                && !slots
                    .iter()
                    .chain(members.iter())
                    .any(|s| crate::str::as_str(*s) == crate::str::as_str(*n))
            {
                slots.push(incref(*n));
            }
        }
    }
    // What `type.__new__` adds to the namespace: a member descriptor per `__slots__` name,
    // `__dict__` and `__weakref__` where this class introduces them, `__doc__`, and
    // `__hash__ = None` for a class that defines `__eq__` only.
    let owner_name = name;
    if let Some((names, _, _)) = &declared {
        for n in names {
            let m = wrapper(WrapperKind::Member, n.v(), owner_name, Value::NONE);
            d.set(n.v(), m.v())?;
        }
    }
    let (adds_dict, adds_weakref) = match (layout, &declared) {
        (Layout::Object, None) => (!base_has_dict, base == rt().t.object || has_no_dict(base)),
        (Layout::Object, Some((_, wants_dict, wants_weakref))) => {
            (*wants_dict && !base_has_dict, *wants_weakref)
        }
        (Layout::Exception, None) => (false, base_cd.ctor.is_none() && is_builtin_exception(base)),
        // CPython's `float`, `str`, `list` and `dict` subclasses get `__weakref__`, those of
        // `int` and `tuple` (variable-size objects) and of the sets (which have their own) not.
        (Layout::Value, None) => {
            let t = &rt().t;
            (
                !base_has_dict,
                [t.float, t.str, t.list, t.dict].contains(&base),
            )
        }
        (Layout::Value, Some((_, wants_dict, wants_weakref))) => {
            (*wants_dict && !base_has_dict, *wants_weakref)
        }
        _ => (false, false),
    };
    for (flag, attr) in [(adds_dict, "__dict__"), (adds_weakref, "__weakref__")] {
        if flag && d.get_str(attr).is_none() {
            let g = wrapper(
                WrapperKind::GetSet,
                crate::str::str_intern(attr),
                owner_name,
                Value::NONE,
            );
            dict_set_str(dict.v(), attr, g.v());
        }
    }
    if d.get_str("__doc__").is_none() {
        dict_set_str(dict.v(), "__doc__", Value::NONE);
    }
    if d.get_str("__eq__").is_some() && d.get_str("__hash__").is_none() {
        dict_set_str(dict.v(), "__hash__", Value::NONE);
    }
    if is_metaclass(base) {
        check_meta_methods(name, dict.v())?;
    }
    let nmembers = members.len();
    slots.extend(members);
    let mro: Vec<Value> = mro.into_iter().map(incref).collect();
    // CPython's `tp_new` is `slot_tp_new` from here on when the body defines `__new__` or
    // a base's is (see `ClassData::new_slot`).
    let new_slot = dict_data(dict.v()).get_str("__new__").is_some()
        || mro.iter().any(|c| class_data(*c).new_slot.get());
    let all_bases: Vec<Value> = if bases_items.len() > 1 {
        bases_items.iter().map(|b| incref(*b)).collect()
    } else {
        Vec::new()
    };
    let cls = alloc_ref(
        Kind::Class,
        ClassData {
            has_del: std::cell::Cell::new(0),
            plain_exc: std::cell::Cell::new(0),
            without_del: std::cell::Cell::new(0),
            new_slot: std::cell::Cell::new(new_slot),
            shape: std::cell::Cell::new(SHAPE_NONE),
            slots: slots.into_boxed_slice(),
            name: incref(name),
            meta: if meta == rt().t.type_ {
                Value::NONE
            } else {
                incref(meta)
            },
            base: incref(base),
            bases: all_bases.into_boxed_slice(),
            mro: mro.into_boxed_slice(),
            dict: dict.into_raw(),
            layout,
            ctor: None,
            members: nmembers,
            qualname: if qualname.is_none()
                || crate::str::str_opt(qualname) == crate::str::str_opt(name)
            {
                Value::NONE
            } else {
                incref(qualname)
            },
        },
    );
    if no_dict {
        crate::object::set_flags(cls.v(), FLAG_NO_DICT);
    }
    if let Some(cell) = class_cell {
        crate::abi::cell_set(cell, cls.v())?;
    }
    set_names(cls.v())?;
    // `super().__init_subclass__(**kw)`: the first along the new class's MRO after itself.
    let init_subclass = class_data(cls.v())
        .mro
        .iter()
        .find_map(|c| dict_data(class_data(*c).dict).get_str("__init_subclass__"));
    match init_subclass {
        Some(f) if !is_kind(f, Kind::Builtin) => {
            let f = Ref::dup(f);
            crate::call::call_found(f.v(), cls.v(), cls.v(), kw)?;
        }
        _ if !kw.kwnames.is_empty() => {
            return type_error(format!(
                "{}.__init_subclass__() takes no keyword arguments",
                class_name(cls.v())
            ));
        }
        _ => {}
    }
    class_changed();
    if class_data(cls.v()).layout == Layout::Object {
        SHAPED.with(|s| s.borrow_mut().push(cls.v()));
        reshape(cls.v());
    }
    USER_CLASSES.with(|s| s.borrow_mut().push(cls.v()));
    Ok(cls)
}

/// CPython's `TypeError` for a base class that cannot be subclassed (`bool`, `memoryview`,
/// and builtin types without a constructor other than `object` and the metaclasses).
fn check_acceptable_base(b: Value) -> R<()> {
    let cd = class_data(b);
    let refused = b == rt().t.bool
        || b == rt().t.memoryview
        || (cd.layout == Layout::Builtin
            && !is_value_type(b)
            && cd.ctor.is_none()
            && b != rt().t.object
            && !is_metaclass(b));
    if refused {
        return type_error(format!(
            "type '{}' is not an acceptable base type",
            class_name(b)
        ));
    }
    Ok(())
}

/// The builtin exception classes whose instances CPython 3.11 lays out with fields of their
/// own (a `tp_basicsize` larger than their base's): two of them cannot both be bases.
const LAYOUT_EXCEPTIONS: &[&str] = &[
    "BaseException",
    "BaseExceptionGroup",
    "ExceptionGroup",
    "StopIteration",
    "SystemExit",
    "ImportError",
    "OSError",
    "NameError",
    "AttributeError",
    "SyntaxError",
    "UnicodeEncodeError",
    "UnicodeDecodeError",
    "UnicodeTranslateError",
];

/// CPython's `solid_base`: the nearest class on the `__base__` chain of `cls` (itself
/// included) whose instances have fields its base's lack: `object`, a builtin type with a
/// layout of its own (`int`, `str`, `list`, ..., the exceptions of [`LAYOUT_EXCEPTIONS`]),
/// or a user class declaring a non-empty `__slots__`. A `__dict__` or `__weakref__` does not
/// count.
fn solid_base(cls: Value) -> Value {
    let mut c = cls;
    loop {
        let cd = class_data(c);
        if cd.base.is_none() {
            return c;
        }
        let base_cd = class_data(cd.base);
        let solid = if crate::object::flags(c) & crate::object::FLAG_IMMUTABLE_TYPE != 0 {
            // A builtin class: the exceptions share `BaseException`'s layout unless listed;
            // every other builtin type has its own.
            !is_subclass(c, crate::state::exc_class(ExcKind::BaseException))
                || LAYOUT_EXCEPTIONS.contains(&as_str(cd.name))
        } else {
            // A user class adds member slots of its own (the hidden slot of a builtin
            // value is the builtin's layout, not the class's).
            let value_slot =
                usize::from(cd.layout == Layout::Value && base_cd.layout == Layout::Builtin);
            cd.members > base_cd.members + value_slot
        };
        if solid {
            return c;
        }
        c = cd.base;
    }
}

/// CPython's `best_base`: of several bases (classes), the one whose solid base
/// ([`solid_base`]) is a subclass of every other's, which becomes `__base__` and gives the
/// new class its instance layout; the first such base when several qualify. Raises
/// CPython's `TypeError`s for a base that cannot be subclassed and for solid bases on
/// different branches ("multiple bases have instance lay-out conflict": `class C(int,
/// str)`).
fn best_base(bases: &[Value]) -> R<Value> {
    // The best base so far and its solid base.
    let mut best: Option<(Value, Value)> = None;
    for b in bases {
        check_acceptable_base(*b)?;
        let candidate = solid_base(*b);
        match best {
            None => best = Some((*b, candidate)),
            Some((_, winner)) if is_subclass(winner, candidate) => {}
            Some((_, winner)) if is_subclass(candidate, winner) => best = Some((*b, candidate)),
            Some(_) => return type_error("multiple bases have instance lay-out conflict"),
        }
    }
    Ok(best.map_or(rt().t.object, |(b, _)| b))
}

/// The method resolution order of a class with `bases` (two or more classes), after the
/// class itself: the C3 linearization of Barrett, Cassels, Haahr, Moon, Playford and
/// Withington, "A Monotonic Superclass Linearization for Dylan" (OOPSLA 1996), as CPython
/// computes it: merge the MROs of the bases and the list of bases, each step taking the
/// first head (in that order) that is in no list's tail. Raises CPython's `TypeError`s for
/// a base listed twice (`duplicate base class A`) and for bases whose orders contradict
/// each other ("Cannot create a consistent method resolution\norder (MRO) for bases A, B",
/// naming the heads left, in list order, once each).
fn c3_merge(bases: &[Value]) -> R<Vec<Value>> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].contains(b) {
            return type_error(format!("duplicate base class {}", class_name(*b)));
        }
    }
    let mut lists: Vec<Vec<Value>> = bases
        .iter()
        .map(|b| {
            std::iter::once(*b)
                .chain(class_data(*b).mro.iter().copied())
                .collect()
        })
        .collect();
    lists.push(bases.to_vec());
    let mut next = vec![0usize; lists.len()];
    let mut out = Vec::new();
    loop {
        let mut all_done = true;
        let mut chosen = None;
        for (i, l) in lists.iter().enumerate() {
            let Some(&candidate) = l.get(next[i]) else {
                continue;
            };
            all_done = false;
            let in_tail = lists
                .iter()
                .enumerate()
                .any(|(j, m)| m.get(next[j] + 1..).is_some_and(|t| t.contains(&candidate)));
            if !in_tail {
                chosen = Some(candidate);
                break;
            }
        }
        if all_done {
            return Ok(out);
        }
        let Some(c) = chosen else {
            let mut heads: Vec<Value> = Vec::new();
            for (i, l) in lists.iter().enumerate() {
                if let Some(h) = l.get(next[i])
                    && !heads.contains(h)
                {
                    heads.push(*h);
                }
            }
            let names: Vec<String> = heads.iter().map(|h| class_name(*h)).collect();
            return type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        out.push(c);
        for (i, l) in lists.iter().enumerate() {
            if l.get(next[i]) == Some(&c) {
                next[i] += 1;
            }
        }
    }
}

/// `__bases__` of `cls` (borrowed): every base for a class with several, else `(base,)`,
/// or `()` for `object`.
pub fn class_bases(cls: Value) -> Vec<Value> {
    let cd = class_data(cls);
    if !cd.bases.is_empty() {
        cd.bases.to_vec()
    } else if cd.base.is_none() {
        Vec::new()
    } else {
        vec![cd.base]
    }
}

/// Whether `cls` is one of the builtin exception classes.
fn is_builtin_exception(cls: Value) -> bool {
    rt().exc.contains(&cls)
}

/// CPython's `__set_name__` step of class creation: every attribute of the new class whose
/// type defines `__set_name__` gets `__set_name__(cls, name)`, in namespace order; properties
/// learn their name. A failure becomes CPython 3.11's `RuntimeError` with the error as cause.
fn set_names(cls: Value) -> R<()> {
    let items: Vec<(Ref, Ref)> = dict_data(class_data(cls).dict)
        .items()
        .into_iter()
        .map(|(k, v)| (Ref::dup(k), Ref::dup(v)))
        .collect();
    for (k, v) in items {
        if is_kind(v.v(), Kind::Wrapper) && wrapper_data(v.v()).kind == WrapperKind::Property {
            let w = wrapper_data(v.v());
            let old = w.name.replace(incref(k.v()));
            crate::object::decref(old);
            continue;
        }
        if !is_instance(v.v()) || !has_dunder(v.v(), "__set_name__") {
            continue;
        }
        if call_dunder(v.v(), "__set_name__", &[cls, k.v()]).is_err() {
            let cause = crate::exceptions::take_pending();
            let msg = format!(
                "Error calling __set_name__ on '{}' instance {} in '{}'",
                type_name(v.v()),
                crate::ops::repr_string(k.v())?,
                class_name(cls)
            );
            return crate::exceptions::raise_with_cause(ExcKind::RuntimeError, msg, cause);
        }
    }
    Ok(())
}

/// The names a class body's `__slots__` declares (a str, or an iterable of strs), with
/// private names mangled, and whether `"__dict__"` is one of them; CPython's `TypeError`s
/// and `ValueError`s for bad declarations (`ns` is the class namespace).
fn parse_slots(decl: Value, class_name: Value, ns: &Ref) -> R<(Vec<Ref>, bool, bool)> {
    let items = if crate::str::is_str(decl) {
        RefVec(vec![Ref::dup(decl)])
    } else {
        crate::iter::collect_vec(decl)?
    };
    let mut names = Vec::new();
    let mut wants_dict = false;
    let mut wants_weakref = false;
    for item in items {
        let Some(text) = crate::str::str_opt(item.v()) else {
            return type_error(format!(
                "__slots__ items must be strings, not '{}'",
                type_name(item.v())
            ));
        };
        let mut chars = text.chars();
        let identifier = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
            && chars.all(|c| c == '_' || c.is_alphanumeric());
        if !identifier {
            return type_error("__slots__ must be identifiers");
        }
        if text == "__dict__" {
            if wants_dict {
                return type_error("__dict__ slot disallowed: we already got one");
            }
            wants_dict = true;
            continue;
        }
        if text == "__weakref__" {
            wants_weakref = true;
            continue;
        }
        let mangled = if text.starts_with("__") && !text.ends_with("__") {
            let owner = as_str(class_name).trim_start_matches('_');
            if owner.is_empty() {
                text.to_string()
            } else {
                format!("_{owner}{text}")
            }
        } else {
            text.to_string()
        };
        if dict_data(ns.v()).get_str(&mangled).is_some() {
            return raise(
                ExcKind::ValueError,
                format!("'{mangled}' in __slots__ conflicts with class variable"),
            );
        }
        names.push(Ref::dup(crate::str::str_intern(&mangled)));
    }
    Ok((names, wants_dict, wants_weakref))
}

thread_local! {
    /// Live user classes of the object layout (borrowed: a class leaves at deallocation).
    static SHAPED: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Every live class made by a class statement or `type(name, bases, ns)` (borrowed, as
    /// `SHAPED`).
    static USER_CLASSES: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The last shape handed out.
    static NEXT_SHAPE: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Gives `cls` a fresh shape if attribute access on its instances can be inline-cached
/// (see [`ClassData::shape`]), [`SHAPE_NONE`] otherwise. A fresh shape invalidates every
/// inline cache filled for the old one.
fn reshape(cls: Value) {
    let cd = class_data(cls);
    let cacheable = cd.layout == Layout::Object
        && ["__setattr__", "__getattribute__", "__delattr__"]
            .iter()
            .all(|h| lookup(cls, h).is_none_or(|f| is_kind(f, Kind::Builtin)))
        && cd.slots.iter().all(|n| {
            lookup(cls, crate::str::as_str(*n)).is_none_or(|p| {
                !crate::attr::is_data_descriptor(p)
                    || (is_kind(p, Kind::Wrapper) && wrapper_data(p).kind == WrapperKind::Member)
            })
        });
    // Shapes are never reused: after 2^32 - 2 of them, classes stop being cached.
    let shape = if cacheable {
        NEXT_SHAPE.with(|n| {
            let s = n.get().saturating_add(1);
            if s != SHAPE_NONE {
                n.set(s);
            }
            s
        })
    } else {
        SHAPE_NONE
    };
    cd.shape.set(shape);
}

/// Whether changing class attribute `name` from `old` to `new` (`None`: absent) can alter
/// what an inline cache decided, so the class must get a new shape ([`class_mutated`]):
/// an attribute hook (a dunder name), a value that is not plain data (a function,
/// descriptor, class or instance) on either side, or a name added or deleted (the lookup
/// of `name` in the class and its subclasses may then find another class's attribute: plain
/// data set on a class hides a method inherited from a base, deleting it shows the method
/// again). Otherwise [`class_changed`] (the method cache) is enough: `C.count += 1` keeps
/// every inline cache warm. Call it before the change, while `old` is alive.
pub fn attr_change_needs_reshape(name: &str, old: Option<Value>, new: Option<Value>) -> bool {
    let plain = |v: Option<Value>| {
        v.is_none_or(|v| {
            !v.is_ptr()
                || !matches!(
                    kind(v),
                    Kind::Function
                        | Kind::Builtin
                        | Kind::BoundMethod
                        | Kind::Wrapper
                        | Kind::Class
                        | Kind::Instance
                )
        })
    };
    name.starts_with("__") || old.is_none() || new.is_none() || !plain(old) || !plain(new)
}

/// Called when the namespace of `cls` changed: every user class that has `cls` in
/// its MRO gets a new shape (so inline caches re-check what attribute access now means).
pub fn class_mutated(cls: Value) {
    class_changed();
    let affected: Vec<Value> = SHAPED.with(|s| {
        s.borrow()
            .iter()
            .copied()
            .filter(|c| *c == cls || class_data(*c).mro.contains(&cls))
            .collect()
    });
    affected.into_iter().for_each(reshape);
}

/// Drops a class being deallocated from the registry of classes with slots.
pub fn forget_shaped(cls: Value) {
    let _ = SHAPED.try_with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            s.retain(|c| *c != cls);
        }
    });
    let _ = USER_CLASSES.try_with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            s.retain(|c| *c != cls);
        }
    });
}

/// `cls` was given a `__new__`: it and the live classes deriving from it keep CPython's
/// `__new__` slot from now on (see `ClassData::new_slot`; CPython updates the slot of every
/// subclass).
pub fn mark_new_slot(cls: Value) {
    class_data(cls).new_slot.set(true);
    USER_CLASSES.with(|s| {
        for c in s.borrow().iter() {
            if class_data(*c).mro.contains(&cls) {
                class_data(*c).new_slot.set(true);
            }
        }
    });
}

/// The user classes alive (borrowed values: a class leaves the list when it is freed).
pub fn user_classes() -> Vec<Value> {
    USER_CLASSES.with(|s| s.borrow().clone())
}

/// Called before class attribute `name` of `cls` is set to `new` (`None`: deleted), for the
/// dunders whose meaning reaches beyond the class's own namespace. Returns whether
/// [`reshape_all`] must run after the change:
/// - `__set__`/`__delete__` make the class's instances data descriptors (or stop them being
///   ones) wherever they are stored: any shaped class may hold such an instance over an
///   attribute its instances keep in a slot;
/// - `__del__` finalizes instances made from now on (`crate::finalize::on_new_instance`);
///   when instances made before (of this class or a subclass) are alive, they are
///   finalized when they die or at exit (`crate::finalize::note_late_del`).
pub fn before_protocol_change(cls: Value, name: &str, new: Option<Value>) -> R<bool> {
    match name {
        "__set__" | "__delete__" => return Ok(true),
        "__del__" if new.is_some_and(|f| !f.is_none()) => {
            let alive: usize = USER_CLASSES.with(|s| {
                s.borrow()
                    .iter()
                    .filter(|c| **c == cls || class_data(**c).mro.contains(&cls))
                    .map(|c| class_data(*c).without_del.get())
                    .sum()
            });
            if alive > 0 {
                crate::finalize::note_late_del();
            }
        }
        _ => {}
    }
    Ok(false)
}

/// Gives every shaped class a new shape: the inline caches of every class re-check what
/// attribute access means (after a change of the descriptor protocol of some class).
pub fn reshape_all() {
    class_changed();
    let all: Vec<Value> = SHAPED.with(|s| s.borrow().clone());
    all.into_iter().for_each(reshape);
}

/// `Cls[k]` through `__class_getitem__`, if the class defines it.
pub fn call_class_getitem(cls: Value, k: Value) -> R<Option<Ref>> {
    if cls == rt().t.type_ {
        return Ok(Some(crate::generic_alias::generic_alias(cls, k)));
    }
    match lookup(cls, "__class_getitem__") {
        // The builtin generic classes' own (`list[int]`, also through a subclass).
        Some(f) if is_kind(f, Kind::Builtin) => {
            Ok(Some(crate::generic_alias::generic_alias(cls, k)))
        }
        Some(f) => {
            let f = Ref::dup(f);
            crate::call::call_found(f.v(), cls, cls, Args::positional(&[k])).map(Some)
        }
        _ => Ok(None),
    }
}

/// A `staticmethod`/`classmethod`/`property` object.
pub fn wrapper(kind: WrapperKind, f: Value, setter: Value, deleter: Value) -> Ref {
    alloc_ref(
        Kind::Wrapper,
        WrapperData {
            kind,
            f: incref(f),
            setter: incref(setter),
            deleter: incref(deleter),
            doc: std::cell::Cell::new(Value::NONE),
            name: std::cell::Cell::new(Value::NONE),
        },
    )
}

/// A property from its three functions and `__doc__` (`doc` `None`: the getter's), named
/// `name` (`None` until `__set_name__`).
pub fn property_with(fget: Value, fset: Value, fdel: Value, doc: Value, name: Value) -> R<Ref> {
    let p = wrapper(WrapperKind::Property, fget, fset, fdel);
    let doc = if doc.is_none() && !fget.is_none() {
        match crate::attr::getattr_str(fget, "__doc__") {
            Ok(d) => d,
            Err(_) => {
                drop(crate::exceptions::take_pending());
                Ref::NONE
            }
        }
    } else {
        Ref::dup(doc)
    };
    let w = wrapper_data(p.v());
    w.doc.set(doc.into_raw());
    w.name.set(incref(name));
    Ok(p)
}

/// The payload of a wrapper (the caller checked the kind).
pub fn wrapper_data<'a>(v: Value) -> &'a WrapperData {
    // SAFETY: callers check the kind.
    unsafe { payload::<WrapperData>(v) }
}

/// `type(x)` / `type(name, bases, ns)`.
pub fn type_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    match args.pos {
        [x] if args.kwnames.is_empty() => Ok(Ref::dup(type_of(*x))),
        [name, bases, ns] => {
            let kw = Args {
                pos: &[],
                kwnames: args.kwnames,
                kwvals: args.kwvals,
            };
            // CPython: the `__name__` of the calling code's globals, unless `ns` sets one.
            let module = crate::modules::caller_module_name(0);
            type_new_core(rt().t.type_, *name, *bases, *ns, &[], module, kw)
        }
        _ => type_error("type() takes 1 or 3 arguments"),
    }
}

/// `super(cls, obj)`.
pub fn super_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    args.no_kw("super")?;
    match args.pos {
        [cls, obj] => {
            if !is_class(*cls) {
                return type_error(format!(
                    "super() argument 1 must be a type, not {}",
                    type_name(*cls)
                ));
            }
            // A class that is not a subclass of `cls` is an instance of its metaclass
            // (`super()` in a metaclass method).
            let ok = (is_class(*obj) && is_subclass(*obj, *cls)) || isinstance_class(*obj, *cls);
            if !ok {
                return type_error("super(type, obj): obj must be an instance or subtype of type");
            }
            Ok(alloc_ref(Kind::Super, [incref(*cls), incref(*obj)]))
        }
        [] => raise(ExcKind::RuntimeError, "super(): no arguments"),
        _ => type_error("super() takes 2 arguments here"),
    }
}

/// Attribute lookup through a `super` object.
pub fn super_getattr(sup: Value, name: &str) -> R<Ref> {
    // SAFETY: callers check the kind.
    let [cls, obj] = *unsafe { payload::<[Value; 2]>(sup) };
    // `super(C, D)` with `D` a subclass of `C` binds as a class; otherwise the object is an
    // instance of its type (a class in a metaclass method included).
    let class_mode = is_class(obj) && is_subclass(obj, cls);
    let start_type = if class_mode { obj } else { type_of(obj) };
    let mut chain = vec![start_type];
    chain.extend(class_data(start_type).mro.iter().copied());
    let pos = chain
        .iter()
        .position(|c| *c == cls)
        .map(|p| p + 1)
        .unwrap_or(chain.len());
    let hash = crate::hash::hash_text(name);
    for c in &chain[pos..] {
        if let Some(f) = dict_data(class_data(*c).dict).get_str_hashed(name, hash) {
            let f = Ref::dup(f);
            let owner = if class_mode { obj } else { type_of(obj) };
            return crate::attr::bind(f.v(), if class_mode { Value::NONE } else { obj }, owner);
        }
    }
    raise(
        ExcKind::AttributeError,
        format!("'super' object has no attribute '{name}'"),
    )
}

/// `property(fget, fset, fdel, doc)`.
pub fn property_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    let [fget, fset, fdel, doc] = args.bind("property", &["fget", "fset", "fdel", "doc"], 0)?;
    property_with(
        fget.unwrap_or(Value::NONE),
        fset.unwrap_or(Value::NONE),
        fdel.unwrap_or(Value::NONE),
        doc.unwrap_or(Value::NONE),
        Value::NONE,
    )
}

/// `staticmethod(f)`.
pub fn staticmethod_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    let [f] = args.exact("staticmethod")?;
    Ok(wrapper(
        WrapperKind::StaticMethod,
        f,
        Value::NONE,
        Value::NONE,
    ))
}

/// `classmethod(f)`.
pub fn classmethod_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    let [f] = args.exact("classmethod")?;
    Ok(wrapper(
        WrapperKind::ClassMethod,
        f,
        Value::NONE,
        Value::NONE,
    ))
}

fn recv_property(recv: Value) -> R<&'static WrapperData> {
    if is_kind(recv, Kind::Wrapper) && wrapper_data(recv).kind == WrapperKind::Property {
        Ok(wrapper_data(recv))
    } else {
        type_error("descriptor requires a 'property' object")
    }
}

/// A copy of property `p` with other functions (`@x.setter` and friends): the name is
/// kept, and the doc unless it came from the old getter and the getter changes.
fn property_copy(p: &WrapperData, fget: Value, fset: Value, fdel: Value) -> R<Ref> {
    let doc = if fget != p.f {
        Value::NONE
    } else {
        p.doc.get()
    };
    property_with(fget, fset, fdel, doc, p.name.get())
}

fn m_prop_getter(recv: Value, args: Args<'_>) -> R<Ref> {
    let p = recv_property(recv)?;
    let [f] = args.exact("getter")?;
    property_copy(p, f, p.setter, p.deleter)
}

fn m_prop_setter(recv: Value, args: Args<'_>) -> R<Ref> {
    let p = recv_property(recv)?;
    let [f] = args.exact("setter")?;
    property_copy(p, p.f, f, p.deleter)
}

fn m_prop_deleter(recv: Value, args: Args<'_>) -> R<Ref> {
    let p = recv_property(recv)?;
    let [f] = args.exact("deleter")?;
    property_copy(p, p.f, p.setter, f)
}

/// `descr.__get__(obj, owner=None)` of the builtin descriptors.
fn m_descr_get(recv: Value, args: Args<'_>) -> R<Ref> {
    let [obj, owner] = args.range::<2>("__get__", 1)?;
    let obj = obj.unwrap_or(Value::NONE);
    let owner = match owner {
        Some(o) if !o.is_none() => o,
        _ if obj.is_none() => {
            return type_error("__get__(None, None) is invalid");
        }
        _ => type_of(obj),
    };
    crate::attr::bind(recv, obj, owner)
}

/// `descr.__set__(obj, value)` of the builtin data descriptors.
fn m_descr_set(recv: Value, args: Args<'_>) -> R<Ref> {
    let [obj, value] = args.exact("__set__")?;
    crate::attr::descriptor_set(recv, obj, &descriptor_name(recv), Some(value))?;
    Ok(Ref::NONE)
}

/// `descr.__delete__(obj)` of the builtin data descriptors.
fn m_descr_delete(recv: Value, args: Args<'_>) -> R<Ref> {
    let [obj] = args.exact("__delete__")?;
    crate::attr::descriptor_set(recv, obj, &descriptor_name(recv), None)?;
    Ok(Ref::NONE)
}

/// The attribute name a builtin descriptor stands for (members and getsets know it; a
/// property knows the name `__set_name__` gave it).
fn descriptor_name(d: Value) -> String {
    let w = wrapper_data(d);
    let n = match w.kind {
        WrapperKind::Member | WrapperKind::GetSet => w.f,
        _ => w.name.get(),
    };
    crate::str::str_opt(n).unwrap_or("?").to_string()
}

// --- object's methods -------------------------------------------------------------------

fn object_init(recv: Value, args: Args<'_>) -> R<Ref> {
    if !args.pos.is_empty() || !args.kwnames.is_empty() {
        // `A(1)` where neither A nor its bases define `__init__`.
        let cls = type_of(recv);
        if lookup(cls, "__init__").is_some_and(|f| !is_kind(f, Kind::Builtin)) {
            return type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            );
        }
        if class_data(cls).layout != Layout::Value
            && lookup(cls, "__new__").is_none_or(|f| is_kind(f, Kind::Builtin))
        {
            return type_error(format!("{}() takes no arguments", class_name(cls)));
        }
    }
    Ok(Ref::NONE)
}

fn object_repr(recv: Value, _args: Args<'_>) -> R<Ref> {
    Ok(crate::str::str_from_owned(crate::ops::default_repr(recv)))
}

fn object_str(recv: Value, _args: Args<'_>) -> R<Ref> {
    crate::ops::py_repr(recv)
}

fn object_eq(recv: Value, args: Args<'_>) -> R<Ref> {
    let [other] = args.exact("__eq__")?;
    if recv == other {
        Ok(Ref::new(Value::TRUE))
    } else {
        Ok(Ref::dup(rt().not_implemented))
    }
}

/// `object.__lt__` (`OP` 0), `__le__`, `__gt__`, `__ge__` (3): `NotImplemented`, so that
/// the reflected method of the other operand, or the `TypeError` of the operator, decides.
fn object_order<const OP: usize>(_recv: Value, args: Args<'_>) -> R<Ref> {
    const NAMES: [&str; 4] = ["__lt__", "__le__", "__gt__", "__ge__"];
    crate::slots::wrapper_args::<1>(NAMES[OP], args)?;
    Ok(Ref::dup(rt().not_implemented))
}

/// `object.__subclasshook__(...)`: `NotImplemented` (the ABC machinery's default).
fn object_subclasshook(_recv: Value, _args: Args<'_>) -> R<Ref> {
    Ok(Ref::dup(rt().not_implemented))
}

fn object_ne(recv: Value, args: Args<'_>) -> R<Ref> {
    let [other] = args.exact("__ne__")?;
    // The type's own `__eq__` only, without the reflected fallbacks of `==`
    // (`None.__ne__(0)` is `NotImplemented`).
    let Some(eq) = call_dunder(recv, "__eq__", &[other])? else {
        return Ok(Ref::dup(rt().not_implemented));
    };
    if eq.v() == rt().not_implemented {
        return Ok(eq);
    }
    Ok(Ref::new(Value::from_bool(!crate::ops::is_true(eq.v())?)))
}

fn object_hash(recv: Value, _args: Args<'_>) -> R<Ref> {
    Ok(crate::int::int_from_i64(crate::hash::hash_identity(recv)))
}

fn object_format(recv: Value, args: Args<'_>) -> R<Ref> {
    let [spec] = args.exact("__format__")?;
    if crate::str::str_opt(spec).is_some_and(|s| !s.is_empty()) {
        return type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(recv)
        ));
    }
    crate::ops::py_str(recv)
}

fn object_setattr(recv: Value, args: Args<'_>) -> R<Ref> {
    let [name, value] = args.exact("__setattr__")?;
    crate::attr::generic_setattr(recv, name, value)?;
    Ok(Ref::NONE)
}

fn object_getattribute(recv: Value, args: Args<'_>) -> R<Ref> {
    let [name] = args.exact("__getattribute__")?;
    let Some(n) = crate::str::str_opt(name) else {
        return type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(name)
        ));
    };
    if is_instance(recv) {
        return crate::attr::generic_getattr(recv, n, crate::hash::hash_str(name));
    }
    crate::attr::getattr(recv, name)
}

fn object_delattr(recv: Value, args: Args<'_>) -> R<Ref> {
    let [name] = args.exact("__delattr__")?;
    crate::attr::generic_delattr(recv, name)?;
    Ok(Ref::NONE)
}

/// `object.__init_subclass__()`, a class method: the receiver is the class it is called
/// through (the new class, from `super().__init_subclass__(**kw)`), which CPython's
/// `TypeError` for keyword arguments names.
fn object_init_subclass(cls: Value, args: Args<'_>) -> R<Ref> {
    if !args.kwnames.is_empty() {
        let name = if is_class(cls) {
            class_name(cls)
        } else {
            "object".to_owned()
        };
        return type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        ));
    }
    if !args.pos.is_empty() {
        return type_error(format!(
            "{}.__init_subclass__() takes no arguments ({} given)",
            if is_class(cls) {
                class_name(cls)
            } else {
                "object".to_owned()
            },
            args.pos.len()
        ));
    }
    Ok(Ref::NONE)
}

// --- BaseException's methods ------------------------------------------------------------

/// `BaseException.__init__`: keeps the positional arguments as `args`; no keyword
/// arguments.
pub fn exc_init(recv: Value, args: Args<'_>) -> R<Ref> {
    if !args.kwnames.is_empty() {
        return type_error(format!("{}() takes no keyword arguments", type_name(recv)));
    }
    set_exc_args(recv, args.pos);
    Ok(Ref::NONE)
}

fn set_exc_args(recv: Value, pos: &[Value]) {
    if let Some(state) = crate::exceptions::exc_state(recv) {
        let new = crate::tuple::tuple_from_slice(pos).into_raw();
        crate::object::decref(state.args.replace(new));
    }
}

/// `__init__` of `StopIteration`, `SystemExit`, `ImportError`, `NameError`,
/// `AttributeError` and `OSError`: `BaseException.__init__`'s `args`, the keyword arguments
/// of the class (`crate::exceptions::init_keywords`), then the fields the arguments set
/// (`crate::exc_members::init_from_args`, `crate::exceptions::os_error_init`). An `OSError`
/// took its arguments in `__new__` unless its class takes them here
/// (`crate::exceptions::os_error_uses_init`); then this does nothing.
fn exc_fields_init(recv: Value, args: Args<'_>) -> R<Ref> {
    if isinstance_class(recv, crate::state::exc_class(ExcKind::OSError))
        && !crate::exceptions::os_error_uses_init(type_of(recv))
    {
        return Ok(Ref::NONE);
    }
    crate::exceptions::init_keywords(recv, args.kwnames, args.kwvals)?;
    set_exc_args(recv, args.pos);
    crate::exc_members::init_from_args(recv);
    crate::exceptions::os_error_init(recv);
    Ok(Ref::NONE)
}

fn exc_str(recv: Value, _args: Args<'_>) -> R<Ref> {
    Ok(crate::str::str_from_owned(
        crate::exceptions::base_exception_str(recv)?,
    ))
}

fn exc_repr(recv: Value, _args: Args<'_>) -> R<Ref> {
    Ok(crate::str::str_from_owned(
        crate::exceptions::base_exception_repr(recv)?,
    ))
}

fn exc_with_traceback(recv: Value, args: Args<'_>) -> R<Ref> {
    let [tb] = args.exact("with_traceback")?;
    crate::traceback::set_traceback(recv, tb)?;
    Ok(Ref::dup(recv))
}

/// `e.add_note(note)`: appends to the list `e.__notes__` (an instance attribute, created
/// on first use), as CPython 3.11 does.
fn exc_add_note(recv: Value, args: Args<'_>) -> R<Ref> {
    let [note] = args.exact("add_note")?;
    if !crate::str::is_str(note) {
        return type_error(format!("note must be a str, not '{}'", type_name(note)));
    }
    let key = crate::str::str_intern("__notes__");
    let notes = match crate::attr::getattr(recv, key) {
        Ok(n) => n,
        Err(e) => {
            if !crate::exceptions::pending_is(ExcKind::AttributeError) {
                return Err(e);
            }
            drop(crate::exceptions::take_pending());
            let l = crate::list::list_from_vec(Vec::new());
            crate::attr::setattr(recv, key, l.v())?;
            l
        }
    };
    if !crate::list::is_list(notes.v()) {
        return type_error("Cannot add note: __notes__ is not a list");
    }
    crate::list::list_append(notes.v(), note);
    Ok(Ref::NONE)
}

/// A builtin function object (immortal).
pub fn make_builtin(name: &'static str, f: BuiltinFn, owner: Value) -> Value {
    immortalize(alloc(
        Kind::Builtin,
        BuiltinData {
            name,
            f,
            receiver: Value::UNBOUND,
            owner,
            home: Value::NONE,
        },
    ))
}

/// How a method of a builtin type that takes no instance binds: CPython's `METH_STATIC`
/// (`str.maketrans`: `__self__` is `None`) or `METH_CLASS` (`dict.fromkeys`: `__self__` is
/// the class).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum StaticBinding {
    /// A static method.
    Static,
    /// A class method, bound to the class that defines it.
    Class,
}

/// A static or class method of the builtin class `cls` (immortal): called without a
/// receiver, it shows `cls` in its `__qualname__` and `repr`.
pub fn make_static_builtin(
    name: &'static str,
    f: BuiltinFn,
    cls: Value,
    binding: StaticBinding,
) -> Value {
    immortalize(alloc(
        Kind::Builtin,
        BuiltinData {
            name,
            f,
            receiver: match binding {
                StaticBinding::Static => Value::UNBOUND,
                StaticBinding::Class => cls,
            },
            owner: Value::NONE,
            home: cls,
        },
    ))
}

fn install(cls: Value, methods: &[(&'static str, BuiltinFn)]) {
    for (name, f) in methods {
        let m = make_builtin(name, *f, cls);
        dict_set_str(class_data(cls).dict, name, m);
    }
}

fn install_static(cls: Value, methods: &[(&'static str, BuiltinFn)], binding: StaticBinding) {
    for (name, f) in methods {
        let m = make_static_builtin(name, *f, cls, binding);
        dict_set_str(class_data(cls).dict, name, m);
    }
}

/// Fills the namespaces of the builtin classes (second phase of runtime start-up).
pub fn install_methods(r: &Runtime) {
    let t = &r.t;
    install(
        t.object,
        &[
            ("__init__", object_init),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__hash__", object_hash),
            ("__format__", object_format),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__getattribute__", object_getattribute),
            ("__lt__", object_order::<0>),
            ("__le__", object_order::<1>),
            ("__gt__", object_order::<2>),
            ("__ge__", object_order::<3>),
        ],
    );
    // CPython's `object.__new__` is a builtin bound to `object`, as its class methods are.
    install_static(
        t.object,
        &[
            ("__init_subclass__", object_init_subclass),
            ("__new__", object_new),
            ("__subclasshook__", object_subclasshook),
        ],
        StaticBinding::Class,
    );
    install(
        t.type_,
        &[
            ("__init__", type_dunder_init),
            ("__call__", type_dunder_call),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
        ],
    );
    // Both are bound to `type` in CPython (`type.__new__.__self__ is type`).
    install_static(
        t.type_,
        &[
            ("__new__", type_dunder_new),
            ("__prepare__", type_dunder_prepare),
        ],
        StaticBinding::Class,
    );
    for c in value_types() {
        install_static(c, &[("__new__", value_dunder_new)], StaticBinding::Class);
    }
    for c in [t.list, t.dict, t.set] {
        install(c, &[("__init__", container_init)]);
    }
    install(t.mappingproxy, MAPPINGPROXY_METHODS);
    dict_set_str(class_data(t.mappingproxy).dict, "__hash__", Value::NONE);
    install(t.str, crate::str::METHODS);
    install_static(t.str, crate::str::STATIC_METHODS, StaticBinding::Static);
    install(t.int, crate::int::METHODS);
    install(t.int, crate::bytes::INT_METHODS);
    install_static(t.int, crate::bytes::INT_CLASS_METHODS, StaticBinding::Class);
    install(t.float, crate::float::METHODS);
    install_static(t.float, crate::float::CLASS_METHODS, StaticBinding::Class);
    install(t.list, crate::list::METHODS);
    install(t.bytes, &crate::bytes::bytes_methods());
    install(t.bytearray, &crate::bytes::bytearray_methods());
    for c in [t.bytes, t.bytearray] {
        install_static(c, crate::bytes::CLASS_METHODS, StaticBinding::Class);
        install_static(c, crate::bytes::STATIC_METHODS, StaticBinding::Static);
    }
    dict_set_str(class_data(t.bytearray).dict, "__hash__", Value::NONE);
    install(
        r.exc[ExcKind::UnicodeEncodeError as usize],
        &[
            ("__init__", crate::codecs::unicode_error_init),
            ("__str__", crate::codecs::unicode_encode_error_str),
        ],
    );
    install(
        r.exc[ExcKind::UnicodeDecodeError as usize],
        &[
            ("__init__", crate::codecs::unicode_error_init),
            ("__str__", crate::codecs::unicode_decode_error_str),
        ],
    );
    install(
        r.exc[ExcKind::UnicodeTranslateError as usize],
        &[
            ("__init__", crate::codecs::unicode_translate_error_init),
            ("__str__", crate::codecs::unicode_translate_error_str),
        ],
    );
    for k in [
        ExcKind::SyntaxError,
        ExcKind::IndentationError,
        ExcKind::TabError,
    ] {
        install(
            r.exc[k as usize],
            &[("__init__", crate::exc_syntax::syntax_error_init)],
        );
    }
    install(
        r.exc[ExcKind::SyntaxError as usize],
        &[("__str__", crate::exc_syntax::syntax_error_str)],
    );
    crate::exc_members::install(r);
    install(t.tuple, crate::tuple::METHODS);
    install(t.dict, crate::dict::METHODS);
    install_static(t.dict, crate::dict::CLASS_METHODS, StaticBinding::Class);
    install(t.set, crate::set::METHODS);
    install(t.frozenset, crate::set::FROZEN_METHODS);
    install(t.dict_keys, crate::dict::VIEW_METHODS);
    install(t.dict_items, crate::dict::VIEW_METHODS);
    install(t.range, crate::range::METHODS);
    install(t.complex, crate::complex::METHODS);
    install(t.memoryview, crate::memoryview::METHODS);
    install(t.file, crate::io::FILE_METHODS);
    // CPython's class is `_io.TextIOWrapper`.
    dict_set_str(
        class_data(t.file).dict,
        "__module__",
        crate::str::str_from("_io").v(),
    );
    install(t.generator, crate::generator::METHODS);
    crate::slots::install(r);
    crate::generic_alias::install(r);
    install(
        t.property,
        &[
            ("getter", m_prop_getter),
            ("setter", m_prop_setter),
            ("deleter", m_prop_deleter),
            ("__get__", m_descr_get),
            ("__set__", m_descr_set),
            ("__delete__", m_descr_delete),
        ],
    );
    for c in [t.member_descriptor, t.getset_descriptor] {
        install(
            c,
            &[
                ("__get__", m_descr_get),
                ("__set__", m_descr_set),
                ("__delete__", m_descr_delete),
            ],
        );
    }
    for c in [t.staticmethod, t.classmethod] {
        install(c, &[("__get__", m_descr_get)]);
    }
    for k in [
        ExcKind::StopIteration,
        ExcKind::SystemExit,
        ExcKind::ImportError,
        ExcKind::NameError,
        ExcKind::AttributeError,
        ExcKind::OSError,
    ] {
        install(r.exc[k as usize], &[("__init__", exc_fields_init)]);
    }
    let base_exc = r.exc[ExcKind::BaseException as usize];
    install(
        base_exc,
        &[
            ("__init__", exc_init),
            ("__str__", exc_str),
            ("__repr__", exc_repr),
            ("with_traceback", exc_with_traceback),
            ("add_note", exc_add_note),
        ],
    );
    let group = r.exc[ExcKind::BaseExceptionGroup as usize];
    install(group, crate::exc_group::METHODS);
    install_static(group, crate::exc_group::CLASS_METHODS, StaticBinding::Class);
}
