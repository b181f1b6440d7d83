//! `tuple`: construction, item access and the tuple methods.

use crate::exceptions::{R, index_error, type_error, value_error};
use crate::object::{Args, Kind, Ref, alloc_ref, incref, is_kind, payload};
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
    tuple_from_raw(items.into_iter().map(Ref::into_raw).collect())
}

/// A tuple taking ownership of raw owned values (never shared; safe during start-up).
pub fn tuple_from_raw(items: Vec<Value>) -> Ref {
    alloc_ref(Kind::Tuple, items.into_boxed_slice())
}

/// A tuple with new references to borrowed values.
pub fn tuple_from_slice(items: &[Value]) -> Ref {
    if items.is_empty() {
        return Ref::dup(rt().empty_tuple);
    }
    let mut b = Box::<[Value]>::new_uninit_slice(items.len());
    for (slot, v) in b.iter_mut().zip(items) {
        slot.write(incref(*v));
    }
    // SAFETY: every slot was written above.
    alloc_ref(Kind::Tuple, unsafe { b.assume_init() })
}

/// The items of a tuple (borrowed; empty for non-tuples).
#[inline]
pub fn tuple_items<'a>(v: Value) -> &'a [Value] {
    if !is_tuple(v) {
        return &[];
    }
    // SAFETY: `v` is a live tuple; its items never change.
    unsafe { payload::<Box<[Value]>>(v) }
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
    let out: Vec<Value> = crate::ops::slice_positions(start, stop, step)
        .map(|i| incref(items[i]))
        .collect();
    if out.is_empty() {
        return Ref::dup(rt().empty_tuple);
    }
    tuple_from_raw(out)
}

/// `a + b` for tuples.
pub fn tuple_concat(a: Value, b: Value) -> Ref {
    let mut out: Vec<Value> = tuple_items(a).iter().map(|v| incref(*v)).collect();
    out.extend(tuple_items(b).iter().map(|v| incref(*v)));
    tuple_from_raw(out)
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
    let mut out = crate::int::try_vec(total)?;
    for _ in 0..n {
        out.extend(items.iter().map(|v| incref(*v)));
    }
    Ok(tuple_from_raw(out))
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
            Ok(tuple_from_vec(items))
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
