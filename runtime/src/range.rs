//! `range`: construction, length, indexing and slicing, membership, and the range methods.
//!
//! Ranges whose bounds fit in an `i64` use machine arithmetic (in `i128` where it could
//! overflow); like CPython, any int is accepted as a bound, and a range with a bound beyond
//! `i64` computes with `BigInt`s (`len()` of a range longer than `sys.maxsize` raises
//! `OverflowError`, as in CPython; indexing, slicing, membership and iteration work).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::exceptions::{R, index_error, type_error, value_error};
use crate::int::{int_from_big, int_from_i64, int_view};
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

/// Number of items of a range with machine bounds.
fn small_len(start: i64, stop: i64, step: i64) -> u64 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
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

/// Number of items of a range given by `BigInt` bounds.
fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() {
        if stop > start {
            (stop - start + step - 1u32).div_floor(step)
        } else {
            BigInt::zero()
        }
    } else if start > stop {
        (start - stop - step - 1u32).div_floor(&-step)
    } else {
        BigInt::zero()
    }
}

/// Number of items (saturating at `u64::MAX` for huge ranges; see [`range_len_big`]).
pub fn range_len(r: &RangeData) -> u64 {
    match &r.big {
        None => small_len(r.start, r.stop, r.step),
        Some(b) => big_len(&b[0], &b[1], &b[2]).to_u64().unwrap_or(u64::MAX),
    }
}

/// Number of items, exactly.
pub fn range_len_big(r: &RangeData) -> BigInt {
    match &r.big {
        None => BigInt::from(small_len(r.start, r.stop, r.step)),
        Some(b) => big_len(&b[0], &b[1], &b[2]),
    }
}

/// `[start, stop, step]` as `BigInt`s.
pub fn range_bounds(r: &RangeData) -> [BigInt; 3] {
    match &r.big {
        None => [
            BigInt::from(r.start),
            BigInt::from(r.stop),
            BigInt::from(r.step),
        ],
        Some(b) => (**b).clone(),
    }
}

/// `start`, `stop` or `step` (0, 1, 2) as an int.
pub fn range_field(r: &RangeData, i: usize) -> Ref {
    match &r.big {
        None => int_from_i64([r.start, r.stop, r.step][i]),
        Some(b) => int_from_big(b[i].clone()),
    }
}

/// A new range.
pub fn range_make(start: i64, stop: i64, step: i64) -> Ref {
    alloc_ref(
        Kind::Range,
        RangeData {
            start,
            stop,
            step,
            big: None,
        },
    )
}

/// A new range from bounds of any size.
pub fn range_from_big(start: BigInt, stop: BigInt, step: BigInt) -> Ref {
    if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64()) {
        return range_make(a, b, c);
    }
    alloc_ref(
        Kind::Range,
        RangeData {
            start: 0,
            stop: 0,
            step: 1,
            big: Some(Box::new([start, stop, step])),
        },
    )
}

/// A new range from `i128` bounds.
fn range_from_i128(start: i128, stop: i128, step: i128) -> Ref {
    match (
        i64::try_from(start),
        i64::try_from(stop),
        i64::try_from(step),
    ) {
        (Ok(a), Ok(b), Ok(c)) => range_make(a, b, c),
        _ => range_from_big(start.into(), stop.into(), step.into()),
    }
}

/// `operator.index(v)` as `range()` converts its arguments: the int itself (a bool becomes
/// 0 or 1), `__index__` of an instance, else `TypeError` "'float' object cannot be
/// interpreted as an integer". The counted loops of the optimizer call it (`index`).
pub fn range_index(v: Value) -> R<crate::object::Ref> {
    if v.is_inline_int() {
        return Ok(crate::int::int_from_i64(v.as_inline_int()));
    }
    Ok(crate::int::int_from_big(range_arg(v)?))
}

