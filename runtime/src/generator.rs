//! Generators: calling a generator function (code flag bit 0) makes a generator object;
//! `next`, `send`, `throw` and `close` resume its body, `yield` suspends it; PEP 479 turns a
//! `StopIteration` escaping the body into `RuntimeError`.
//!
//! This module has the semantics every target shares (states, the methods, the
//! handled-exception state kept across suspensions, the recursion depth, closing when freed);
//! how a body starts, resumes and suspends is its submodule `body`'s business:
//! - native targets (`stackful.rs`): the body is ordinary compiled code on its own stack
//!   (a stackful coroutine, `corosensei`), `molt_yield` switches back to the resumer;
//! - wasm32 (`machine.rs`): the body is compiled as a state machine that returns at each
//!   `yield` after saving its locals in the generator's save area (`molt_gen_state`,
//!   `molt_gen_sent`; the protocol is in that file and `docs/runtime.md`).
//!
//! Resumption protocol, on both: the body's input is the sent value (a new reference), or
//! `Value::ERROR` with an exception pending (`throw`, `close`), which the `yield` evaluates
//! to so the compiled body propagates it. A generator freed while suspended is closed first
//! (its `finally` blocks run); one that refuses to close is dropped without unwinding (its
//! frame's references leak, nothing is freed twice).

use std::cell::{Cell, RefCell, UnsafeCell};

use crate::exceptions::{
    ExcKind, R, Raised, pending_is, raise, set_pending, take_pending, type_error,
};
use crate::object::{Args, Kind, Ref, alloc_ref, decref, incref, is_kind, payload};
use crate::state::exc_class;
use crate::value::Value;

#[cfg(not(target_arch = "wasm32"))]
mod stackful;
#[cfg(not(target_arch = "wasm32"))]
use stackful as body;

// Also compiled natively for its unit tests, which drive the protocol by hand.
#[cfg(any(target_arch = "wasm32", test))]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod machine;
#[cfg(target_arch = "wasm32")]
use machine as body;

use body::Body;
pub use body::{save_area, sent_value, yield_owned, yield_value};

/// The code of a generator function: `fn(func, args) -> Value` (the calling convention of
/// compiled functions, `docs/runtime.md`).
pub type Entry = extern "C" fn(Value, *const Value) -> Value;

/// What one resumption of a body produced.
pub enum Step {
    /// The body suspended at a `yield` of this value (owned).
    Yield(Value),
    /// The body finished with this result (owned), or `Value::ERROR` with the exception
    /// pending.
    Return(Value),
}

/// Where a generator is in its life.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    /// Not started.
    Created,
    /// Stopped at a `yield`.
    Suspended,
    /// Running (a resumption is in progress).
    Running,
    /// Returned or raised.
    Done,
}

/// The payload of a generator object.
pub struct GenData {
    /// The body; `None` once finished.
    body: UnsafeCell<Option<Body>>,
    state: Cell<GenState>,
    /// The exceptions its handlers were handling when it suspended (owned), restored on top
    /// of the resumer's when it resumes (CPython's `gi_exc_state`).
    handled: RefCell<Vec<Value>>,
    /// `__qualname__` (a str, owned): the generator function's when it was called, then
    /// whatever the program assigns.
    pub qualname: Cell<Value>,
    /// `__name__` (a str, owned), like `qualname`.
    pub name: Cell<Value>,
}

/// The payload of a generator (the caller checked the kind).
pub fn gen_data<'a>(g: Value) -> &'a GenData {
    // SAFETY: callers check the kind.
    unsafe { payload::<GenData>(g) }
}

/// Whether `v` is a generator.
pub fn is_generator(v: Value) -> bool {
    is_kind(v, Kind::Generator)
}

