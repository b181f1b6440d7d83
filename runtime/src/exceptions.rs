//! Exceptions: the builtin exception classes, the thread's pending exception, raising helpers
//! with CPython's messages, and `str(e)` / the final traceback line.

use crate::class::{class_name, new_instance_raw};
use crate::object::{ExcState, InstanceData, Kind, Ref, is_kind, payload};
use crate::state::{exc_class, rt};
use crate::tuple::{tuple_from_vec, tuple_items};
use crate::value::Value;

/// "An exception is pending": the error half of [`R`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raised;

/// A result whose error means "an exception is pending in the thread's state".
pub type R<T> = Result<T, Raised>;

/// The builtin exception classes (index into `Runtime::exc`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(usize)]
#[allow(missing_docs)]
pub enum ExcKind {
    BaseException,
    SystemExit,
    KeyboardInterrupt,
    GeneratorExit,
    Exception,
    StopIteration,
    ArithmeticError,
    ZeroDivisionError,
    OverflowError,
    FloatingPointError,
    LookupError,
    IndexError,
    KeyError,
    ValueError,
    UnicodeError,
    TypeError,
    NameError,
    UnboundLocalError,
    AttributeError,
    RuntimeError,
    RecursionError,
    NotImplementedError,
    AssertionError,
    ImportError,
    ModuleNotFoundError,
    OSError,
    EOFError,
    MemoryError,
    BlockingIOError,
    ChildProcessError,
    ConnectionError,
    BrokenPipeError,
    ConnectionAbortedError,
    ConnectionRefusedError,
    ConnectionResetError,
    FileExistsError,
    FileNotFoundError,
    InterruptedError,
    IsADirectoryError,
    NotADirectoryError,
    PermissionError,
    ProcessLookupError,
    TimeoutError,
    BufferError,
    ReferenceError,
    SystemError,
    StopAsyncIteration,
    Warning,
    UserWarning,
    DeprecationWarning,
    PendingDeprecationWarning,
    SyntaxWarning,
    RuntimeWarning,
    FutureWarning,
    ImportWarning,
    UnicodeWarning,
    BytesWarning,
    ResourceWarning,
    EncodingWarning,
    UnicodeEncodeError,
    UnicodeDecodeError,
    BaseExceptionGroup,
    ExceptionGroup,
    SyntaxError,
    IndentationError,
    TabError,
    UnicodeTranslateError,
}

/// Every builtin exception class: kind, name, base (`None` = `object`). Bases come first.
/// `ExceptionGroup` has a second base, `Exception` (CPython's MRO: `ExceptionGroup`,
/// `BaseExceptionGroup`, `Exception`, `BaseException`, `object`).
pub const EXC_TABLE: &[(ExcKind, &str, Option<ExcKind>)] = {
    use ExcKind::*;
    &[
        (BaseException, "BaseException", None),
        (SystemExit, "SystemExit", Some(BaseException)),
        (KeyboardInterrupt, "KeyboardInterrupt", Some(BaseException)),
        (GeneratorExit, "GeneratorExit", Some(BaseException)),
        (Exception, "Exception", Some(BaseException)),
        (StopIteration, "StopIteration", Some(Exception)),
        (ArithmeticError, "ArithmeticError", Some(Exception)),
        (
            ZeroDivisionError,
            "ZeroDivisionError",
            Some(ArithmeticError),
        ),
        (OverflowError, "OverflowError", Some(ArithmeticError)),
        (
            FloatingPointError,
            "FloatingPointError",
            Some(ArithmeticError),
        ),
        (LookupError, "LookupError", Some(Exception)),
        (IndexError, "IndexError", Some(LookupError)),
        (KeyError, "KeyError", Some(LookupError)),
        (ValueError, "ValueError", Some(Exception)),
        (UnicodeError, "UnicodeError", Some(ValueError)),
        (TypeError, "TypeError", Some(Exception)),
        (NameError, "NameError", Some(Exception)),
        (UnboundLocalError, "UnboundLocalError", Some(NameError)),
        (AttributeError, "AttributeError", Some(Exception)),
        (RuntimeError, "RuntimeError", Some(Exception)),
        (RecursionError, "RecursionError", Some(RuntimeError)),
        (
            NotImplementedError,
            "NotImplementedError",
            Some(RuntimeError),
        ),
        (AssertionError, "AssertionError", Some(Exception)),
        (ImportError, "ImportError", Some(Exception)),
        (
            ModuleNotFoundError,
            "ModuleNotFoundError",
            Some(ImportError),
        ),
        (OSError, "OSError", Some(Exception)),
        (EOFError, "EOFError", Some(Exception)),
        (MemoryError, "MemoryError", Some(Exception)),
        (BlockingIOError, "BlockingIOError", Some(OSError)),
        (ChildProcessError, "ChildProcessError", Some(OSError)),
        (ConnectionError, "ConnectionError", Some(OSError)),
        (BrokenPipeError, "BrokenPipeError", Some(ConnectionError)),
        (
            ConnectionAbortedError,
            "ConnectionAbortedError",
            Some(ConnectionError),
        ),
        (
            ConnectionRefusedError,
            "ConnectionRefusedError",
            Some(ConnectionError),
        ),
        (
            ConnectionResetError,
            "ConnectionResetError",
            Some(ConnectionError),
        ),
        (FileExistsError, "FileExistsError", Some(OSError)),
        (FileNotFoundError, "FileNotFoundError", Some(OSError)),
        (InterruptedError, "InterruptedError", Some(OSError)),
        (IsADirectoryError, "IsADirectoryError", Some(OSError)),
        (NotADirectoryError, "NotADirectoryError", Some(OSError)),
        (PermissionError, "PermissionError", Some(OSError)),
        (ProcessLookupError, "ProcessLookupError", Some(OSError)),
        (TimeoutError, "TimeoutError", Some(OSError)),
        (BufferError, "BufferError", Some(Exception)),
        (ReferenceError, "ReferenceError", Some(Exception)),
        (SystemError, "SystemError", Some(Exception)),
        (StopAsyncIteration, "StopAsyncIteration", Some(Exception)),
        (Warning, "Warning", Some(Exception)),
        (UserWarning, "UserWarning", Some(Warning)),
        (DeprecationWarning, "DeprecationWarning", Some(Warning)),
        (
            PendingDeprecationWarning,
            "PendingDeprecationWarning",
            Some(Warning),
        ),
        (SyntaxWarning, "SyntaxWarning", Some(Warning)),
        (RuntimeWarning, "RuntimeWarning", Some(Warning)),
        (FutureWarning, "FutureWarning", Some(Warning)),
        (ImportWarning, "ImportWarning", Some(Warning)),
        (UnicodeWarning, "UnicodeWarning", Some(Warning)),
        (BytesWarning, "BytesWarning", Some(Warning)),
        (ResourceWarning, "ResourceWarning", Some(Warning)),
        (EncodingWarning, "EncodingWarning", Some(Warning)),
        (UnicodeEncodeError, "UnicodeEncodeError", Some(UnicodeError)),
        (UnicodeDecodeError, "UnicodeDecodeError", Some(UnicodeError)),
        (
            BaseExceptionGroup,
            "BaseExceptionGroup",
            Some(BaseException),
        ),
        // Its second base, `Exception`, is added where the class is made (`state.rs`).
        (ExceptionGroup, "ExceptionGroup", Some(BaseExceptionGroup)),
        (SyntaxError, "SyntaxError", Some(Exception)),
        (IndentationError, "IndentationError", Some(SyntaxError)),
        (TabError, "TabError", Some(IndentationError)),
        (
            UnicodeTranslateError,
            "UnicodeTranslateError",
            Some(UnicodeError),
        ),
    ]
};

