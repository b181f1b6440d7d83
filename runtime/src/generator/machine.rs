//! Generator bodies as state machines (wasm32, which has no stacks to switch): the code
//! generator compiles a generator's body so that each call of its entry runs it from where
//! it stopped up to its next `yield` or its end (`molt_codegen`'s `wasm::emit`, "state
//! machines"). The protocol, per call of the entry `fn(func, args) -> Value`:
//!
//! 1. The body calls `molt_gen_state(size)` ([`save_area`]): the save area of the generator
//!    being run now (at least `size` bytes, zeroed when first allocated, 16-byte aligned, at
//!    the same address on every call, freed with the generator). Bytes 0..4 hold the resume
//!    point (`u32`, 0 = the start); the body reads it and writes 0 there.
//! 2. On resumption (nonzero resume point) the body restores its locals from the area and
//!    calls `molt_gen_sent()` ([`sent_value`]): the value sent in (a new reference), or
//!    `Value::ERROR` with the exception pending (`throw`, `close`), as native `molt_yield`
//!    returns on resume.
//! 3. At a `yield v` it saves its locals in the area, writes a nonzero resume point, calls
//!    `molt_yield(v)` or `molt_yield_owned(v)`, which only record the value here, and returns.
//! 4. When the body returns (a value, or `Value::ERROR` with an exception pending) the resume
//!    point is 0: the generator is finished.
//!
//! So after the entry returns, a nonzero resume point in the area means "suspended at a
//! `yield`" (the recorded value is the item) and 0 means "finished" (the entry's result is
//! the generator's). The generators running now form a stack (a generator's body may resume
//! another), whose innermost entry the three runtime functions serve.

use std::alloc::Layout;
use std::cell::{Cell, RefCell};

use super::{Entry, Step};
use crate::exceptions::{ExcKind, R, raise};
use crate::object::{Ref, decref, incref};
use crate::value::Value;

/// The alignment of a save area (the protocol promises 16 bytes).
const AREA_ALIGN: usize = 16;

thread_local! {
    /// The bodies of the generators running now, innermost last.
    static RUNNING: RefCell<Vec<*const Body>> = const { RefCell::new(Vec::new()) };
}

/// A generator's body: the generator function's code, its bound arguments until it starts,
/// and its save area while it is suspended. Dropped before it starts, it releases the
/// arguments; dropped while suspended ([`Body::abandon`]), the references its saved locals
/// hold leak, as a native suspended frame's do.
pub struct Body {
    /// The generator function (owned), passed to every call of the entry.
    func: Ref,
    entry: Entry,
    /// The bound arguments (one owned value per parameter) until the first resumption.
    args: RefCell<Option<Vec<Ref>>>,
    /// The save area (null until the body asks for it) and its size in bytes.
    area: Cell<*mut u8>,
    area_size: Cell<usize>,
    /// The input of the resumption in progress (owned; `Value::ERROR` with the exception
    /// pending) until the body takes it with `molt_gen_sent`; `Value::UNBOUND` when none.
    sent: Cell<Value>,
    /// The value the body yielded in this resumption (owned); `Value::UNBOUND` when none.
    yielded: Cell<Value>,
}

impl Body {
    /// A body that will call `entry(func, args)` on its first resumption (`args`: one owned
    /// value per parameter, handed to the code then).
    pub fn new(func: Value, entry: Entry, args: Vec<Ref>) -> R<Body> {
        Ok(Body {
            func: Ref::dup(func),
            entry,
            args: RefCell::new(Some(args)),
            area: Cell::new(std::ptr::null_mut()),
            area_size: Cell::new(0),
            sent: Cell::new(Value::UNBOUND),
            yielded: Cell::new(Value::UNBOUND),
        })
    }

    /// `None`: the body runs on the resumer's (shadow) stack, whose check stays as it is.
    #[inline]
    pub fn stack_bottom(&self) -> Option<usize> {
        None
    }

    /// The resume point stored in the save area (0: not suspended).
    fn resume_point(&self) -> u32 {
        let a = self.area.get();
        if a.is_null() {
            0
        } else {
            // SAFETY: the area is at least 8 bytes (see `save_area`), 16-byte aligned, and
            // owned by this body.
            unsafe { (a as *const u32).read() }
        }
    }

    /// Whether the body started and has not finished (it is suspended at a `yield`).
    pub fn suspended(&self) -> bool {
        self.args.borrow().is_none() && self.resume_point() != 0
    }

    /// Runs the body with `input` (owned: the sent value, or `Value::ERROR` with the
    /// exception pending) until its next `yield` or its end.
    pub fn resume(&mut self, input: Value) -> Step {
        let this: &Body = self;
        let args: Vec<Value> = match this.args.borrow_mut().take() {
            Some(args) => args.into_iter().map(Ref::into_raw).collect(),
            None => Vec::new(),
        };
        this.sent.set(input);
        RUNNING.with(|r| r.borrow_mut().push(this as *const Body));
        // The code owns the arguments from here on (it reads them only on its first call).
        let r = (this.entry)(this.func.v(), args.as_ptr());
        RUNNING.with(|r| r.borrow_mut().pop());
        drop(args);
        // The first call (or a body without `yield`) does not take the input.
        let left = this.sent.replace(Value::UNBOUND);
        if left != Value::UNBOUND {
            decref(left);
        }
        let item = this.yielded.replace(Value::UNBOUND);
        if this.resume_point() != 0 {
            Step::Yield(if item == Value::UNBOUND {
                Value::NONE
            } else {
                item
            })
        } else {
            if item != Value::UNBOUND {
                decref(item);
            }
            Step::Return(r)
        }
    }

