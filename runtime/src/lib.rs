//! `molt_runtime`: the library every compiled program links — values, objects, builtins,
//! exceptions — with the `extern "C"` ABI of `docs/runtime.md` in [`abi`].
//!
//! # Map
//! - [`value`]: the NaN-boxed one-word [`Value`]; [`object`]: heap object header, kinds,
//!   payloads, allocation and reference counting ([`Ref`] is an owned reference).
//! - [`state`]: the per-thread runtime state (builtin classes, the pending exception, the call
//!   depth, interned constants, stdout buffer).
//! - Types: [`int`], [`float`], [`str`], [`list`], [`tuple`], [`dict`], [`set`], [`range`],
//!   [`iter`], [`generator`] (own stacks natively, state machines on wasm32); [`hash`]
//!   (CPython-compatible hashes); [`format`] (format specs and `%`); [`unicode`] (character properties and case
//!   mappings from CPython's Unicode 14.0 database, [`unicode_db`]).
//! - Semantics: [`ops`] (operators, comparison, truthiness, subscripts), [`slots`] (their
//!   special methods on the builtin types: `int.__add__`), [`attr`] (attribute lookup), [`class`] (classes, instances, `super`, `isinstance`), [`call`] (argument
//!   binding, the call-depth limit), [`exceptions`] (raising, the pending exception, messages).
//! - Library: [`builtins`], [`modules`] (`sys`, `math`), [`cmath`], [`io`] (buffered stdout).
//! - Statements: [`matching`] (the run-time tests of `match` statements).
//! - Lifetimes: [`finalize`] (`__del__`, generators closed when freed, finalization at exit).
//! - Entry: [`entry`] (`molt_main`, the big-stack program thread), [`abi`] (every exported
//!   function), [`fatal`] (the fatal-signal handler on an alternate stack, Unix).
//! - Profiling: [`profile`] (per-site counters, global counters, the `SIGPROF` sampler,
//!   the profile JSON written at exit).
//! - Limits: [`recursion`] (the recursion depth shared by calls and the runtime's own
//!   recursion, and the native stack check).
//! - Assumptions: [`watch`] (module globals that compiled code relies on, checked on every
//!   write to a module's namespace).
//! - Memory: [`alloc`] (the global allocator: per-thread free lists for small blocks).
//!
//! # Conventions
//! Internal functions take borrowed `Value`s and return `R<Ref>`: `Err(Raised)` means an
//! exception is pending (set with the helpers of [`exceptions`]). The ABI layer converts
//! that to `Value::ERROR` / `-1`. No Rust panic is reachable from a Python program: every
//! failure becomes a Python exception.
//!
//! The runtime is single-threaded: each thread has its own state (tests run in parallel
//! threads, each with its own runtime).

pub mod abi;
mod abi_check;
pub mod alloc;
pub mod attr;
pub mod builtins;
pub mod bytes;
pub mod call;
pub mod class;
pub mod cmath;
pub mod codecs;
pub mod complex;
pub mod cpython_attrs;
pub mod dict;
pub mod entry;
pub mod exc_group;
pub mod exc_members;
pub mod exc_syntax;
pub mod exceptions;
#[cfg(unix)]
pub mod fatal;
pub mod finalize;
pub mod float;
pub mod format;
pub mod gamma;
pub mod generator;
pub mod generic_alias;
pub mod hash;
pub mod heapq;
pub mod int;
pub mod io;
pub mod iter;
pub mod itertools;
pub mod libm;
pub mod list;
pub mod matching;
pub mod memoryview;
pub mod modules;
pub mod object;
pub mod ops;
pub mod posix;
pub mod profile;
pub mod random;
pub mod range;
pub mod re;
pub mod recursion;
pub mod set;
pub mod slots;
pub mod state;
pub mod str;
pub mod struct_core;
pub mod structseq;
pub mod suggestions;
#[cfg(test)]
mod tests;
pub mod timsort;
pub mod traceback;
pub mod tuple;
pub mod unicode;
pub mod unicode_db;
pub mod value;
pub mod warnings;
#[cfg(target_arch = "wasm32")]
pub mod wasi;
pub mod watch;

/// Small blocks come from per-thread free lists ([`alloc`]), on every target (on wasm32 the
/// system allocator behind them is Rust's port of dlmalloc).
#[global_allocator]
static GLOBAL: alloc::PoolAlloc = alloc::PoolAlloc;

pub use exceptions::{R, Raised};
pub use object::Ref;
pub use value::Value;