/// The name of builtin exception class `k` (`"ValueError"`).
pub fn exc_name(k: ExcKind) -> &'static str {
    EXC_TABLE[k as usize].1
}

/// Makes `exc` (an exception instance, owned) the pending exception.
#[inline]
pub fn set_pending(exc: Ref) {
    let old = rt().pending.replace(exc.into_raw());
    crate::object::decref(old);
}

/// Raises `exc` (an exception instance, owned): records the exception being handled as its
/// `__context__` (implicit chaining, CPython's `_PyErr_SetObject`), then makes it pending.
/// Use [`set_pending`] instead to re-install an exception that was already raised.
#[inline]
pub fn raise_exc(exc: Ref) {
    chain_context(exc.v());
    set_pending(exc);
}

// --- The exceptions being handled ---------------------------------------------------------
//
// CPython keeps a chain of "exceptions being handled" (`sys.exc_info()`): an `except` or
// `finally` handler (and `__exit__` of a `with`) runs with its exception pushed, and an
// exception raised meanwhile gets it as `__context__`. The runtime keeps the same chain as a
// per-thread stack (`Runtime::handled`). Each compiled frame owns the entries above
// `Runtime::handled_base`: the runtime sets the base when it enters compiled code (a call,
// a generator resumption, the module initializer) and drops the frame's entries when that
// code returns, by any path. Inside a frame, generated code says where a handler starts
// (`molt_exc_enter(exc, level)`, MIR `exc.enter`, the first instruction of the handler) and
// where handlers end normally (`molt_exc_leave(level)`, MIR `exc.leave`); `level` is the
// number of handlers of the frame in progress around the handler's `try` (or still in
// progress after the exit), so the stack stays right across exceptional exits too: the
// next `enter`/`leave` of the frame, or its return, trims it.

/// The handled-exception stack. Callers must not keep the reference across anything that
/// can release a value (a release can free a generator, whose closing runs Python code).
#[inline]
#[allow(clippy::mut_from_ref)]
fn handled_vec() -> &'static mut Vec<Value> {
    // SAFETY: single-threaded per runtime; every use below is short and releases values only
    // after the reference is gone.
    unsafe { &mut *rt().handled.get() }
}

/// The number of entries in the handled-exception stack.
#[inline]
pub fn handled_len() -> usize {
    handled_vec().len()
}

/// Drops the handled-exception entries beyond the first `len`.
pub fn handled_truncate(len: usize) {
    let h = handled_vec();
    if h.len() <= len {
        return;
    }
    if h.len() == len + 1 {
        // The common case (one handler left) without allocating. The entry is off the
        // stack before its release can run a finalizer that touches the stack.
        let v = h.pop().expect("non-empty: checked above");
        crate::object::decref(v);
        return;
    }
    let dropped = h.split_off(len);
    crate::object::decref_all(&dropped);
}

/// Pushes `exc` (borrowed) as the innermost exception being handled.
#[inline]
pub fn handled_push(exc: Value) {
    handled_vec().push(crate::object::incref(exc));
}

