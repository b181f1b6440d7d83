//! Finalizers: `__del__` of instances and the closing of suspended generators, run when the
//! object is freed and, for the objects still alive when the program ends, at exit — with
//! CPython's rules (PEP 442): a finalizer runs at most once, may resurrect its object, never
//! disturbs a pending exception, and an exception escaping it is reported on stderr
//! ("Exception ignored in: ...") and dropped.
//!
//! Objects with a finalizer (instances of a class that has `__del__` when they are made, and
//! generators) are registered with a creation number while they live. At exit
//! ([`finalize_at_exit`]) the registered objects are finalized in creation order: CPython
//! frees the `__main__` module's objects with its cycle collector, whose object list is in
//! creation order (see `docs/semantics.md` for where CPython's order differs).

use std::cell::{Cell, RefCell};

use rustc_hash::FxHashMap;

use crate::exceptions::{set_pending, take_pending};
use crate::io::{flush_stdout, write_stderr};
use crate::object::{Kind, Ref, decref, flags, incref, kind, set_flags};
use crate::value::Value;

/// Instance flag: the instance's class had `__del__` when it was made; the finalizer has not
/// run yet (the instance is in the registry).
pub const FLAG_HAS_FINALIZER: u32 = 32;
/// Instance flag: `__del__` ran (PEP 442: never again, even after a resurrection).
pub const FLAG_FINALIZED: u32 = 64;

/// Whether an instance with header flags `flags` was made while its class had no `__del__`
/// (neither finalizer flag): such instances are counted in `ClassData::without_del` while
/// they live. (No flag of its own: inline caches want the flags of plain instances zero.)
#[inline]
pub fn made_without_del(flags: u32) -> bool {
    flags & (FLAG_HAS_FINALIZER | FLAG_FINALIZED) == 0
}

thread_local! {
    /// Live objects with a finalizer that has not run: address → creation number.
    static REGISTRY: RefCell<FxHashMap<u64, u64>> = RefCell::new(FxHashMap::default());
    /// The next creation number.
    static NEXT: Cell<u64> = const { Cell::new(0) };
}

/// Records `v` (an instance with a `__del__`, or a generator) as an object to finalize.
pub fn register(v: Value) {
    let n = NEXT.with(|c| {
        let n = c.get();
        c.set(n + 1);
        n
    });
    REGISTRY.with(|r| r.borrow_mut().insert(v.0, n));
}

/// The creation stamp of an object made now, from the sequence that also numbers the
/// finalizable objects: every stamp and number is taken once, so an object registered with a
/// number below a container's stamp was made before the container (the order CPython's
/// collector keeps its objects in), and no two stamped objects tie.
#[inline]
pub fn stamp() -> u64 {
    NEXT.with(|c| {
        let n = c.get();
        c.set(n + 1);
        n
    })
}

/// [`stamp`] as an inline int (`None` past the inline range, which counts as stamp 0).
#[inline]
pub fn stamp_value() -> Value {
    i64::try_from(stamp())
        .ok()
        .and_then(Value::inline_int)
        .unwrap_or(Value::NONE)
}

/// Forgets `v` (finalized, or freed).
pub fn unregister(v: Value) {
    REGISTRY.with(|r| r.borrow_mut().remove(&v.0));
}

thread_local! {
    /// Whether `__del__` was added to a class while instances made without it were alive
    /// ([`note_late_del`]): from then on an instance made without a finalizer is checked for
    /// one when it dies, and at exit.
    static LATE_DEL: Cell<bool> = const { Cell::new(false) };
}

/// Records that a class gained `__del__` while instances made without it are alive: they
/// are finalized too, as in CPython (whose instances look `__del__` up on their class when
/// they die), when they die or at exit ([`adopt_late`]).
pub fn note_late_del() {
    LATE_DEL.with(|c| c.set(true));
}

/// For an instance `v` made while its class had no `__del__`: when the class (or a base)
/// has one now (see [`note_late_del`]), makes `v` an instance with a finalizer, registered
/// under its creation stamp, and returns `true`. `v` may be dying (count zero).
#[inline]
pub fn adopt_late(v: Value) -> bool {
    // Inlined into the free path: one thread-local test unless `__del__` came late.
    LATE_DEL.with(Cell::get) && adopt_late_slow(v)
}