/// A range argument: an int (or an object with `__index__`), as a `BigInt`.
fn range_arg(v: Value) -> R<BigInt> {
    if let Some(i) = int_view(v) {
        return Ok(i.to_big());
    }
    if is_kind(v, Kind::Instance)
        && let Some(r) = crate::class::call_dunder(v, "__index__", &[])?
    {
        if let Some(i) = int_view(r.v()) {
            if r.v().is_bool() {
                crate::warnings::int_subclass_returned("__index__", "bool");
            }
            return Ok(i.to_big());
        }
        return type_error(format!(
            "__index__ returned non-int (type {})",
            crate::class::type_name(r.v())
        ));
    }
    type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        crate::class::type_name(v)
    ))
}

/// A range argument as an `i64`, when it is a small int (the fast path).
#[inline]
fn small_arg(v: Value) -> Option<i64> {
    if v.is_inline_int() {
        Some(v.as_inline_int())
    } else {
        None
    }
}

/// `range(...)` constructor.
pub fn range_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    args.no_kw("range")?;
    // Fast path: inline ints.
    match args.pos {
        [stop] => {
            if let Some(b) = small_arg(*stop) {
                return Ok(range_make(0, b, 1));
            }
        }
        [start, stop] => {
            if let (Some(a), Some(b)) = (small_arg(*start), small_arg(*stop)) {
                return Ok(range_make(a, b, 1));
            }
        }
        [start, stop, step] => {
            if let (Some(a), Some(b), Some(c)) =
                (small_arg(*start), small_arg(*stop), small_arg(*step))
            {
                if c == 0 {
                    return value_error("range() arg 3 must not be zero");
                }
                return Ok(range_make(a, b, c));
            }
        }
        _ => {}
    }
    let (start, stop, step) = match args.pos {
        [stop] => (BigInt::zero(), range_arg(*stop)?, BigInt::one()),
        [start, stop] => (range_arg(*start)?, range_arg(*stop)?, BigInt::one()),
        [start, stop, step] => (range_arg(*start)?, range_arg(*stop)?, range_arg(*step)?),
        [] => return type_error("range expected at least 1 argument, got 0"),
        _ => {
            return type_error(format!(
                "range expected at most 3 arguments, got {}",
                args.pos.len()
            ));
        }
    };
    if step.is_zero() {
        return value_error("range() arg 3 must not be zero");
    }
    Ok(range_from_big(start, stop, step))
}

/// `r[i]` for a machine index.
pub fn range_getindex(v: Value, i: i64) -> R<Ref> {
    let r = range_data(v);
    if r.big.is_some() {
        return range_getindex_big(r, BigInt::from(i));
    }
    let n = range_len(r) as i128;
    let i = i as i128;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return index_error("range object index out of range");
    }
    Ok(crate::int::int_from_i128(
        r.start as i128 + j * r.step as i128,
    ))
}

fn range_getindex_big(r: &RangeData, i: BigInt) -> R<Ref> {
    let n = range_len_big(r);
    let j = if i.is_negative() { i + &n } else { i };
    if j.is_negative() || j >= n {
        return index_error("range object index out of range");
    }
    let [start, _, step] = range_bounds(r);
    Ok(int_from_big(start + j * step))
}

/// `r[k]` for a key that is not a slice: an int of any size, or an object with `__index__`.
pub fn range_getitem(v: Value, k: Value) -> R<Ref> {
    match int_view(k) {
        Some(crate::int::IntV::Small(i)) => range_getindex(v, i),
        Some(crate::int::IntV::Big(b)) => range_getindex_big(range_data(v), b.clone()),
        None if crate::int::has_index(k) => {
            let i = range_arg(k)?;
            range_getindex_big(range_data(v), i)
        }
        None => type_error(format!(
            "range indices must be integers or slices, not {}",
            crate::class::type_name(k)
        )),
    }
}

/// A slice bound (`None` or an int-like) as a `BigInt`.
fn slice_part(v: Value) -> R<Option<BigInt>> {
    if v.is_none() {
        return Ok(None);
    }
    if !crate::int::has_index(v) {
        return type_error("slice indices must be integers or None or have an __index__ method");
    }
    range_arg(v).map(Some)
}