/// Pushes owned entries (a generator's saved handlers) on top of the stack.
pub fn handled_extend(entries: Vec<Value>) {
    handled_vec().extend(entries);
}

/// The innermost exception being handled (borrowed), or `None`.
#[inline]
pub fn handled_top() -> Value {
    handled_vec().last().copied().unwrap_or(Value::NONE)
}

/// Enters a compiled frame: its handled-exception entries start at the current top. Returns
/// the caller's base, for [`frame_exit`].
#[inline]
pub fn frame_enter() -> usize {
    let r = rt();
    // SAFETY: see `handled_vec`; only the length is read.
    let len = unsafe { (*r.handled.get()).len() };
    r.handled_base.replace(len)
}

/// Leaves a compiled frame (by any path): drops its handled-exception entries and restores
/// the caller's base.
#[inline]
pub fn frame_exit(saved_base: usize) {
    let r = rt();
    let base = r.handled_base.replace(saved_base);
    // SAFETY: see `handled_vec`; only the length is read.
    if unsafe { (*r.handled.get()).len() } > base {
        handled_truncate(base);
    }
}

/// Removes the entries of the running frame above its base and returns them (a generator
/// suspending keeps its handlers' exceptions for its next resumption).
pub fn handled_split_frame() -> Vec<Value> {
    let base = rt().handled_base.get();
    let h = handled_vec();
    if h.len() <= base {
        return Vec::new();
    }
    h.split_off(base)
}

/// `molt_exc_enter(exc, level)`: a handler of the running frame starts handling `exc`
/// (borrowed). The frame's handled stack is trimmed to `level` entries (the handlers in
/// progress around the `try`), then `exc` is pushed.
#[inline]
pub fn exc_enter(exc: Value, level: u32) {
    exc_leave(level);
    handled_push(exc);
}

/// `molt_exc_leave(level)`: handlers of the running frame ended normally; trims the frame's
/// handled stack to `level` entries.
#[inline]
pub fn exc_leave(level: u32) {
    let keep = rt().handled_base.get().saturating_add(level as usize);
    let h = handled_vec();
    if h.len() == keep.saturating_add(1) {
        // The handler of an `except` ends (as `handled_truncate`'s common case).
        let v = h.pop().expect("non-empty: checked above");
        crate::object::decref(v);
    } else if h.len() > keep {
        handled_truncate(keep);
    }
}

/// Implicit chaining: `exc.__context__ = ` the exception being handled (unless it is `exc`
/// itself), breaking any cycle this would create as CPython does.
#[inline]
pub fn chain_context(exc: Value) {
    let handled = handled_top();
    if handled.is_none() || handled == exc {
        return;
    }
    chain_context_to(exc, handled);
}

#[inline(never)]
fn chain_context_to(exc: Value, handled: Value) {
    if !is_exception(exc) {
        return;
    }
    // Break a cycle: if `exc` is in the context chain of `handled`, cut the chain there.
    // (Floyd's algorithm guards against a pre-existing cycle.)
    let mut o = handled;
    let mut slow = handled;
    let mut toggle = false;
    while let Some(state) = exc_state(o) {
        let ctx = state.context.get();
        if !is_exception(ctx) {
            break;
        }
        if ctx == exc {
            let old = state.context.replace(Value::NONE);
            crate::object::decref(old);
            break;
        }
        o = ctx;
        if o == slow {
            break;
        }
        if toggle {
            slow = exc_state(slow)
                .map(|s| s.context.get())
                .unwrap_or(Value::NONE);
        }
        toggle = !toggle;
    }
    if let Some(state) = exc_state(exc) {
        let old = state.context.replace(crate::object::incref(handled));
        crate::object::decref(old);
    }
}

// --- Reuse of exception states ------------------------------------------------------------
//
// An exception raised and caught in a loop makes and frees one state per iteration, each
// with a traceback vector and a `held` vector that grow as it leaves frames. Freed states
// are kept (a few, cleared, with their vectors' storage) and handed to the next exceptions.

/// How many freed exception states [`release_exc_state`] keeps.
const EXC_STATES_MAX: usize = 8;
/// The longest traceback (and `held` list) whose storage a kept state may retain.
const EXC_STATE_TB_MAX: usize = 64;

/// Freed exception states kept for reuse: a stack of at most [`EXC_STATES_MAX`] boxes
/// (owned, as raw pointers from `Box::into_raw`).
struct ExcStatePool {
    len: std::cell::Cell<usize>,
    items: [std::cell::Cell<*mut ExcState>; EXC_STATES_MAX],
}

impl ExcStatePool {
    #[inline]
    fn pop(&self) -> Option<Box<ExcState>> {
        let n = self.len.get().checked_sub(1)?;
        self.len.set(n);
        // SAFETY: the first `len` items are boxes the pool owns.
        Some(unsafe { Box::from_raw(self.items[n].get()) })
    }

    /// Keeps `state`, or drops it when the pool is full.
    #[inline]
    fn push(&self, state: Box<ExcState>) {
        let n = self.len.get();
        if let Some(slot) = self.items.get(n) {
            slot.set(Box::into_raw(state));
            self.len.set(n + 1);
        }
    }
}

impl Drop for ExcStatePool {
    fn drop(&mut self) {
        while self.pop().is_some() {}
    }
}