#[inline(never)]
fn adopt_late_slow(v: Value) -> bool {
    if !made_without_del(flags(v)) {
        return false;
    }
    let inst = crate::class::instance_data(v);
    let cls = inst.class;
    if !crate::class::lookup(cls, "__del__").is_some_and(|d| !d.is_none()) {
        return false;
    }
    let cd = crate::class::class_data(cls);
    cd.without_del.set(cd.without_del.get().saturating_sub(1));
    set_flags(v, FLAG_HAS_FINALIZER);
    let n = inst.stamp();
    REGISTRY.with(|r| r.borrow_mut().insert(v.0, n));
    true
}

/// The number of instances alive that were made without `__del__` although their class
/// has one now: those [`finalize_at_exit`] could not reach.
fn late_unreached() -> usize {
    if !LATE_DEL.with(Cell::get) {
        return 0;
    }
    crate::class::user_classes()
        .into_iter()
        .filter(|c| crate::class::lookup(*c, "__del__").is_some_and(|d| !d.is_none()))
        .map(|c| crate::class::class_data(c).without_del.get())
        .sum()
}

/// Marks a new instance of `cls` for finalization when its class defines `__del__`.
#[inline]
pub fn on_new_instance(cls: Value, inst: Value) {
    let cd = crate::class::class_data(cls);
    let epoch = crate::class::class_epoch();
    let cached = cd.has_del.get();
    let has_del = if cached >> 1 == epoch {
        cached & 1 == 1
    } else {
        let has = crate::class::lookup(cls, "__del__").is_some_and(|f| !f.is_none());
        cd.has_del.set(epoch << 1 | u64::from(has));
        has
    };
    if has_del {
        set_flags(inst, FLAG_HAS_FINALIZER);
        register(inst);
    } else {
        cd.without_del.set(cd.without_del.get() + 1);
    }
}

/// Prints CPython's report of an exception that cannot propagate (`PyErr_WriteUnraisable`):
/// `Exception ignored in: <repr of where>` and the traceback, on stderr. Consumes the
/// pending exception.
pub fn write_unraisable(where_: Value) {
    if crate::exceptions::peek_pending() == Value::UNBOUND {
        return;
    }
    let exc = take_pending();
    let what = crate::ops::repr_string(where_).unwrap_or_else(|_| {
        drop(take_pending());
        "<object repr() failed>".to_owned()
    });
    if let Some(e) = exc {
        set_pending(e);
    }
    write_unraisable_text(&what);
}

/// [`write_unraisable`] with the text of the object already made.
pub fn write_unraisable_text(what: &str) {
    let Some(exc) = take_pending() else {
        return;
    };
    flush_stdout();
    write_stderr(&format!("Exception ignored in: {what}\n"));
    write_stderr(&crate::traceback::unraisable_traceback_text(exc.v()));
}

/// Runs `__del__` of instance `v` (alive: the caller holds a reference), once.
fn call_del(v: Value) {
    let f = flags(v);
    if f & FLAG_FINALIZED != 0 {
        return;
    }
    unregister(v);
    // SAFETY: `v` is a live pointer value (an instance).
    unsafe {
        (*v.as_ptr())
            .flags
            .set((f & !FLAG_HAS_FINALIZER) | FLAG_FINALIZED)
    };
    let cls = crate::class::type_of(v);
    let Some(del) = crate::class::lookup(cls, "__del__").filter(|d| !d.is_none()) else {
        return;
    };
    let del = Ref::dup(del);
    let saved = take_pending();
    if crate::call::call_found(del.v(), v, cls, crate::object::Args::positional(&[])).is_err() {
        write_unraisable(del.v());
    }
    if let Some(s) = saved {
        set_pending(s);
    }
}

/// Called by `dealloc` for an instance whose count reached zero and that has a finalizer:
/// runs `__del__` with the object alive again for the call. Returns `true` when `__del__`
/// resurrected it (stored a new reference somewhere): the object must not be freed.
pub fn instance_dying(v: Value) -> bool {
    // SAFETY: `v` is a pointer value whose count just reached zero: it is still allocated.
    let header = unsafe { &*v.as_ptr() };
    header.refcount.set(1);
    call_del(v);
    let n = header.refcount.get() - 1;
    header.refcount.set(n);
    n > 0
}