/// Makes the generator object for a call of generator function `func` whose arguments are
/// already bound into `args` (one owned value per parameter): the generator's frame owns
/// them, as CPython moves a call's arguments into the generator. A generator that never
/// starts releases them when it is freed; a started one hands them to the body, which
/// releases them with its other locals.
pub fn make_generator(
    func: Value,
    name: Value,
    qualname: Value,
    entry: Entry,
    args: Vec<Ref>,
) -> R<Ref> {
    let body = Body::new(func, entry, args)?;
    let g = alloc_ref(
        Kind::Generator,
        GenData {
            body: UnsafeCell::new(Some(body)),
            state: Cell::new(GenState::Created),
            handled: RefCell::new(Vec::new()),
            qualname: Cell::new(incref(qualname)),
            name: Cell::new(incref(name)),
        },
    );
    crate::finalize::register(g.v());
    Ok(g)
}

/// What a resumption produced.
pub enum Resumed {
    /// The generator yielded this item.
    Yielded(Ref),
    /// The generator returned this value (finished).
    Returned(Ref),
}

/// Runs one step of `body` (the body of `gd`) with `input`, as a frame of its own for the
/// handled-exception stack: the generator's saved handled exceptions go back on top of the
/// resumer's while it runs, and are saved again if it suspends (CPython's `gi_exc_state`).
/// The body counts as one call for the recursion depth (the caller checked the limit), and
/// the native stack check looks at the body's own stack while it runs (if it has one).
fn step(gd: &GenData, body: &mut Body, input: Value) -> Step {
    let r = crate::state::rt();
    let depth = r.depth.get();
    r.depth.set(depth + 1);
    let outer_limit = body.stack_bottom().map(crate::recursion::set_stack_bottom);
    let base = crate::exceptions::frame_enter();
    let saved = std::mem::take(&mut *gd.handled.borrow_mut());
    let own = !saved.is_empty();
    crate::exceptions::handled_extend(saved);
    if input.is_error() && own {
        // `throw()`/`close()` into a generator suspended in a handler: the thrown exception
        // is raised while the handler's exception is being handled.
        let p = crate::exceptions::peek_pending();
        if p != Value::UNBOUND {
            crate::exceptions::chain_context(p);
        }
    }
    let result = body.resume(input);
    if matches!(result, Step::Yield(_)) {
        *gd.handled.borrow_mut() = crate::exceptions::handled_split_frame();
    }
    crate::exceptions::frame_exit(base);
    if let Some(l) = outer_limit {
        crate::recursion::restore_stack_limit(l);
    }
    r.depth.set(depth);
    result
}

/// Resuming `g` would pass the recursion limit: like CPython, whose generator frame fails
/// to start, the generator is finished without running its handlers (a suspended body's
/// frame is abandoned: its references leak) and `RecursionError` is raised.
#[cold]
fn resume_too_deep(g: Value, input: Value) -> R<Resumed> {
    decref(input);
    let gd = gen_data(g);
    match gd.state.get() {
        GenState::Created => close_created(g),
        _ => {
            gd.state.set(GenState::Done);
            // SAFETY: single-threaded; the generator is not running.
            if let Some(body) = unsafe { &mut *gd.body.get() }.take() {
                body.abandon();
            }
            let left = std::mem::take(&mut *gd.handled.borrow_mut());
            crate::object::decref_all(&left);
        }
    }
    raise(ExcKind::RecursionError, "maximum recursion depth exceeded")
}