thread_local! {
    /// Freed exception states kept for reuse (see [`exc_state_box`]).
    static EXC_STATES: ExcStatePool = const {
        ExcStatePool {
            len: std::cell::Cell::new(0),
            items: [const { std::cell::Cell::new(std::ptr::null_mut()) }; EXC_STATES_MAX],
        }
    };
}

/// [`ExcState::new`] in a box: a kept state of a freed exception when there is one (see
/// [`release_exc_state`]), with the storage of its traceback and `held` vectors.
pub fn exc_state_box(args: Value) -> Box<ExcState> {
    match EXC_STATES.try_with(ExcStatePool::pop) {
        Ok(Some(state)) => {
            state.args.set(args);
            state
        }
        _ => Box::new(ExcState::new(args)),
    }
}

/// Releases what the state of a freed exception holds (`args`, the frames its traceback
/// kept, `__cause__`, `__context__`, the fields), in that order, then keeps the state for
/// reuse, cleared (unless it has members or long vectors, or the pool is full: then it is
/// dropped). Called by `crate::object::free_object`.
#[inline(never)]
pub fn release_exc_state(mut exc: Box<ExcState>) {
    let args = exc.args.get();
    if is_kind(args, Kind::Tuple) && crate::object::refcount(args) == 1 {
        // The exception's own `args` tuple (the usual case) is freed here rather than
        // through `dealloc` (a tuple has no finalizer; its items are released through
        // `decref` as usual).
        #[cfg(test)]
        crate::object::live::add(-1);
        // SAFETY: a tuple whose only reference was the exception's.
        unsafe { crate::object::free_tuple(args.as_ptr()) };
    } else {
        crate::object::decref(args);
    }
    // The frames its traceback kept alive, innermost first. (Nothing reaches the dying
    // exception's state: it is borrowed mutably.)
    let held = exc.held.get_mut();
    for x in held.iter() {
        crate::object::decref(*x);
    }
    held.clear();
    // Mostly `None`: tested here rather than in a call each.
    for f in [&exc.cause, &exc.context, &exc.name, &exc.obj] {
        let x = f.get();
        if x.is_ptr() {
            crate::object::decref(x);
        }
    }
    for m in exc.members.get().into_iter().flatten() {
        crate::object::decref(m.get());
    }
    if exc.members.get().is_some()
        || exc.tb.get_mut().capacity() > EXC_STATE_TB_MAX
        || exc.held.get_mut().capacity() > EXC_STATE_TB_MAX
    {
        return;
    }
    exc.args.set(Value::NONE);
    exc.cause.set(Value::NONE);
    exc.context.set(Value::NONE);
    exc.suppress_context.set(false);
    exc.name.set(Value::NONE);
    exc.obj.set(Value::UNBOUND);
    exc.tb.get_mut().clear();
    let _ = EXC_STATES.try_with(|p| p.push(exc));
}

/// Takes the pending exception, if any.
#[inline]
pub fn take_pending() -> Option<Ref> {
    let v = rt().pending.replace(Value::UNBOUND);
    if v == Value::UNBOUND {
        None
    } else {
        Some(Ref::new(v))
    }
}

/// The pending exception (borrowed), or `Value::UNBOUND`.
#[inline]
pub fn peek_pending() -> Value {
    rt().pending.get()
}

/// Whether the pending exception is an instance of builtin exception `k`.
pub fn pending_is(k: ExcKind) -> bool {
    let p = peek_pending();
    p != Value::UNBOUND && crate::class::isinstance_class(p, exc_class(k))
}

/// The exception state of an exception instance.
#[inline]
pub fn exc_state<'a>(v: Value) -> Option<&'a ExcState> {
    if !is_kind(v, Kind::Instance) {
        return None;
    }
    // SAFETY: `v` is a live instance.
    let inst = unsafe { payload::<InstanceData>(v) };
    inst.exc.as_deref()
}

/// Whether `v` is an exception instance.
#[inline]
pub fn is_exception(v: Value) -> bool {
    exc_state(v).is_some()
}

/// A new exception of class `cls` (an exception class) with `args` (a tuple), as the
/// runtime raises it: without running `__init__`, but with the fields the builtin
/// `__init__` sets from `args` (`StopIteration.value`, ...: see
/// [`crate::exc_members::init_from_args`]).
pub fn new_exception(cls: Value, args: Ref) -> Ref {
    let exc = new_exception_bare(cls, args);
    crate::exc_members::init_from_args(exc.v());
    exc
}

/// A new exception of class `cls` with `args` (a tuple) and no fields set, as
/// `BaseException.__new__` makes it.
pub fn new_exception_bare(cls: Value, args: Ref) -> Ref {
    new_instance_raw(cls, Some(exc_state_box(args.into_raw())))
}

/// Raises builtin exception `k` with one str argument. Always `Err`.
#[cold]
pub fn raise<T>(k: ExcKind, msg: impl Into<String>) -> R<T> {
    let s = crate::str::str_from_string(msg.into());
    raise_with(k, vec![s])
}

/// Raises builtin exception `k` with the given args. Always `Err`.
#[cold]
pub fn raise_with<T>(k: ExcKind, args: Vec<Ref>) -> R<T> {
    let exc = new_exception(exc_class(k), tuple_from_vec(args));
    raise_exc(exc);
    Err(Raised)
}

