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

use crate::exceptions::{set_pending, take_pending, traceback_text};
use crate::io::{flush_stdout, write_stderr};
use crate::object::{Kind, Ref, decref, flags, incref, kind, set_flags};
use crate::value::Value;

/// Instance flag: the instance's class had `__del__` when it was made; the finalizer has not
/// run yet (the instance is in the registry).
pub const FLAG_HAS_FINALIZER: u32 = 32;
/// Instance flag: `__del__` ran (PEP 442: never again, even after a resurrection).
pub const FLAG_FINALIZED: u32 = 64;

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

/// Forgets `v` (finalized, or freed).
pub fn unregister(v: Value) {
    REGISTRY.with(|r| r.borrow_mut().remove(&v.0));
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
    write_stderr(&traceback_text(exc.v()));
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

/// Finalizes the objects still alive at exit (after the uncaught exception, if any, was
/// reported and dropped): `__del__` of instances and `close()` of suspended generators, in
/// creation order. Objects finalized meanwhile (freed by an earlier finalizer) are skipped.
pub fn finalize_at_exit() {
    let mut pending: Vec<(u64, u64)> =
        REGISTRY.with(|r| r.borrow().iter().map(|(a, n)| (*n, *a)).collect());
    pending.sort_unstable();
    for (_, addr) in pending {
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
}
