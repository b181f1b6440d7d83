//! Generators on wasm32: not supported yet (there are no stackful coroutines there); calling
//! a generator function raises `NotImplementedError`. Same API as the native `generator` module.

use crate::exceptions::{ExcKind, R, raise};
use crate::object::{Args, Ref};
use crate::value::Value;

/// The payload of a generator object (never created on wasm32).
pub struct GenData {
    /// `__qualname__` of the generator function.
    pub qualname: std::cell::Cell<Value>,
    /// `__name__` of the generator function.
    pub name: std::cell::Cell<Value>,
}

/// Raises `NotImplementedError`: no generators on wasm32 yet.
pub fn make_generator(
    _func: Value,
    _name: Value,
    _qualname: Value,
    _entry: extern "C" fn(Value, *const Value) -> Value,
    _args: Vec<Ref>,
) -> R<Ref> {
    raise(
        ExcKind::NotImplementedError,
        "molt: generators are not supported on wasm32 yet",
    )
}

/// Never reached (no generator runs).
pub fn yield_value(_v: Value) -> Value {
    let _: R<()> = raise(
        ExcKind::RuntimeError,
        "yield outside of a running generator",
    );
    Value::ERROR
}

/// Never reached (no generator runs); releases the owned `v`.
pub fn yield_owned(v: Value) -> Value {
    crate::object::decref(v);
    yield_value(v)
}

/// The payload of a generator.
pub fn gen_data<'a>(g: Value) -> &'a GenData {
    // SAFETY: callers check the kind.
    unsafe { crate::object::payload::<GenData>(g) }
}

/// Never reached.
pub fn gen_next(_g: Value) -> R<Option<Ref>> {
    Ok(None)
}

/// Never reached.
pub fn gen_next_or_stop(_g: Value) -> R<Ref> {
    raise(
        ExcKind::NotImplementedError,
        "molt: generators are not supported on wasm32 yet",
    )
}

/// Whether `v` is a generator.
pub fn is_generator(v: Value) -> bool {
    crate::object::is_kind(v, crate::object::Kind::Generator)
}

/// Releases a generator's references.
pub fn release(_g: Value, gd: &GenData) {
    crate::object::decref(gd.qualname.get());
    crate::object::decref(gd.name.get());
}

/// Never reached (no generator is ever made here).
pub fn gen_getattr(_g: Value, _name: &str) -> Option<Ref> {
    None
}

/// Never reached (no generator is ever made here).
pub fn gen_setattr(_g: Value, _name: &str, _v: Option<Value>) -> Option<R<()>> {
    None
}

/// Closes a generator alive at exit (nothing to do: no generator ever runs here).
pub fn close_for_finalizer(_g: Value) {}

fn unsupported(_recv: Value, _args: Args<'_>) -> R<Ref> {
    raise(
        ExcKind::NotImplementedError,
        "molt: generators are not supported on wasm32 yet",
    )
}

/// The methods of generator objects.
pub const METHODS: &[(&str, crate::object::BuiltinFn)] = &[
    ("send", unsupported),
    ("throw", unsupported),
    ("close", unsupported),
    ("__iter__", unsupported),
    ("__next__", unsupported),
    ("__del__", unsupported),
];