/// Raises builtin exception `k` with one str argument and `cause` as its `__cause__` and
/// `__context__` (CPython's `_PyErr_FormatFromCause`). Always `Err`.
#[cold]
pub fn raise_with_cause<T>(k: ExcKind, msg: impl Into<String>, cause: Option<Ref>) -> R<T> {
    let s = crate::str::str_from_string(msg.into());
    let exc = new_exception(exc_class(k), crate::tuple::tuple_from_array([s]));
    if let (Some(state), Some(cause)) = (exc_state(exc.v()), cause) {
        state.context.set(crate::object::incref(cause.v()));
        state.suppress_context.set(true);
        state.cause.set(cause.into_raw());
    }
    raise_exc(exc);
    Err(Raised)
}

/// Raises `ImportError(msg)` with `name` = `module` (and `path` = `None`). Always `Err`.
#[cold]
pub fn import_error<T>(msg: String, module: &str) -> R<T> {
    import_error_at(ExcKind::ImportError, msg, Some(module), None)
}

/// Raises `kind` (`ImportError` or `ModuleNotFoundError`) with message `msg` and its `name`
/// and `path` attributes (`None` when not given), as CPython's `PyErr_SetImportError`.
pub fn import_error_at<T>(
    kind: ExcKind,
    msg: String,
    name: Option<&str>,
    path: Option<&str>,
) -> R<T> {
    let s = crate::str::str_from_string(msg);
    let exc = new_exception(exc_class(kind), crate::tuple::tuple_from_array([s]));
    if let Some(state) = exc_state(exc.v()) {
        if let Some(name) = name {
            let n = crate::str::str_from(name);
            crate::object::decref(state.name.replace(n.into_raw()));
        }
        if let Some(path) = path {
            let p = crate::str::str_from(path);
            crate::object::decref(state.obj.replace(p.into_raw()));
        }
    }
    raise_exc(exc);
    Err(Raised)
}

/// The keyword arguments of the `__init__` of the classes whose `__init__` takes some
/// (CPython 3.11's): `ImportError` (and subclasses) takes `name` and `path`, `NameError`
/// takes `name`, `AttributeError` takes `name` and `obj`; each such field is set to its
/// argument, or unset when it is not given, on every call. Any other exception takes none
/// (`OSError() takes no keyword arguments`).
pub fn init_keywords(exc: Value, kwnames: &[Value], kwvals: &[Value]) -> R<()> {
    use crate::exc_members::store;
    let is = |k: ExcKind| crate::class::isinstance_class(exc, exc_class(k));
    let (owner, fields): (ExcKind, &[&str]) = if is(ExcKind::ImportError) {
        (ExcKind::ImportError, &["name", "path"])
    } else if is(ExcKind::NameError) {
        (ExcKind::NameError, &["name"])
    } else if is(ExcKind::AttributeError) {
        (ExcKind::AttributeError, &["name", "obj"])
    } else {
        if kwnames.is_empty() {
            return Ok(());
        }
        return type_error(format!(
            "{}() takes no keyword arguments",
            crate::class::type_name(exc)
        ));
    };
    let mut given = vec![Value::UNBOUND; fields.len()];
    for (k, v) in kwnames.iter().zip(kwvals) {
        let key = crate::str::as_str(*k);
        let Some(i) = fields.iter().position(|f| *f == key) else {
            return type_error(format!(
                "'{key}' is an invalid keyword argument for {}()",
                exc_name(owner)
            ));
        };
        given[i] = *v;
    }
    for (name, v) in fields.iter().zip(given) {
        store(exc, owner, name, v);
    }
    Ok(())
}

/// Raises builtin exception `k` with no arguments.
#[cold]
pub fn raise_empty<T>(k: ExcKind) -> R<T> {
    raise_with(k, Vec::new())
}

/// `TypeError(msg)`.
#[cold]
pub fn type_error<T>(msg: impl Into<String>) -> R<T> {
    raise(ExcKind::TypeError, msg)
}

/// `ValueError(msg)`.
#[cold]
pub fn value_error<T>(msg: impl Into<String>) -> R<T> {
    raise(ExcKind::ValueError, msg)
}

/// `IndexError(msg)`.
#[cold]
pub fn index_error<T>(msg: impl Into<String>) -> R<T> {
    raise(ExcKind::IndexError, msg)
}

/// `OverflowError(msg)`.
#[cold]
pub fn overflow_error<T>(msg: impl Into<String>) -> R<T> {
    raise(ExcKind::OverflowError, msg)
}

/// `ZeroDivisionError(msg)`.
#[cold]
pub fn zero_division<T>(msg: impl Into<String>) -> R<T> {
    raise(ExcKind::ZeroDivisionError, msg)
}

/// `KeyError(key)`.
#[cold]
pub fn key_error<T>(key: Value) -> R<T> {
    raise_with(ExcKind::KeyError, vec![Ref::dup(key)])
}

/// Raises `NameError(msg)` with its `name` attribute set to `name` (a str), as CPython does
/// for the names it fails to find (the traceback then offers a suggestion).
#[cold]
pub fn name_error<T>(name: Value, msg: String) -> R<T> {
    let r: R<T> = raise(ExcKind::NameError, msg);
    if let Some(state) = exc_state(peek_pending()) {
        let old = state.name.replace(crate::object::incref(name));
        crate::object::decref(old);
    }
    r
}