thread_local! {
    /// The program's module (`__main__`), borrowed: the module initializer keeps it alive.
    static MAIN_MODULE: Cell<Value> = const { Cell::new(Value::NONE) };
}

/// Records the program's module, whose globals [`finalize_at_exit`] starts from (CPython
/// tracks a module's dict from the start: older than every object of the program).
pub fn set_main_module(m: Value) {
    MAIN_MODULE.with(|c| {
        if c.get().is_none() {
            c.set(m);
            crate::dict::dict_data(crate::modules::module_dict(m)).set_tracked(0);
        }
    });
}

/// The objects `v` references, in the order CPython's `tp_traverse` visits them (lists and
/// tuples last item first, dicts and instance attributes in insertion order).
fn referents(v: Value, out: &mut Vec<Value>) {
    use crate::object::payload;
    match kind(v) {
        Kind::List => out.extend(crate::list::list_vec(v).iter().rev()),
        Kind::Tuple => out.extend(crate::tuple::tuple_items(v).iter().rev()),
        Kind::Dict => out.extend(
            crate::dict::dict_data(v)
                .items()
                .into_iter()
                .map(|(_, x)| x),
        ),
        Kind::Set => out.extend(crate::set::set_data(v).keys()),
        Kind::Module => out.push(crate::modules::module_dict(v)),
        Kind::Cell => {
            // SAFETY: kind checked; a cell's payload is its content.
            out.push(unsafe { *payload::<std::cell::UnsafeCell<Value>>(v).get() })
        }
        Kind::Function => {
            // SAFETY: kind checked.
            let f = unsafe { payload::<crate::object::FunctionData>(v) };
            out.extend(f.defaults.iter().chain(f.closure.iter()));
        }
        Kind::BoundMethod => {
            // SAFETY: kind checked: a bound method is (function, self).
            out.extend(unsafe { payload::<[Value; 2]>(v) }.iter());
        }
        Kind::Class => {
            let cd = crate::class::class_data(v);
            out.push(cd.dict);
            if !cd.meta.is_none() {
                out.push(cd.meta);
            }
        }
        Kind::Instance => {
            let inst = crate::class::instance_data(v);
            out.push(inst.class);
            if !inst.slots.is_null() {
                let n = crate::class::class_data(inst.class).slots.len();
                // SAFETY: an instance's slot array has one word per slot name of its class.
                let slots = unsafe { std::slice::from_raw_parts(inst.slots, n) };
                out.extend(slots.iter().filter(|x| **x != Value::UNBOUND));
            }
            // CPython keeps the attributes in the instance itself.
            if let Some(d) = inst.dict_opt() {
                out.extend(
                    crate::dict::dict_data(d)
                        .items()
                        .into_iter()
                        .map(|(_, x)| x),
                );
            }
            if let Some(e) = &inst.exc {
                out.push(e.args.get());
                if crate::exc_group::is_group(v) {
                    // An exception group's tuple of exceptions.
                    out.push(e.obj.get());
                }
                out.extend(e.held.borrow().iter());
                out.extend(
                    e.members
                        .get()
                        .into_iter()
                        .flatten()
                        .map(|m| m.get())
                        .filter(|x| *x != Value::UNBOUND),
                );
            }
        }
        _ => {}
    }
}

/// The stamp below which the objects `c` references were made before it, when CPython's
/// collector scans `c` in place ([`finalize_at_exit`]): `u64::MAX` when all of them are
/// (a tuple, a function's defaults and closure, a bound method's function and object, a
/// class's namespace, which `type()` copies), 0 when none is (a module's globals).
fn older_than(c: Value) -> u64 {
    match kind(c) {
        Kind::List => crate::list::list_stamp(c),
        Kind::Set => crate::set::set_data(c).stamp,
        Kind::Dict => crate::dict::dict_data(c).tracked(),
        Kind::Instance => crate::class::instance_data(c).stamp(),
        Kind::Module => 0,
        _ => u64::MAX,
    }
}

