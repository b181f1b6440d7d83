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