/// Records `name` and `obj` on a pending `AttributeError` raised by an attribute lookup of
/// `obj`, unless it has them already (CPython's `set_attribute_error_context`): the
/// traceback then offers a suggestion from `dir(obj)`.
pub fn set_attribute_error_context(obj: Value, name: &str) {
    let p = peek_pending();
    if !crate::class::isinstance_class(p, exc_class(ExcKind::AttributeError)) {
        return;
    }
    let Some(state) = exc_state(p) else { return };
    if state.name.get() != Value::NONE || state.obj.get() != Value::UNBOUND {
        return;
    }
    let n = crate::str::str_from(name);
    crate::object::decref(state.name.replace(n.into_raw()));
    state.obj.set(crate::object::incref(obj));
}

/// `AttributeError` in CPython's words for a missing attribute of `o`.
#[cold]
pub fn attribute_error<T>(o: Value, name: &str) -> R<T> {
    let r: R<T> = attribute_error_plain(o, name);
    set_attribute_error_context(o, name);
    r
}

#[cold]
fn attribute_error_plain<T>(o: Value, name: &str) -> R<T> {
    if name == "argv"
        && crate::modules::argv_not_utf8()
        && is_kind(o, Kind::Module)
        && crate::modules::module_name(o) == "sys"
    {
        return raise(
            ExcKind::NotImplementedError,
            "molt: sys.argv with an argument that is not valid UTF-8 is not supported yet",
        );
    }
    if let Some(owner) = cpython_attribute_owner(o, name) {
        return raise(
            ExcKind::NotImplementedError,
            format!("molt: the attribute '{name}' of {owner} is not supported yet"),
        );
    }
    if is_kind(o, Kind::Class) {
        return raise(
            ExcKind::AttributeError,
            format!(
                "type object '{}' has no attribute '{}'",
                class_name(o),
                name
            ),
        );
    }
    if is_kind(o, Kind::Module) {
        let m = crate::modules::module_name(o);
        return raise(
            ExcKind::AttributeError,
            format!("module '{m}' has no attribute '{name}'"),
        );
    }
    raise(
        ExcKind::AttributeError,
        format!(
            "'{}' object has no attribute '{}'",
            crate::class::type_name(o),
            name
        ),
    )
}

/// Where CPython 3.11 has attribute `name` of `o` that the runtime lacks: `"'str' objects"`,
/// `"type object 'int'"`, `"module 'math'"`; `None` when CPython would raise
/// `AttributeError` too. Builtin types (and modules) are looked up in the tables of
/// [`crate::cpython_attrs`]; user classes inherit the names of their builtin bases.
fn cpython_attribute_owner(o: Value, name: &str) -> Option<String> {
    use crate::cpython_attrs::{MODULE_ATTRS, TYPE_ATTRS};
    let listed = |table: &[(&str, &[&str])], key: &str| {
        table
            .iter()
            .find(|(k, _)| *k == key)
            .is_some_and(|(_, names)| names.binary_search(&name).is_ok())
    };
    let builtin_in_mro = |cls: Value| {
        std::iter::once(cls)
            .chain(crate::class::class_data(cls).mro.iter().copied())
            .filter(|c| crate::object::is_immortal(*c))
            .any(|c| listed(TYPE_ATTRS, &class_name(c)))
    };
    if is_kind(o, Kind::Module) {
        let m = crate::modules::module_name(o);
        return listed(MODULE_ATTRS, &m).then(|| format!("module '{m}'"));
    }
    if is_kind(o, Kind::Class) {
        // Attributes of the metatype (`C.mro`), then those of the class's builtin bases.
        return (listed(TYPE_ATTRS, "type") || builtin_in_mro(o))
            .then(|| format!("type object '{}'", class_name(o)));
    }
    let cls = crate::class::type_of(o);
    builtin_in_mro(cls).then(|| format!("'{}' objects", class_name(cls)))
}

/// `args` of an exception (borrowed tuple).
pub fn exc_args(v: Value) -> Value {
    match exc_state(v) {
        Some(s) => s.args.get(),
        None => rt().empty_tuple,
    }
}

/// The class `OSError(*args)` makes, as CPython on Linux: with two to five arguments whose
/// first is an int errno of a more specific subclass (2 `ENOENT` gives `FileNotFoundError`),
/// that subclass; else `OSError`.
pub fn os_error_subclass(args: &[Value]) -> ExcKind {
    use ExcKind::*;
    if !(2..=5).contains(&args.len()) {
        return OSError;
    }
    let Some(errno) = crate::int::int_view(args[0]).and_then(|i| match i {
        crate::int::IntV::Small(x) => Some(x),
        crate::int::IntV::Big(_) => None,
    }) else {
        return OSError;
    };
    // Linux errno values (asm-generic/errno-base.h and errno.h).
    match errno {
        11 | 114 | 115 => BlockingIOError,
        10 => ChildProcessError,
        32 | 108 => BrokenPipeError,
        103 => ConnectionAbortedError,
        111 => ConnectionRefusedError,
        104 => ConnectionResetError,
        17 => FileExistsError,
        2 => FileNotFoundError,
        21 => IsADirectoryError,
        20 => NotADirectoryError,
        4 => InterruptedError,
        1 | 13 => PermissionError,
        3 => ProcessLookupError,
        110 => TimeoutError,
        _ => OSError,
    }
}