    /// The body returned: nothing to recycle.
    pub fn finished(self) {}

    /// Drops a suspended body without running anything more of it: the references its saved
    /// locals hold leak, nothing is freed twice.
    pub fn abandon(self) {}
}

impl Drop for Body {
    fn drop(&mut self) {
        let a = self.area.get();
        if !a.is_null() {
            let layout = Layout::from_size_align(self.area_size.get(), AREA_ALIGN)
                .expect("the layout it was allocated with");
            // SAFETY: allocated by `save_area` with this layout; nothing refers to it now.
            unsafe { std::alloc::dealloc(a, layout) };
        }
        for v in [self.sent.get(), self.yielded.get()] {
            if v != Value::UNBOUND {
                decref(v);
            }
        }
    }
}

/// The body of the innermost running generator.
fn running<'a>() -> Option<&'a Body> {
    let p = RUNNING.with(|r| r.borrow().last().copied())?;
    // SAFETY: pushed by `Body::resume`, which pops it before the body can be moved or freed
    // (the generator is `Running` meanwhile, so nothing else resumes or frees it).
    Some(unsafe { &*p })
}

#[cold]
fn outside(what: &str) {
    let _: R<()> = raise(
        ExcKind::SystemError,
        format!("molt: {what} called outside of a running generator"),
    );
}

/// `molt_gen_state(size)`: the save area of the running generator, allocated zeroed (at
/// least `size` bytes, 16-byte aligned) on its first call; the same address on every call.
/// Null with `SystemError` outside a generator, `MemoryError` when it cannot be allocated.
pub fn save_area(size: u32) -> *mut u8 {
    let Some(b) = running() else {
        outside("molt_gen_state");
        return std::ptr::null_mut();
    };
    let a = b.area.get();
    if !a.is_null() {
        debug_assert!(
            size as usize <= b.area_size.get(),
            "a generator's area size changed"
        );
        return a;
    }
    let size = (size as usize).max(8).next_multiple_of(AREA_ALIGN);
    let Ok(layout) = Layout::from_size_align(size, AREA_ALIGN) else {
        let _: R<()> = raise(ExcKind::MemoryError, "");
        return std::ptr::null_mut();
    };
    // SAFETY: `layout` has a nonzero size.
    let a = unsafe { std::alloc::alloc_zeroed(layout) };
    if a.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    b.area.set(a);
    b.area_size.set(size);
    a
}

/// `molt_gen_sent()`: the value sent into the running generator (a new reference), or
/// `Value::ERROR` with the exception pending (`throw`, `close`).
pub fn sent_value() -> Value {
    let Some(b) = running() else {
        outside("molt_gen_sent");
        return Value::ERROR;
    };
    match b.sent.replace(Value::UNBOUND) {
        Value::UNBOUND => Value::NONE,
        v => v,
    }
}

/// `molt_yield(v)`: records `v` (borrowed) as the running generator's item; the body then
/// returns to the resumer. The result is ignored by state-machine bodies.
pub fn yield_value(v: Value) -> Value {
    yield_owned(incref(v))
}

/// [`yield_value`] of an owned `v`: the reference goes to the resumer.
pub fn yield_owned(v: Value) -> Value {
    let Some(b) = running() else {
        decref(v);
        let _: R<()> = raise(
            ExcKind::RuntimeError,
            "yield outside of a running generator",
        );
        return Value::ERROR;
    };
    let old = b.yielded.replace(v);
    if old != Value::UNBOUND {
        decref(old);
    }
    Value::NONE
}

#[cfg(test)]
mod tests {
    //! The protocol driven by hand-written bodies (what codegen's state machines do), on the
    //! native build: each body keeps its state in the save area.

    use super::*;
    use crate::exceptions::{exception_line, set_pending, take_pending};

    fn int(i: i64) -> Value {
        Value::inline_int(i).unwrap_or(Value::NONE)
    }

    /// Slot `k` (8 bytes each, after the resume point's 8) of the running body's area.
    fn slot(area: *mut u8, k: usize) -> *mut i64 {
        // SAFETY: the bodies below ask for 32 bytes: the resume point and 3 slots.
        unsafe { area.add(8 + 8 * k) as *mut i64 }
    }