/// `r[slice]`: a new range (CPython's `compute_slice` with `_PySlice_GetLongIndices`).
pub fn range_slice(v: Value, slice: Value) -> R<Ref> {
    let r = range_data(v);
    let len = range_len(r);
    // SAFETY: callers pass a slice.
    let step_small = {
        let step = unsafe { payload::<[Value; 3]>(slice) }[2];
        step.is_none() || matches!(crate::int::int_view(step), Some(crate::int::IntV::Small(_)))
    };
    // A step beyond the `i64` range would be clamped by `slice_indices`: big arithmetic then.
    if r.big.is_none() && len <= i64::MAX as u64 && step_small {
        let (a, b, c) = crate::ops::slice_indices_of(slice, len as i64)?;
        return Ok(range_getslice(v, a, b, c));
    }
    // SAFETY: callers pass a slice.
    let s = unsafe { payload::<[Value; 3]>(slice) };
    let step = slice_part(s[2])?.unwrap_or_else(BigInt::one);
    if step.is_zero() {
        return value_error("slice step cannot be zero");
    }
    let len = range_len_big(r);
    let neg = step.is_negative();
    let (lower, upper) = if neg {
        (BigInt::from(-1), &len - 1u32)
    } else {
        (BigInt::zero(), len.clone())
    };
    let adjust = |p: Option<BigInt>, default: &BigInt| -> BigInt {
        match p {
            None => default.clone(),
            Some(mut i) => {
                if i.is_negative() {
                    i += &len;
                    if i < lower {
                        i = lower.clone();
                    }
                } else if i > upper {
                    i = upper.clone();
                }
                i
            }
        }
    };
    let start = adjust(slice_part(s[0])?, if neg { &upper } else { &lower });
    let stop = adjust(slice_part(s[1])?, if neg { &lower } else { &upper });
    let [rstart, _, rstep] = range_bounds(r);
    Ok(range_from_big(
        &rstart + start * &rstep,
        &rstart + stop * &rstep,
        rstep * step,
    ))
}

/// `r[start:stop:step]` (indices already adjusted to a range with machine bounds).
pub fn range_getslice(v: Value, start: i64, stop: i64, step: i64) -> Ref {
    let r = range_data(v);
    let (rs, rst) = (r.start as i128, r.step as i128);
    range_from_i128(
        rs + start as i128 * rst,
        rs + stop as i128 * rst,
        rst * step as i128,
    )
}

/// `x in r`.
pub fn range_contains(v: Value, x: Value) -> R<bool> {
    let r = range_data(v);
    if let Some(i) = int_view(x) {
        if let (None, Some(i)) = (&r.big, i.to_i64()) {
            let (start, stop, step) = (r.start as i128, r.stop as i128, r.step as i128);
            let i = i as i128;
            let inside = if step > 0 {
                start <= i && i < stop
            } else {
                stop < i && i <= start
            };
            return Ok(inside && (i - start) % step == 0);
        }
        let i = i.to_big();
        let [start, stop, step] = range_bounds(r);
        let inside = if step.is_positive() {
            start <= i && i < stop
        } else {
            stop < i && i <= start
        };
        return Ok(inside && ((i - start) % step).is_zero());
    }
    // Other types: compare with each item (as CPython does).
    let [start, _, step] = range_bounds(r);
    let n = range_len_big(r);
    let mut k = BigInt::zero();
    while k < n {
        let item = int_from_big(&start + &k * &step);
        if crate::ops::py_eq_bool(item.v(), x)? {
            return Ok(true);
        }
        k += 1u32;
    }
    Ok(false)
}

/// `repr(r)`.
pub fn range_repr(v: Value) -> String {
    let r = range_data(v);
    let [start, stop, step] = range_bounds(r);
    if step.is_one() {
        format!("range({start}, {stop})")
    } else {
        format!("range({start}, {stop}, {step})")
    }
}