/// Resumes `g` with `input` (owned; `Value::ERROR` to raise the pending exception inside).
fn resume(g: Value, input: Value) -> R<Resumed> {
    let gd = gen_data(g);
    match gd.state.get() {
        GenState::Running => {
            decref(input);
            return raise(ExcKind::ValueError, "generator already executing");
        }
        GenState::Done => {
            if input.is_error() {
                return Err(Raised);
            }
            decref(input);
            return Ok(Resumed::Returned(Ref::NONE));
        }
        GenState::Created | GenState::Suspended => {}
    }
    let r = crate::state::rt();
    if r.depth.get() >= r.recursion_limit.get() {
        return resume_too_deep(g, input);
    }
    gd.state.set(GenState::Running);
    // SAFETY: single-threaded; the `Running` state keeps any re-entrant resumption (from
    // inside the body) away from the body while this borrow is live.
    let slot = unsafe { &mut *gd.body.get() };
    let Some(body) = slot.as_mut() else {
        gd.state.set(GenState::Done);
        return Ok(Resumed::Returned(Ref::NONE));
    };
    let result = step(gd, body, input);
    match result {
        Step::Yield(v) => {
            gd.state.set(GenState::Suspended);
            Ok(Resumed::Yielded(Ref::new(v)))
        }
        Step::Return(r) => {
            gd.state.set(GenState::Done);
            if let Some(body) = slot.take() {
                body.finished();
            }
            if r.is_error() {
                if pending_is(ExcKind::StopIteration) {
                    // PEP 479: the `StopIteration` is the `RuntimeError`'s cause (and context).
                    let stop = take_pending();
                    return crate::exceptions::raise_with_cause(
                        ExcKind::RuntimeError,
                        "generator raised StopIteration",
                        stop,
                    );
                }
                return Err(Raised);
            }
            Ok(Resumed::Returned(Ref::new(r)))
        }
    }
}

/// `next(g)` for iteration: `Ok(None)` when the generator returned (its value is dropped).
pub fn gen_next(g: Value) -> R<Option<Ref>> {
    match resume(g, Value::NONE)? {
        Resumed::Yielded(x) => Ok(Some(x)),
        Resumed::Returned(_) => Ok(None),
    }
}

/// Raises `StopIteration` for a generator that returned `value`: no arguments for `None`
/// (as CPython's `_PyGen_SetStopIterationValue`), else `StopIteration(value)`.
fn stop_iteration<T>(value: Ref) -> R<T> {
    if value.v().is_none() {
        crate::exceptions::raise_with(ExcKind::StopIteration, Vec::new())
    } else {
        crate::exceptions::raise_with(ExcKind::StopIteration, vec![value])
    }
}

fn item_or_stop(r: Resumed) -> R<Ref> {
    match r {
        Resumed::Yielded(x) => Ok(x),
        Resumed::Returned(v) => stop_iteration(v),
    }
}

/// `next(g)` as the builtin: the item, or `StopIteration` carrying the return value.
pub fn gen_next_or_stop(g: Value) -> R<Ref> {
    item_or_stop(resume(g, Value::NONE)?)
}

/// `g.send(v)`.
pub fn gen_send(g: Value, v: Value) -> R<Ref> {
    if gen_data(g).state.get() == GenState::Created && !v.is_none() {
        return type_error("can't send non-None value to a just-started generator");
    }
    item_or_stop(resume(g, incref(v))?)
}

/// `g.throw(exc)`.
pub fn gen_throw(g: Value, exc: Value) -> R<Ref> {
    let e = if crate::class::is_class(exc) {
        crate::class::call_class_object(exc, Args::positional(&[]))?
    } else if crate::exceptions::is_exception(exc) {
        Ref::dup(exc)
    } else {
        return type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            crate::class::type_name(exc)
        ));
    };
    if gen_data(g).state.get() == GenState::Created {
        // Never started: the exception is raised at once and the generator is finished.
        close_created(g);
        set_pending(e);
        return Err(Raised);
    }
    set_pending(e);
    item_or_stop(resume(g, Value::ERROR)?)
}

fn close_created(g: Value) {
    let gd = gen_data(g);
    gd.state.set(GenState::Done);
    // SAFETY: single-threaded; the generator is not running.
    // A body that never started releases the arguments.
    drop(unsafe { &mut *gd.body.get() }.take());
}