    /// `def count(n): i = 0; while i < n: sent = yield i; i += 1 + (sent or 0); return 100`.
    extern "C" fn count(_func: Value, args: *const Value) -> Value {
        let area = save_area(32);
        assert!(!area.is_null());
        assert_eq!(area as usize % 16, 0);
        // SAFETY: the area is at least 32 bytes, owned by the running body.
        let point = unsafe { (area as *mut u32).replace(0) };
        let (n, i) = if point == 0 {
            // SAFETY: one argument on the first call.
            (unsafe { *args }.as_inline_int(), 0)
        } else {
            assert_eq!(point, 7);
            let sent = sent_value();
            if sent.is_error() {
                return Value::ERROR;
            }
            // SAFETY: saved at the last `yield`.
            let (n, i) = unsafe { (*slot(area, 0), *slot(area, 1)) };
            (
                n,
                i + 1
                    + if sent.is_inline_int() {
                        sent.as_inline_int()
                    } else {
                        0
                    },
            )
        };
        if i >= n {
            return int(100);
        }
        // SAFETY: as above.
        unsafe {
            *slot(area, 0) = n;
            *slot(area, 1) = i;
            (area as *mut u32).write(7);
        }
        yield_owned(int(i));
        Value::NONE
    }

    fn counter(n: i64) -> Body {
        Body::new(Value::NONE, count, vec![Ref::new(int(n))]).expect("body")
    }

    fn item(s: Step) -> i64 {
        match s {
            Step::Yield(v) => v.as_inline_int(),
            Step::Return(_) => panic!("finished early"),
        }
    }

    #[test]
    fn yields_sends_and_finishes() {
        let mut b = counter(4);
        assert!(!b.suspended());
        assert_eq!(item(b.resume(Value::NONE)), 0);
        assert!(b.suspended());
        let area = b.area.get();
        assert_eq!(item(b.resume(Value::NONE)), 1);
        assert_eq!(item(b.resume(int(1))), 3);
        assert_eq!(b.area.get(), area, "the area stays where it is");
        match b.resume(Value::NONE) {
            Step::Return(r) => assert_eq!(r.as_inline_int(), 100),
            Step::Yield(_) => panic!("should have finished"),
        }
        assert!(!b.suspended());
    }

    #[test]
    fn error_input_reaches_the_body() {
        let mut b = counter(3);
        item(b.resume(Value::NONE));
        let exc = crate::exceptions::new_exception(
            crate::state::exc_class(ExcKind::ValueError),
            Ref::dup(crate::state::rt().empty_tuple),
        );
        set_pending(exc);
        match b.resume(Value::ERROR) {
            Step::Return(r) => assert!(r.is_error()),
            Step::Yield(_) => panic!("the error should finish it"),
        }
        let e = take_pending().expect("pending");
        assert_eq!(exception_line(e.v()), "ValueError");
    }

    thread_local! {
        static INNER: Cell<*mut Body> = const { Cell::new(std::ptr::null_mut()) };
    }

    /// `def outer(): for x in inner: yield x * 10` over the body in `INNER`.
    extern "C" fn outer(_func: Value, _args: *const Value) -> Value {
        let area = save_area(32);
        // SAFETY: the area is at least 32 bytes, owned by the running body.
        let point = unsafe { (area as *mut u32).replace(0) };
        if point != 0 {
            let sent = sent_value();
            assert_eq!(sent, Value::NONE);
        }
        // SAFETY: set by the test for the body's life.
        let inner = unsafe { &mut *INNER.with(Cell::get) };
        match inner.resume(Value::NONE) {
            Step::Yield(x) => {
                // SAFETY: as above.
                unsafe { (area as *mut u32).write(1) };
                yield_value(int(x.as_inline_int() * 10));
                Value::NONE
            }
            Step::Return(r) => r,
        }
    }

    #[test]
    fn nested_bodies_use_their_own_areas() {
        let mut inner = counter(2);
        INNER.with(|c| c.set(&mut inner));
        let mut o = Body::new(Value::NONE, outer, Vec::new()).expect("body");
        assert_eq!(item(o.resume(Value::NONE)), 0);
        assert_eq!(item(o.resume(Value::NONE)), 10);
        match o.resume(Value::NONE) {
            Step::Return(r) => assert_eq!(r.as_inline_int(), 100),
            Step::Yield(_) => panic!("should have finished"),
        }
        assert_ne!(o.area.get(), inner.area.get());
        INNER.with(|c| c.set(std::ptr::null_mut()));
    }

    #[test]
    fn unstarted_body_releases_its_arguments() {
        let l = crate::abi::molt_build_list([].as_ptr(), 0);
        let before = crate::object::refcount(l);
        let b = Body::new(Value::NONE, count, vec![Ref::dup(l)]).expect("body");
        assert_eq!(crate::object::refcount(l), before + 1);
        drop(b);
        assert_eq!(crate::object::refcount(l), before);
        crate::object::decref(l);
    }

    #[test]
    fn outside_a_generator() {
        assert!(save_area(16).is_null());
        let e = take_pending().expect("pending");
        assert!(exception_line(e.v()).starts_with("SystemError: molt: molt_gen_state"));
        assert!(sent_value().is_error());
        drop(take_pending());
        assert!(yield_value(int(1)).is_error());
        let e = take_pending().expect("pending");
        assert_eq!(
            exception_line(e.v()),
            "RuntimeError: yield outside of a running generator"
        );
    }
}