/// `r1 == r2`: same sequence of values.
pub fn range_eq(a: Value, b: Value) -> bool {
    let (x, y) = (range_data(a), range_data(b));
    if x.big.is_none() && y.big.is_none() {
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
        return n == 1 || x.step == y.step;
    }
    let (n, m) = (range_len_big(x), range_len_big(y));
    if n != m {
        return false;
    }
    if n.is_zero() {
        return true;
    }
    let ([xs, _, xst], [ys, _, yst]) = (range_bounds(x), range_bounds(y));
    if xs != ys {
        return false;
    }
    n.is_one() || xst == yst
}

/// `iter(r)` for a range with a bound beyond `i64`.
pub fn range_iter_big(r: &RangeData) -> Ref {
    let [start, _, step] = range_bounds(r);
    let mut left = range_len_big(r);
    let mut next = start;
    crate::iter::native_iter(crate::object::IterType::LongRangeIterator, move || {
        if left.is_zero() {
            return Ok(None);
        }
        left -= 1u32;
        let v = next.clone();
        next += &step;
        Ok(Some(int_from_big(v)))
    })
}

/// `reversed(r)`.
pub fn range_reversed(v: Value) -> R<Ref> {
    let r = range_data(v);
    let rr = if r.big.is_none() {
        let n = range_len(r) as i128;
        let (start, step) = (r.start as i128, r.step as i128);
        let last = start + (n - 1) * step;
        range_from_i128(last, start - step, -step)
    } else {
        let n = range_len_big(r);
        let [start, _, step] = range_bounds(r);
        let last = &start + (n - 1u32) * &step;
        range_from_big(last, &start - &step, -step)
    };
    crate::iter::py_iter(rr.v())
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
        if let Some(i) = int_view(x) {
            let [start, _, step] = range_bounds(range_data(v));
            return Ok(int_from_big((i.to_big() - start) / step));
        }
        // A non-int equal to an item: its position, by search.
        let r = range_data(v);
        let [start, _, step] = range_bounds(r);
        let n = range_len_big(r);
        let mut k = BigInt::zero();
        while k < n {
            let item = int_from_big(&start + &k * &step);
            if crate::ops::py_eq_bool(item.v(), x)? {
                return Ok(int_from_big(k));
            }
            k += 1u32;
        }
    }
    value_error(format!("{} is not in range", crate::ops::repr_string(x)?))
}

fn m_count(recv: Value, args: Args<'_>) -> R<Ref> {
    let v = recv_range(recv)?;
    let [x] = args.exact("count")?;
    if int_view(x).is_some() {
        return Ok(int_from_i64(range_contains(v, x)? as i64));
    }
    let r = range_data(v);
    let [start, _, step] = range_bounds(r);
    let n = range_len_big(r);
    let mut k = BigInt::zero();
    let mut count = 0i64;
    while k < n {
        let item = int_from_big(&start + &k * &step);
        if crate::ops::py_eq_bool(item.v(), x)? {
            count += 1;
        }
        k += 1u32;
    }
    Ok(int_from_i64(count))
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
                big: None,
            })
        };
        assert_eq!(l(0, 10, 1), 10);
        assert_eq!(l(0, 10, 3), 4);
        assert_eq!(l(10, 0, -3), 4);
        assert_eq!(l(10, 0, 1), 0);
        assert_eq!(l(i64::MIN, i64::MAX, 1), u64::MAX);
        let b = |a: i64, b: i64, c: i64| {
            big_len(&BigInt::from(a), &BigInt::from(b), &BigInt::from(c))
                .to_i64()
                .unwrap()
        };
        assert_eq!(b(0, 10, 3), 4);
        assert_eq!(b(10, 0, -3), 4);
        assert_eq!(b(-10, 10, 7), 3);
        assert_eq!(b(5, -5, -1), 10);
        assert_eq!(b(7, 7, -1), 0);
        assert_eq!(b(0, -1, 1), 0);
    }
}