/// `g.close()`.
pub fn gen_close(g: Value) -> R<()> {
    let gd = gen_data(g);
    match gd.state.get() {
        GenState::Created => {
            close_created(g);
            return Ok(());
        }
        GenState::Done => return Ok(()),
        GenState::Running => return raise(ExcKind::ValueError, "generator already executing"),
        GenState::Suspended => {}
    }
    let exit = crate::exceptions::new_exception(
        exc_class(ExcKind::GeneratorExit),
        Ref::dup(crate::state::rt().empty_tuple),
    );
    set_pending(exit);
    match resume(g, Value::ERROR) {
        Ok(Resumed::Yielded(_)) => raise(ExcKind::RuntimeError, "generator ignored GeneratorExit"),
        Ok(Resumed::Returned(_)) => Ok(()),
        Err(Raised) if pending_is(ExcKind::GeneratorExit) => {
            drop(take_pending());
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// Closes a generator that is still alive at exit (see [`crate::finalize`]): a suspended
/// one gets `GeneratorExit` (its `finally` blocks run); an exception escaping is reported
/// as CPython's finalizer does ("Exception ignored in: <generator object ...>").
pub fn close_for_finalizer(g: Value) {
    if gen_data(g).state.get() != GenState::Suspended {
        return;
    }
    let saved = take_pending();
    if gen_close(g).is_err() {
        crate::finalize::write_unraisable(g);
    }
    if let Some(s) = saved {
        set_pending(s);
    }
}

/// Frees a generator's body (the object `g` is being deallocated: its count is zero).
/// A suspended generator is closed first (its `finally` blocks run), without disturbing a
/// pending exception; an exception escaping is reported on stderr, as CPython's finalizer
/// does. One that yields again is dropped without unwinding.
pub fn release(g: Value, gd: &GenData) {
    crate::finalize::unregister(g);
    // SAFETY: single-threaded; the object is being freed, nobody else can resume it.
    let slot = unsafe { &mut *gd.body.get() };
    if let Some(mut body) = slot.take() {
        if body.suspended() {
            let saved = take_pending();
            let exit = crate::exceptions::new_exception(
                exc_class(ExcKind::GeneratorExit),
                Ref::dup(crate::state::rt().empty_tuple),
            );
            set_pending(exit);
            gd.state.set(GenState::Running);
            let (escaped, finished) = match step(gd, &mut body, Value::ERROR) {
                Step::Yield(v) => {
                    decref(v);
                    drop(take_pending());
                    let _: R<()> = raise(ExcKind::RuntimeError, "generator ignored GeneratorExit");
                    (true, false)
                }
                Step::Return(r) if !r.is_error() => {
                    decref(r);
                    (false, true)
                }
                Step::Return(_) => (!pending_is(ExcKind::GeneratorExit), true),
            };
            gd.state.set(GenState::Done);
            if escaped {
                // The object cannot be handed to `repr` (its count is zero): its repr by hand.
                let what = format!(
                    "<generator object {} at {}>",
                    crate::str::as_str(gd.qualname.get()),
                    crate::ops::addr(g)
                );
                crate::finalize::write_unraisable_text(&what);
            }
            drop(take_pending());
            if let Some(s) = saved {
                set_pending(s);
            }
            if finished {
                body.finished();
            } else {
                body.abandon();
            }
        } else {
            drop(body);
        }
    }
    decref(gd.qualname.get());
    decref(gd.name.get());
    let left = std::mem::take(&mut *gd.handled.borrow_mut());
    crate::object::decref_all(&left);
}

/// The data attributes of generator `g` (`__name__`, `__qualname__`, `gi_running`,
/// `gi_suspended`); `None` for other names.
pub fn gen_getattr(g: Value, name: &str) -> Option<Ref> {
    let gd = gen_data(g);
    Some(match name {
        "__name__" => Ref::dup(gd.name.get()),
        "__qualname__" => Ref::dup(gd.qualname.get()),
        "gi_running" => Ref::new(Value::from_bool(gd.state.get() == GenState::Running)),
        "gi_suspended" => Ref::new(Value::from_bool(gd.state.get() == GenState::Suspended)),
        _ => return None,
    })
}

/// `g.name = v` (`v` is `None` for `del g.name`) for the writable attributes of generator
/// `g` (`__name__`, `__qualname__`: strs, as in CPython); `None` for other names.
pub fn gen_setattr(g: Value, name: &str, v: Option<Value>) -> Option<R<()>> {
    let gd = gen_data(g);
    let cell = match name {
        "__name__" => &gd.name,
        "__qualname__" => &gd.qualname,
        _ => return None,
    };
    Some(match v {
        Some(v) if crate::str::is_str(v) => {
            decref(cell.replace(incref(v)));
            Ok(())
        }
        _ => type_error(format!("{name} must be set to a string object")),
    })
}

fn recv_gen(recv: Value) -> R<Value> {
    if is_generator(recv) {
        Ok(recv)
    } else {
        type_error("descriptor requires a 'generator' object")
    }
}

fn m_send(recv: Value, args: Args<'_>) -> R<Ref> {
    let g = recv_gen(recv)?;
    let [v] = args.exact("send")?;
    gen_send(g, v)
}

fn m_throw(recv: Value, args: Args<'_>) -> R<Ref> {
    let g = recv_gen(recv)?;
    let [t, v, _tb] = args.range::<3>("throw", 1)?;
    let exc = match v {
        Some(v) if !v.is_none() && crate::class::is_class(t.unwrap_or(Value::NONE)) => {
            crate::call::call(t.unwrap_or(Value::NONE), Args::positional(&[v]))?
        }
        _ => Ref::dup(t.unwrap_or(Value::NONE)),
    };
    gen_throw(g, exc.v())
}

fn m_iter(recv: Value, args: Args<'_>) -> R<Ref> {
    let g = recv_gen(recv)?;
    crate::slots::wrapper_args::<0>("__iter__", args)?;
    Ok(Ref::dup(g))
}

fn m_next(recv: Value, args: Args<'_>) -> R<Ref> {
    let g = recv_gen(recv)?;
    crate::slots::wrapper_args::<0>("__next__", args)?;
    gen_next_or_stop(g)
}

/// `g.__del__()`: CPython's finalizer of generators, called directly: closes a suspended
/// generator, reporting an exception from its `finally` as unraisable.
fn m_del(recv: Value, args: Args<'_>) -> R<Ref> {
    let g = recv_gen(recv)?;
    crate::slots::wrapper_args::<0>("__del__", args)?;
    if gen_close(g).is_err() {
        crate::finalize::write_unraisable(g);
    }
    Ok(Ref::NONE)
}

fn m_close(recv: Value, args: Args<'_>) -> R<Ref> {
    let g = recv_gen(recv)?;
    args.none("close")?;
    gen_close(g)?;
    Ok(Ref::NONE)
}

/// The methods of generator objects.
pub const METHODS: &[(&str, crate::object::BuiltinFn)] = &[
    ("send", m_send),
    ("throw", m_throw),
    ("close", m_close),
    ("__iter__", m_iter),
    ("__next__", m_next),
    ("__del__", m_del),
];

/// The name of the hidden builtin behind `yield from` (not a Python identifier, so no
/// program can name or shadow it). The lowering (`molt_lower`) writes PEP 380's delegation
/// loop in MIR, with the `yield` of the delegating generator in it (so that it also works
/// where generator bodies are state machines, on wasm32), and calls this builtin for the
/// steps on the subiterator:
///
/// - [`YF_ITER`] `(x)`: the subiterator, `x` itself when it is a generator, else `iter(x)`
///   (CPython's `GET_YIELD_FROM_ITER`).
/// - [`YF_SEND`] `(it, s)`: resumes it with `s`, `next(it)` for `None` and `it.send(s)`
///   otherwise. → `(True, y)` when it yields `y`, `(False, r)` when it finishes with the
///   value `r` (its `StopIteration`'s `value`); other exceptions propagate.
/// - [`YF_THROW`] `(it, exc)`: an exception thrown into the delegating generator at its
///   `yield`: a `GeneratorExit` closes it (`it.close()` when it has one) and is raised
///   again; anything else is passed on with `it.throw(exc)` (raised again when it has no
///   `throw`), with [`YF_SEND`]'s result.
///
/// Source: PEP 380, "Formal Semantics", as CPython 3.11 implements it.
pub const YIELD_FROM: &str = "<yield from>";
/// `<yield from>(YF_ITER, x)`.
pub const YF_ITER: i64 = 0;
/// `<yield from>(YF_SEND, it, s)`.
pub const YF_SEND: i64 = 1;
/// `<yield from>(YF_THROW, it, exc)`.
pub const YF_THROW: i64 = 2;

/// The hidden builtin [`YIELD_FROM`].
pub fn yield_from_builtin(_recv: Value, args: Args<'_>) -> R<Ref> {
    let op = |v: &Value| {
        if v.is_inline_int() {
            v.as_inline_int()
        } else {
            -1
        }
    };
    match args.pos {
        [o, x] if op(o) == YF_ITER => {
            if is_generator(*x) {
                Ok(Ref::dup(*x))
            } else {
                crate::iter::py_iter(*x)
            }
        }
        [o, it, s] if op(o) == YF_SEND => yf_send(*it, *s),
        [o, it, exc] if op(o) == YF_THROW => yf_throw(*it, *exc),
        _ => crate::exceptions::raise(ExcKind::SystemError, "bad call of <yield from>"),
    }
}

/// `(True, y)` or `(False, r)` (see [`YIELD_FROM`]).
fn yf_step(yielded: bool, v: Ref) -> R<Ref> {
    let flag = if yielded { Value::TRUE } else { Value::FALSE };
    Ok(crate::tuple::tuple_from_array([Ref::dup(flag), v]))
}

/// A step's result from a call that returns the next item or raises `StopIteration`.
fn yf_result(r: R<Ref>) -> R<Ref> {
    match r {
        Ok(y) => yf_step(true, y),
        Err(Raised) if pending_is(ExcKind::StopIteration) => {
            let stop = take_pending().unwrap_or(Ref::NONE);
            let value = crate::attr::getattr_str(stop.v(), "value")?;
            yf_step(false, value)
        }
        Err(e) => Err(e),
    }
}

fn yf_send(it: Value, s: Value) -> R<Ref> {
    if is_generator(it) {
        if gen_data(it).state.get() == GenState::Created && !s.is_none() {
            return type_error("can't send non-None value to a just-started generator");
        }
        return match resume(it, incref(s))? {
            Resumed::Yielded(y) => yf_step(true, y),
            Resumed::Returned(r) => yf_step(false, r),
        };
    }
    let name = if s.is_none() { "__next__" } else { "send" };
    let args = if s.is_none() { vec![] } else { vec![s] };
    let name = crate::str::str_from(name);
    yf_result(crate::call::call_method(
        it,
        name.v(),
        Args::positional(&args),
    ))
}

fn yf_throw(it: Value, exc: Value) -> R<Ref> {
    let again = |exc: Value| -> R<Ref> {
        set_pending(Ref::dup(exc));
        Err(Raised)
    };
    if crate::class::isinstance_class(exc, exc_class(ExcKind::GeneratorExit)) {
        if is_generator(it) {
            gen_close(it)?;
        } else {
            match crate::attr::getattr_str(it, "close") {
                Ok(close) => {
                    crate::call::call(close.v(), Args::positional(&[]))?;
                }
                Err(Raised) if pending_is(ExcKind::AttributeError) => drop(take_pending()),
                Err(e) => return Err(e),
            }
        }
        return again(exc);
    }
    if is_generator(it) {
        set_pending(Ref::dup(exc));
        return match resume(it, Value::ERROR)? {
            Resumed::Yielded(y) => yf_step(true, y),
            Resumed::Returned(r) => yf_step(false, r),
        };
    }
    match crate::attr::getattr_str(it, "throw") {
        Ok(throw) => yf_result(crate::call::call(throw.v(), Args::positional(&[exc]))),
        Err(Raised) if pending_is(ExcKind::AttributeError) => {
            drop(take_pending());
            again(exc)
        }
        Err(e) => Err(e),
    }
}
