//! `range`: construction, length, indexing and slicing, membership, and the range methods.

use crate::exceptions::{R, index_error, type_error, value_error};
use crate::int::{int_from_i64, int_view};
use crate::object::{Args, Kind, RangeData, Ref, alloc_ref, is_kind, payload};
use crate::value::Value;

/// Whether `v` is a range.
#[inline]
pub fn is_range(v: Value) -> bool {
    is_kind(v, Kind::Range)
}

/// The payload of a range value (the caller checked the kind).
#[inline]
pub fn range_data<'a>(v: Value) -> &'a RangeData {
    debug_assert!(is_range(v));
    // SAFETY: `v` is a live range.
    unsafe { payload::<RangeData>(v) }
}

/// Number of items.
pub fn range_len(r: &RangeData) -> u64 {
    let (start, stop, step) = (r.start as i128, r.stop as i128, r.step as i128);
    let n = if step > 0 {
        if stop > start {
            (stop - start + step - 1) / step
        } else {
            0
        }
    } else if start > stop {
        (start - stop - step - 1) / (-step)
    } else {
        0
    };
    n as u64
}

/// A new range.
pub fn range_make(start: i64, stop: i64, step: i64) -> Ref {
    alloc_ref(Kind::Range, RangeData { start, stop, step })
}

fn range_arg(v: Value) -> R<i64> {
    if int_view(v).is_none() && !is_kind(v, Kind::Instance) {
        return type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::class::type_name(v)
        ));
    }
    crate::int::index_i64(v)
}

/// `range(...)` constructor.
pub fn range_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    args.no_kw("range")?;
    let (start, stop, step) = match args.pos {
        [stop] => (0, range_arg(*stop)?, 1),
        [start, stop] => (range_arg(*start)?, range_arg(*stop)?, 1),
        [start, stop, step] => (range_arg(*start)?, range_arg(*stop)?, range_arg(*step)?),
        [] => return type_error("range expected at least 1 argument, got 0"),
        _ => {
            return type_error(format!(
                "range expected at most 3 arguments, got {}",
                args.pos.len()
            ));
        }
    };
    if step == 0 {
        return value_error("range() arg 3 must not be zero");
    }
    Ok(range_make(start, stop, step))
}

/// `r[i]`.
pub fn range_getindex(v: Value, i: i64) -> R<Ref> {
    let r = range_data(v);
    let n = range_len(r) as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return index_error("range object index out of range");
    }
    Ok(crate::int::int_from_i128(
        r.start as i128 + j as i128 * r.step as i128,
    ))
}

/// `r[start:stop:step]` (adjusted indices) as a new range.
pub fn range_getslice(v: Value, start: i64, stop: i64, step: i64) -> Ref {
    let r = range_data(v);
    let n = crate::ops::slice_len(start, stop, step) as i64;
    let new_start = r.start.saturating_add(start.saturating_mul(r.step));
    let new_step = r.step.saturating_mul(step);
    let new_stop = new_start.saturating_add(n.saturating_mul(new_step));
    range_make(new_start, new_stop, new_step)
}

/// `x in r`.
pub fn range_contains(v: Value, x: Value) -> R<bool> {
    let r = range_data(v);
    if let Some(i) = int_view(x) {
        let Some(i) = i.to_i64() else {
            return Ok(false);
        };
        let (start, stop, step) = (r.start as i128, r.stop as i128, r.step as i128);
        let i = i as i128;
        let inside = if step > 0 {
            start <= i && i < stop
        } else {
            stop < i && i <= start
        };
        return Ok(inside && (i - start) % step == 0);
    }
    // Other types: compare with each item (as CPython does).
    let n = range_len(r);
    for k in 0..n {
        let item = crate::int::int_from_i128(r.start as i128 + k as i128 * r.step as i128);
        if crate::ops::py_eq_bool(item.v(), x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `repr(r)`.
pub fn range_repr(v: Value) -> String {
    let r = range_data(v);
    if r.step == 1 {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }
}

/// `r1 == r2`: same sequence of values.
pub fn range_eq(a: Value, b: Value) -> bool {
    let (x, y) = (range_data(a), range_data(b));
    let (n, m) = (range_len(x), range_len(y));
    if n != m {
        return false;
    }
    if n == 0 {
        return true;
    }
    if x.start != y.start {
        return false;
    }
    n == 1 || x.step == y.step
}

fn recv_range(recv: Value) -> R<Value> {
    if is_range(recv) {
        Ok(recv)
    } else {
        type_error("descriptor requires a 'range' object")
    }
}

fn m_index(recv: Value, args: Args<'_>) -> R<Ref> {
    let v = recv_range(recv)?;
    let [x] = args.exact("index")?;
    if range_contains(v, x)? {
        if let Some(i) = int_view(x).and_then(|i| i.to_i64()) {
            let r = range_data(v);
            return Ok(crate::int::int_from_i128(
                (i as i128 - r.start as i128) / r.step as i128,
            ));
        }
    }
    value_error(format!("{} is not in range", crate::ops::repr_string(x)?))
}

fn m_count(recv: Value, args: Args<'_>) -> R<Ref> {
    let v = recv_range(recv)?;
    let [x] = args.exact("count")?;
    Ok(int_from_i64(range_contains(v, x)? as i64))
}

/// The methods of `range`.
pub const METHODS: &[(&str, crate::object::BuiltinFn)] = &[("index", m_index), ("count", m_count)];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths() {
        let l = |a, b, c| {
            range_len(&RangeData {
                start: a,
                stop: b,
                step: c,
            })
        };
        assert_eq!(l(0, 10, 1), 10);
        assert_eq!(l(0, 10, 3), 4);
        assert_eq!(l(10, 0, -3), 4);
        assert_eq!(l(10, 0, 1), 0);
        assert_eq!(l(i64::MIN, i64::MAX, 1), u64::MAX);
    }
}