/// Whether `OSError` subclass `cls` takes its arguments in `__init__` rather than in
/// `__new__` (CPython's `oserror_use_init`): when it defines its own `__init__` but not
/// its own `__new__`. Then `OSError.__new__` leaves `args` empty and the fields unset, and
/// `OSError.__init__` (through `super()`) sets them; otherwise `__new__` does it all and
/// `OSError.__init__` does nothing.
pub fn os_error_uses_init(cls: Value) -> bool {
    let own =
        |name: &str| crate::class::lookup(cls, name).is_some_and(|f| !is_kind(f, Kind::Builtin));
    own("__init__") && !own("__new__")
}

/// `OSError.__new__(cls, *args)` (`keywords`: whether keyword arguments were given), as
/// CPython's: `OSError` itself makes the subclass of the errno ([`os_error_subclass`]), and
/// the arguments set `args` and the fields ([`os_error_init`]) unless the class takes them
/// in `__init__` ([`os_error_uses_init`]: then `args` is empty).
pub fn os_error_new(cls: Value, args: &[Value], keywords: bool) -> R<Ref> {
    if os_error_uses_init(cls) {
        return Ok(new_exception_bare(cls, tuple_from_vec(Vec::new())));
    }
    if keywords {
        return type_error(format!("{}() takes no keyword arguments", class_name(cls)));
    }
    let cls = if cls == exc_class(ExcKind::OSError) {
        exc_class(os_error_subclass(args))
    } else {
        cls
    };
    let inst = new_exception_bare(cls, crate::tuple::tuple_from_slice(args));
    os_error_init(inst.v());
    Ok(inst)
}

/// Sets the fields of an `OSError` (or subclass) instance `exc` from its arguments as
/// CPython's constructor does: with two to five arguments, `errno` and `strerror` are the
/// first two; a third (`filename`) that is not `None` is kept with the fifth (`filename2`,
/// unless `None`), and `args` then keeps only `(errno, strerror)`. Fields the arguments do
/// not give are unset.
pub fn os_error_init(exc: Value) {
    use crate::exc_members::store;
    if !crate::class::isinstance_class(exc, exc_class(ExcKind::OSError)) {
        return;
    }
    let Some(state) = exc_state(exc) else { return };
    let args = Ref::dup(exc_args(exc));
    let items = tuple_items(args.v());
    let os = ExcKind::OSError;
    let parsed = (2..=5).contains(&items.len());
    let at = |i: usize| match items.get(i) {
        Some(v) if parsed && !v.is_none() => *v,
        _ => Value::UNBOUND,
    };
    let filename = at(2);
    let filename2 = if filename == Value::UNBOUND {
        Value::UNBOUND
    } else {
        at(4)
    };
    store(
        exc,
        os,
        "errno",
        if parsed { items[0] } else { Value::UNBOUND },
    );
    store(
        exc,
        os,
        "strerror",
        if parsed { items[1] } else { Value::UNBOUND },
    );
    store(exc, os, "filename", filename);
    store(exc, os, "filename2", filename2);
    if filename != Value::UNBOUND {
        let kept = crate::tuple::tuple_from_array([Ref::dup(items[0]), Ref::dup(items[1])]);
        crate::object::decref(state.args.replace(kept.into_raw()));
    }
}

/// `str(e)` of an `OSError` as CPython's: `[Errno N] message`, then `: 'filename'` and
/// ` -> 'filename2'` when `filename` is set (unset fields show as `None`);
/// `[Errno N] message` when both `errno` and `strerror` are set. `None` otherwise
/// (`BaseException`'s str applies).
fn os_error_str(v: Value) -> R<Option<String>> {
    use crate::exc_members::raw;
    let os = ExcKind::OSError;
    if !crate::class::isinstance_class(v, exc_class(os)) {
        return Ok(None);
    }
    let field = |name: &str| match raw(v, os, name) {
        Value::UNBOUND => None,
        x => Some(x),
    };
    let or_none = |x: Option<Value>| x.unwrap_or(Value::NONE);
    let (errno, strerror) = (field("errno"), field("strerror"));
    let mut s = match (field("filename"), errno, strerror) {
        (None, Some(_), Some(_)) | (Some(_), _, _) => format!(
            "[Errno {}] {}",
            crate::ops::str_string(or_none(errno))?,
            crate::ops::str_string(or_none(strerror))?
        ),
        _ => return Ok(None),
    };
    if let Some(filename) = field("filename") {
        s.push_str(": ");
        s.push_str(&crate::ops::repr_string(filename)?);
        if let Some(filename2) = field("filename2") {
            s.push_str(" -> ");
            s.push_str(&crate::ops::repr_string(filename2)?);
        }
    }
    Ok(Some(s))
}

/// `str(e)` for the builtin exceptions: `''` with no args, `str(arg)` with one, the tuple's
/// repr with several; `KeyError` with one arg gives the arg's repr; `OSError` with an
/// errno gives `[Errno N] message` (see [`os_error_str`]).
pub fn base_exception_str(v: Value) -> R<String> {
    if let Some(s) = os_error_str(v)? {
        return Ok(s);
    }
    if crate::class::isinstance_class(v, exc_class(ExcKind::ImportError)) {
        // `str()` of an `ImportError` is its `msg` when that is a str.
        let msg = crate::attr::getattr_str(v, "msg")?;
        if crate::str::is_str(msg.v()) {
            return Ok(crate::str::as_str(msg.v()).to_string());
        }
    }
    let args = exc_args(v);
    let items = tuple_items(args);
    match items {
        [] => Ok(String::new()),
        [one] => {
            if crate::class::isinstance_class(v, exc_class(ExcKind::KeyError)) {
                crate::ops::repr_string(*one)
            } else {
                crate::ops::str_string(*one)
            }
        }
        _ => crate::ops::repr_string(args),
    }
}