/// Finalizes the objects still alive at exit (after the uncaught exception, if any, was
/// reported and dropped): `__del__` of instances and `close()` of suspended generators.
///
/// The order is CPython's: its shutdown frees the module's objects with the cycle collector,
/// whose list is in the order the objects were made (tracked, for a dict: when it first
/// held a container or an instance). Its scan from the module's globals keeps an object it
/// reaches from a container made *before* the object in place, and moves the object to the
/// end when it was made before the container (the items of a tuple, of a display like
/// `[C(1), C(2)]`, of `list(t)`, `x * 3`, an instance's arguments `D(C())`), or when the
/// container itself was moved. So: the objects found in place in creation order, then the
/// moved ones in the order the scan finds them, breadth first from the module's globals.
/// Objects freed meanwhile (by an earlier finalizer) are skipped.
pub fn finalize_at_exit() {
    let mut registered: FxHashMap<u64, u64> = REGISTRY.with(|r| r.borrow().clone());
    if registered.is_empty() && !LATE_DEL.with(Cell::get) {
        return;
    }
    let mut moved: Vec<u64> = Vec::new();
    let main = MAIN_MODULE.with(Cell::get);
    if main.is_ptr() {
        let mut seen: rustc_hash::FxHashSet<u64> = rustc_hash::FxHashSet::default();
        // (container, whether the scan moved it to the end)
        // (container, whether the scan moved it to the end, whether it stands for the
        // tuples of a function's defaults and closure, made before the function: CPython
        // moves them when it scans the function and reaches their items later)
        let mut queue = std::collections::VecDeque::from([(main, false, false)]);
        seen.insert(main.0);
        let mut children = Vec::new();
        while let Some((c, c_moved, tuples)) = queue.pop_front() {
            children.clear();
            if kind(c) == Kind::Function && !tuples {
                queue.push_back((c, true, true));
                continue;
            }
            referents(c, &mut children);
            // A moved container is scanned after every other object: all it references
            // is behind it.
            let older = if c_moved { u64::MAX } else { older_than(c) };
            for &x in &children {
                if !x.is_ptr() || crate::object::refcount(x) >= crate::object::IMMORTAL {
                    continue;
                }
                if !seen.insert(x.0) {
                    continue;
                }
                if kind(x) == Kind::Instance && adopt_late(x) {
                    registered.insert(x.0, crate::class::instance_data(x).stamp());
                }
                let made = match registered.get(&x.0) {
                    Some(n) => *n,
                    None => match kind(x) {
                        Kind::List | Kind::Set | Kind::Instance => older_than(x),
                        Kind::Dict => crate::dict::dict_data(x).tracked(),
                        _ => u64::MAX,
                    },
                };
                let x_moved = made < older;
                if x_moved && registered.contains_key(&x.0) {
                    moved.push(x.0);
                }
                queue.push_back((x, x_moved, false));
            }
        }
    }
    let mut order: Vec<(u64, u64)> = registered
        .iter()
        .filter(|(a, _)| !moved.contains(a))
        .map(|(a, n)| (*n, *a))
        .collect();
    order.sort_unstable();
    let order = order.into_iter().map(|(_, a)| a).chain(moved);
    for addr in order {
        // Still registered means still alive and not finalized.
        if !REGISTRY.with(|r| r.borrow().contains_key(&addr)) {
            continue;
        }
        let v = incref(Value(addr));
        match kind(v) {
            Kind::Instance => call_del(v),
            Kind::Generator => {
                unregister(v);
                crate::generator::close_for_finalizer(v);
            }
            _ => unregister(v),
        }
        decref(v);
    }
    flush_stdout();
    let unreached = late_unreached();
    if unreached > 0 {
        // Instances made before their class gained `__del__` and not reachable from the
        // globals (in a garbage cycle): CPython's collector would finalize them here; molt
        // cannot find them, and says so rather than print less than CPython.
        write_stderr(&format!(
            "NotImplementedError: molt: {unreached} instance(s) made before their class gained __del__ were not finalized at exit (unreachable from the globals)\n"
        ));
    }
}
