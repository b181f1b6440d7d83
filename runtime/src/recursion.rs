//! Bounded recursion: the runtime's own recursive operations (`repr`, `str`, comparison of
//! nested containers, hashing of nested tuples, generator resumption) count against the same
//! depth and limit as Python calls, and every check also looks at the native stack, so a deep
//! structure raises `RecursionError` instead of overflowing the native stack.
//!
//! CPython 3.11 counts "C recursion" and Python frames with one counter
//! (`Py_EnterRecursiveCall`): `repr()` of a list nested 10,000 deep fails with
//! `RecursionError: maximum recursion depth exceeded while getting the repr of an object`
//! because each nested `repr` is one level. [`enter`] is that counter here: the call depth of
//! `molt_depth` (see `docs/runtime.md`, "Calling convention") plus the message suffix CPython
//! uses at that place.
//!
//! The native stack check is independent of the limit: each thread records the lowest address
//! its current stack may use (the thread's stack, or a generator's own stack while it runs)
//! plus [`STACK_MARGIN`]; [`stack_exhausted`] compares the address of a local with it. Checks
//! happen at every counted level and at every call through `molt_call`, so the margin covers
//! the native frames between two checks.

use std::cell::Cell;

use crate::exceptions::{ExcKind, R, raise};
use crate::state::rt;

/// Bytes of native stack kept free below the last check: a `RecursionError` is raised when
/// less than this is left (deep Rust code between two checks, and the raise itself, run in it).
#[cfg(not(target_arch = "wasm32"))]
pub const STACK_MARGIN: usize = 256 << 10;
/// Bytes of shadow stack kept free below the last check on wasm32, where only address-taken
/// and large locals live in linear memory (frames are far smaller than native ones).
#[cfg(target_arch = "wasm32")]
pub const STACK_MARGIN: usize = 64 << 10;

thread_local! {
    /// The lowest stack address (plus [`STACK_MARGIN`]) the code running on this thread may
    /// reach before a check raises; 0 when unknown (no check).
    static STACK_LIMIT: Cell<usize> = const { Cell::new(0) };
}

/// The address of a local of the caller's frame: where the native stack is now (stacks grow
/// downwards on every supported target).
#[inline(always)]
pub fn stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// The limit [`stack_exhausted`] compares with (0: none).
#[inline]
pub fn stack_limit() -> usize {
    STACK_LIMIT.with(Cell::get)
}

/// Sets the stack limit of this thread to `low + STACK_MARGIN` for a stack whose lowest usable
/// address is `low` (0: no check); returns the previous limit, for [`restore_stack_limit`].
pub fn set_stack_bottom(low: usize) -> usize {
    let limit = if low == 0 { 0 } else { low + STACK_MARGIN };
    STACK_LIMIT.with(|l| l.replace(limit))
}

/// Puts back a limit returned by [`set_stack_bottom`].
pub fn restore_stack_limit(limit: usize) {
    STACK_LIMIT.with(|l| l.set(limit));
}

/// Whether the native stack is nearly used up (less than [`STACK_MARGIN`] left).
#[inline]
pub fn stack_exhausted() -> bool {
    let limit = stack_limit();
    limit != 0 && stack_pointer() < limit
}

/// Records the bounds of the current thread's stack (called once per thread, when its runtime
/// state is created). Unknown bounds disable the native stack check on this thread.
pub fn init_thread_stack() {
    set_stack_bottom(thread_stack_bottom().unwrap_or(0));
}

/// The lowest usable address of the current thread's stack, from the thread library.
#[cfg(all(target_os = "linux", not(target_arch = "wasm32")))]
fn thread_stack_bottom() -> Option<usize> {
    // SAFETY: `pthread_getattr_np` fills `attr` for the calling thread; it is destroyed after
    // use, and the out-parameters are plain integers and pointers.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let mut guard: libc::size_t = 0;
        let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
        let _ = libc::pthread_attr_getguardsize(&attr, &mut guard);
        libc::pthread_attr_destroy(&mut attr);
        if !ok || addr.is_null() || size <= STACK_MARGIN {
            return None;
        }
        // Older C libraries report the guard area as part of the stack: skip it either way.
        Some(addr as usize + guard)
    }
}

