//! Generator bodies on their own stacks (native targets): each body is ordinary compiled code
//! running on a stackful coroutine (`corosensei`, [`STACK_SIZE`] bytes of virtual memory;
//! stacks of finished generators are reused), and `molt_yield` switches back to the resumer.
//!
//! The coroutine's input is the sent value (a new reference), or `Value::ERROR` with an
//! exception pending (`throw`, `close`), which `molt_yield` returns so the compiled body
//! propagates it; its output is the yielded value (owned) or the body's return value.

use std::cell::RefCell;

use corosensei::stack::{DefaultStack, Stack};
use corosensei::{Coroutine, CoroutineResult, Yielder};

use super::{Entry, Step};
use crate::exceptions::{ExcKind, R, raise};
use crate::object::{Ref, decref, incref};
use crate::value::Value;

/// Bytes of (virtual) stack per generator.
const STACK_SIZE: usize = 4 << 20;
/// Finished generators' stacks kept for reuse.
const POOL_MAX: usize = 16;

type Co = Coroutine<Value, Value, Value, DefaultStack>;

thread_local! {
    /// The yielders of the generators currently running, innermost last.
    static YIELDERS: RefCell<Vec<*const Yielder<Value, Value>>> = const { RefCell::new(Vec::new()) };
    static STACKS: RefCell<Vec<DefaultStack>> = const { RefCell::new(Vec::new()) };
}

/// A generator's body: a coroutine that calls the generator function's code with the bound
/// arguments. Dropped before it starts, it releases them; a suspended one is dropped only
/// through [`Body::abandon`].
pub struct Body {
    co: Co,
    /// The lowest usable address of the body's stack.
    stack_bottom: usize,
}

impl Body {
    /// A body that will call `entry(func, args)` on its first resumption (`args`: one owned
    /// value per parameter, handed to the code then). `MemoryError` when no stack can be had.
    pub fn new(func: Value, entry: Entry, args: Vec<Ref>) -> R<Body> {
        let func = Ref::dup(func);
        let stack = match STACKS.with(|s| s.borrow_mut().pop()) {
            Some(s) => s,
            None => match DefaultStack::new(STACK_SIZE) {
                Ok(s) => s,
                Err(_) => return raise(ExcKind::MemoryError, "cannot allocate a generator stack"),
            },
        };
        let stack_bottom = stack.limit().get();
        let co: Co =
            Coroutine::with_stack(stack, move |y: &Yielder<Value, Value>, first: Value| {
                decref(first);
                YIELDERS.with(|ys| ys.borrow_mut().push(y as *const _));
                let vals: Vec<Value> = args.into_iter().map(Ref::into_raw).collect();
                let r = entry(func.v(), vals.as_ptr());
                YIELDERS.with(|ys| ys.borrow_mut().pop());
                drop(vals);
                drop(func);
                r
            });
        Ok(Body { co, stack_bottom })
    }

    /// The lowest usable address of the stack the body runs on, for the native stack check
    /// while it runs (see [`crate::recursion`]); `None`: the resumer's stack.
    #[inline]
    pub fn stack_bottom(&self) -> Option<usize> {
        Some(self.stack_bottom)
    }

    /// Whether the body started and has not finished (it is suspended at a `yield`).
    #[inline]
    pub fn suspended(&self) -> bool {
        self.co.started() && !self.co.done()
    }

    /// Runs the body with `input` (owned: the sent value, or `Value::ERROR` with the
    /// exception pending) until its next `yield` or its end.
    #[inline]
    pub fn resume(&mut self, input: Value) -> Step {
        match self.co.resume(input) {
            CoroutineResult::Yield(v) => Step::Yield(v),
            CoroutineResult::Return(r) => Step::Return(r),
        }
    }

    /// The body returned: its stack goes back to the pool.
    pub fn finished(self) {
        let stack = self.co.into_stack();
        STACKS.with(|s| {
            let mut s = s.borrow_mut();
            if s.len() < POOL_MAX {
                s.push(stack);
            }
        });
    }

    /// Drops a suspended body without running anything more of it: the references its frame
    /// holds leak, nothing is freed twice.
    pub fn abandon(mut self) {
        if self.suspended() {
            // SAFETY: the body is suspended in `molt_yield`, directly under the closure; no
            // frame on the coroutine stack needs its destructor run for soundness (the
            // closure's references are leaked instead of released).
            unsafe { self.co.force_reset() };
        }
    }
}

/// `molt_yield(v)`: suspends the running generator with `v` (borrowed); returns the sent
/// value (new reference) or `Value::ERROR` when resumed by `throw`/`close`.
pub fn yield_value(v: Value) -> Value {
    yield_owned(incref(v))
}

/// [`yield_value`] of an owned `v`: the reference goes to the resumer, so the suspended
/// body keeps none (CPython's `YIELD_VALUE` pops the value off the frame's stack).
pub fn yield_owned(v: Value) -> Value {
    let Some(y) = YIELDERS.with(|ys| ys.borrow_mut().pop()) else {
        decref(v);
        let _: R<()> = raise(
            ExcKind::RuntimeError,
            "yield outside of a running generator",
        );
        return Value::ERROR;
    };
    // SAFETY: the pointer was pushed by the body of the generator running now, whose
    // coroutine (and so its yielder) is alive until the body returns.
    let sent = unsafe { &*y }.suspend(v);
    YIELDERS.with(|ys| ys.borrow_mut().push(y));
    sent
}

/// `molt_gen_state` is part of wasm32's state-machine protocol; native generator bodies run
/// on their own stacks and never call it: `SystemError`, null.
pub fn save_area(_size: u32) -> *mut u8 {
    let _: R<()> = raise(
        ExcKind::SystemError,
        "molt: molt_gen_state is only called by wasm32 generator bodies",
    );
    std::ptr::null_mut()
}

/// `molt_gen_sent` is part of wasm32's state-machine protocol; native generator bodies get
/// the sent value from `molt_yield`: `SystemError`.
pub fn sent_value() -> Value {
    let _: R<()> = raise(
        ExcKind::SystemError,
        "molt: molt_gen_sent is only called by wasm32 generator bodies",
    );
    Value::ERROR
}
