//! `tuple`: construction, item access and the tuple methods.

use crate::exceptions::{R, index_error, type_error, value_error};
use crate::object::{Args, Kind, Ref, TupleBuilder, incref, is_kind, tuple_payload};
use crate::state::rt;
use crate::value::Value;

/// Whether `v` is a tuple.
#[inline]
pub fn is_tuple(v: Value) -> bool {
    is_kind(v, Kind::Tuple)
}

/// A tuple taking ownership of the given references (`()` is shared).
pub fn tuple_from_vec(items: Vec<Ref>) -> Ref {
    if items.is_empty() {
        return Ref::dup(rt().empty_tuple);
    }
    let mut b = TupleBuilder::new(items.len());
    for x in items {
        b.push(x.into_raw());
    }
    b.finish()
}

/// A tuple taking ownership of `N` references (`N > 0`: not the shared `()`).
#[inline]
pub fn tuple_from_array<const N: usize>(items: [Ref; N]) -> Ref {
    const { assert!(N > 0) };
    let mut b = TupleBuilder::new(N);
    for x in items {
        b.push(x.into_raw());
    }
    b.finish()
}

/// A tuple taking ownership of raw owned values (never shared; safe during start-up, before
/// the shared `()` exists).
pub fn tuple_from_raw(items: Vec<Value>) -> Ref {
    let mut b = TupleBuilder::new(items.len());
    for x in items {
        b.push(x);
    }
    b.finish()
}

/// A tuple with new references to borrowed values.
pub fn tuple_from_slice(items: &[Value]) -> Ref {
    if items.is_empty() {
        return Ref::dup(rt().empty_tuple);
    }
    let mut b = TupleBuilder::new(items.len());
    for v in items {
        b.push(incref(*v));
    }
    b.finish()
}

/// The items of a tuple (borrowed; empty for non-tuples).
#[inline]
pub fn tuple_items<'a>(v: Value) -> &'a [Value] {
    if !is_tuple(v) {
        return &[];
    }
    // SAFETY: `v` is a live tuple; its items never change.
    unsafe { tuple_payload(v) }.items()
}

/// `t[i]`.
pub fn tuple_getindex(t: Value, i: i64) -> R<Ref> {
    let items = tuple_items(t);
    let Some(j) = crate::int::seq_pos(i, items.len()) else {
        return index_error("tuple index out of range");
    };
    Ok(Ref::dup(items[j]))
}

/// `t[start:stop:step]` with adjusted indices.
pub fn tuple_getslice(t: Value, start: i64, stop: i64, step: i64) -> Ref {
    let items = tuple_items(t);
    if step == 1 && start <= 0 && stop >= items.len() as i64 {
        return Ref::dup(t);
    }
    let n = crate::ops::slice_len(start, stop, step);
    if n == 0 {
        return Ref::dup(rt().empty_tuple);
    }
    let mut out = TupleBuilder::new(n);
    for i in crate::ops::slice_positions(start, stop, step) {
        out.push(incref(items[i]));
    }
    out.finish()
}

/// `a + b` for tuples: one of them when the other is empty, as in CPython.
pub fn tuple_concat(a: Value, b: Value) -> Ref {
    if tuple_items(a).is_empty() {
        return Ref::dup(b);
    }
    if tuple_items(b).is_empty() {
        return Ref::dup(a);
    }
    let (a, b) = (tuple_items(a), tuple_items(b));
    let mut out = TupleBuilder::new(a.len() + b.len());
    for v in a.iter().chain(b) {
        out.push(incref(*v));
    }
    out.finish()
}

/// `t * n`.
pub fn tuple_repeat(t: Value, n: i64) -> R<Ref> {
    let items = tuple_items(t);
    if n <= 0 || items.is_empty() {
        return Ok(Ref::dup(rt().empty_tuple));
    }
    if n == 1 {
        return Ok(Ref::dup(t));
    }
    let total = crate::int::size_of_count(n)?
        .checked_mul(items.len())
        .map_or_else(crate::int::memory_error, Ok)?;
    let mut out = TupleBuilder::try_new(total)?;
    for _ in 0..n {
        for v in items {
            out.push(incref(*v));
        }
    }
    Ok(out.finish())
}

/// `tuple(...)` constructor.
pub fn tuple_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    let [it] = args.range::<1>("tuple", 0)?;
    match it {
        None => Ok(Ref::dup(rt().empty_tuple)),
        Some(v) if is_tuple(v) => Ok(Ref::dup(v)),
        Some(v) => {
            // CPython's order: `iter(v)` first, then the length hint.
            let it = crate::iter::py_iter(v)?;
            crate::iter::length_hint_check(v)?;
            let items = crate::iter::collect_vec(it.v())?;
            if items.is_empty() {
                return Ok(Ref::dup(rt().empty_tuple));
            }
            Ok(tuple_from_vec(items.into_vec()))
        }
    }
}

fn recv_tuple(recv: Value) -> R<Value> {
    if is_tuple(recv) {
        Ok(recv)
    } else {
        type_error(format!(
            "descriptor requires a 'tuple' object but received a '{}'",
            crate::class::type_name(recv)
        ))
    }
}

fn m_index(recv: Value, args: Args<'_>) -> R<Ref> {
    let t = recv_tuple(recv)?;
    let [x, start, stop] = args.range::<3>("index", 1)?;
    let x = x.unwrap_or(Value::NONE);
    let items = tuple_items(t);
    let (a, b) = crate::list::index_bounds(start, stop, items.len())?;
    for (i, item) in items.iter().enumerate().take(b).skip(a) {
        if *item == x || crate::ops::py_eq_bool(*item, x)? {
            return Ok(crate::int::int_from_i64(i as i64));
        }
    }
    value_error("tuple.index(x): x not in tuple")
}

fn m_count(recv: Value, args: Args<'_>) -> R<Ref> {
    let t = recv_tuple(recv)?;
    let [x] = args.exact("count")?;
    let mut n = 0;
    for item in tuple_items(t) {
        if *item == x || crate::ops::py_eq_bool(*item, x)? {
            n += 1;
        }
    }
    Ok(crate::int::int_from_i64(n))
}

/// The methods of `tuple`.
pub const METHODS: &[(&str, crate::object::BuiltinFn)] = &[("index", m_index), ("count", m_count)];