/// `repr(e)` for the builtin exceptions: `ValueError('x')`, `ValueError('x', 1)`, `ValueError()`.
pub fn base_exception_repr(v: Value) -> R<String> {
    let name = crate::class::type_name(v);
    let args = exc_args(v);
    let items = tuple_items(args);
    if items.len() == 1 {
        Ok(format!("{}({})", name, crate::ops::repr_string(items[0])?))
    } else {
        Ok(format!("{}{}", name, crate::ops::repr_string(args)?))
    }
}

/// The last line of a traceback: `Type: message` (`module.Type` for a class of a module
/// other than `__main__`), or just `Type` when `str(e)` is empty.
/// An exception in `__str__` itself gives `<exception str() failed>` as CPython does.
pub fn exception_line(exc: Value) -> String {
    exception_line_with(exc, exc)
}

/// The last line of a traceback for `exc` showing `message` (borrowed) instead of `exc`
/// itself, as CPython does for an uncaught `SyntaxError` (its `msg`): `Type: str(message)`,
/// or just `Type` when `message` is `None` or its `str` is empty.
pub fn exception_line_with(exc: Value, message: Value) -> String {
    let name = exception_type_name(exc);
    if message.is_none() {
        return name;
    }
    let msg = match crate::ops::str_string(message) {
        Ok(s) => s,
        Err(Raised) => {
            drop(take_pending());
            "<exception str() failed>".to_string()
        }
    };
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}

/// The type of `exc` as a traceback's last line names it: its qualified name, behind its
/// module unless that is `__main__` or `builtins` (`copy.Error`, `Outer.Inner`).
pub fn exception_type_name(exc: Value) -> String {
    let cls = crate::class::type_of(exc);
    let mut name =
        if crate::class::is_class(cls) && !crate::class::class_data(cls).qualname.is_none() {
            crate::class::class_qualname(cls)
        } else {
            crate::class::type_name(exc)
        };
    if crate::class::is_class(cls)
        && let Some(module) = crate::class::class_module(cls)
        && module != "__main__"
        && module != "builtins"
    {
        name = format!("{module}.{name}");
    }
    name
}

/// The text CPython prints for an uncaught exception (see [`crate::traceback`]).
pub fn traceback_text(exc: Value) -> String {
    crate::traceback::traceback_text(exc)
}

/// The notes CPython 3.11 prints after an uncaught exception's last line: each str in
/// `__notes__` on its own line (other values by `str`, or their `repr` when `__notes__` is
/// not a list or tuple); every line of a note behind `margin` (inside an exception group's
/// tree).
pub(crate) fn notes_text(exc: Value, margin: &str) -> String {
    let Some(notes) = crate::class::is_instance(exc)
        .then(|| crate::class::instance_data(exc).dict_opt())
        .flatten()
        .and_then(|d| crate::dict::dict_data(d).get_str("__notes__"))
    else {
        return String::new();
    };
    let notes = Ref::dup(notes);
    let mut out = String::new();
    let items: Vec<Ref> = if crate::list::is_list(notes.v()) {
        crate::list::list_vec(notes.v())
            .iter()
            .map(|v| Ref::dup(*v))
            .collect()
    } else if crate::tuple::is_tuple(notes.v()) {
        tuple_items(notes.v())
            .iter()
            .map(|v| Ref::dup(*v))
            .collect()
    } else {
        out.push_str(margin);
        match crate::ops::repr_string(notes.v()) {
            Ok(s) => out.push_str(&s),
            Err(Raised) => {
                drop(take_pending());
                out.push_str("<note str() failed>");
            }
        }
        out.push('\n');
        return out;
    };
    for note in items {
        match crate::ops::str_string(note.v()) {
            Ok(s) => {
                for line in s.split_inclusive('\n') {
                    out.push_str(margin);
                    out.push_str(line);
                }
            }
            Err(Raised) => {
                drop(take_pending());
                out.push_str("<note str() failed>");
            }
        }
        out.push('\n');
    }
    out
}

/// `SystemError`-like failure for states that generated code should never produce (an
/// error result without a pending exception); raised as `SystemError`'s closest builtin.
#[cold]
pub fn ensure_pending() {
    if peek_pending() == Value::UNBOUND {
        let _: R<()> = raise(ExcKind::RuntimeError, "error return without exception set");
    }
}

/// Converts an `R<Ref>` to the ABI's convention.
#[inline]
pub fn to_abi(r: R<Ref>) -> Value {
    match r {
        Ok(v) => v.into_raw(),
        Err(Raised) => Value::ERROR,
    }
}

/// Converts an `R<()>` to the ABI's `i32` convention (0 / -1).
#[inline]
pub fn to_abi_i32(r: R<()>) -> i32 {
    match r {
        Ok(()) => 0,
        Err(Raised) => -1,
    }
}

/// Converts a returned word from generated code to `R<Ref>`.
#[inline]
pub fn from_abi(v: Value) -> R<Ref> {
    if v.is_error() {
        ensure_pending();
        Err(Raised)
    } else {
        Ok(Ref::new(v))
    }
}