/// The lowest usable address of the current thread's stack, from the thread library.
#[cfg(target_os = "macos")]
fn thread_stack_bottom() -> Option<usize> {
    // SAFETY: both functions only read the calling thread's descriptor.
    unsafe {
        let me = libc::pthread_self();
        let top = libc::pthread_get_stackaddr_np(me) as usize;
        let size = libc::pthread_get_stacksize_np(me);
        (top > size && size > STACK_MARGIN).then(|| top - size)
    }
}

/// The lowest address of wasm32's shadow stack (the stack in linear memory that holds the
/// frames' address-taken and large locals), from the linker: `wasm-ld` defines
/// `__stack_low` and `__stack_high` around the region `-z stack-size` reserves. The stack
/// has no guard page, so this check, with the margin, is what keeps deep recursion from
/// writing below the stack into the program's data (with `--stack-first`, an overflow past
/// address 0 traps instead).
#[cfg(target_arch = "wasm32")]
fn thread_stack_bottom() -> Option<usize> {
    unsafe extern "C" {
        static __stack_low: u8;
        static __stack_high: u8;
    }
    let low = (&raw const __stack_low) as usize;
    let high = (&raw const __stack_high) as usize;
    // With `--stack-first` the stack may start at address 0, which `set_stack_bottom` would
    // take for "unknown": 1 is as good a bottom.
    (high > low && high - low > 2 * STACK_MARGIN).then_some(low.max(1))
}

/// Stack bounds are unknown on this target.
#[cfg(not(any(
    all(target_os = "linux", not(target_arch = "wasm32")),
    target_os = "macos",
    target_arch = "wasm32"
)))]
fn thread_stack_bottom() -> Option<usize> {
    None
}

/// One level of counted recursion; leaving it (drop) gives the level back.
#[must_use = "the level is given back when the guard is dropped"]
pub struct Depth(());

impl Drop for Depth {
    #[inline]
    fn drop(&mut self) {
        let d = rt().depth;
        d.set(d.get().saturating_sub(1));
    }
}

/// Enters one level of recursion, or raises `RecursionError: maximum recursion depth
/// exceeded{what}` when the depth has reached the recursion limit or the native stack is
/// nearly exhausted. `what` is CPython's suffix for the place (`""` for calls,
/// `" while getting the repr of an object"`, `" in comparison"`, ...).
#[inline]
pub fn enter(what: &'static str) -> R<Depth> {
    match try_enter() {
        Some(g) => Ok(g),
        None => raise_recursion(what),
    }
}

/// [`enter`] without raising: `None` past the limit (for callers that fall back to a path
/// that raises).
#[inline]
pub fn try_enter() -> Option<Depth> {
    let r = rt();
    let depth = r.depth.get();
    if depth >= r.recursion_limit.get() || stack_exhausted() {
        return None;
    }
    r.depth.set(depth + 1);
    Some(Depth(()))
}

/// Raises `RecursionError` when the native stack is nearly exhausted (for recursion CPython
/// does not count, such as hashing nested tuples; there CPython itself may crash).
#[inline]
pub fn check_stack(what: &'static str) -> R<()> {
    if stack_exhausted() {
        return raise_recursion(what);
    }
    Ok(())
}

#[cold]
fn raise_recursion<T>(what: &str) -> R<T> {
    raise(
        ExcKind::RecursionError,
        format!("maximum recursion depth exceeded{what}"),
    )
}

/// CPython's suffix for `repr()`.
pub const IN_REPR: &str = " while getting the repr of an object";
/// CPython's suffix for `str()`.
pub const IN_STR: &str = " while getting the str of an object";
/// CPython's suffix for rich comparisons.
pub const IN_COMPARISON: &str = " in comparison";
/// CPython's suffix for calls of builtin functions and methods that it counts (`METH_O`,
/// `METH_NOARGS` and `METH_VARARGS` ones, such as `abs`, `hash`, `repr`, `min`, `max` and
/// the `write` of `print`).
pub const IN_CALL: &str = " while calling a Python object";
