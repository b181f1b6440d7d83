//! `int`: inline 48-bit ints with transparent promotion to `BigInt` (and demotion back
//! whenever a result fits), Python's floor division and modulo, `**` (negative exponents
//! give floats), shifts and bitwise ops, parsing (`int("ff", 16)`) and printing (with
//! CPython 3.11's 4300-digit limit).

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::exceptions::{
    ExcKind, R, overflow_error, raise, type_error, value_error, zero_division,
};
use crate::object::{Args, Kind, Ref, alloc_ref, is_kind, payload};
use crate::value::Value;

/// CPython 3.11's default limit on digits in int/str conversions.
pub const MAX_STR_DIGITS: usize = 4300;
/// The smallest limit `sys.set_int_max_str_digits` accepts (other than 0) and the size below
/// which conversions are never checked.
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

thread_local! {
    static STR_DIGITS_LIMIT: std::cell::Cell<usize> = const { std::cell::Cell::new(MAX_STR_DIGITS) };
}

/// The current limit on decimal digits in int/str conversions (0: unlimited).
pub fn max_str_digits() -> usize {
    STR_DIGITS_LIMIT.with(|c| c.get())
}

/// Sets the limit (`sys.set_int_max_str_digits`): 0 or at least 640, else `ValueError`.
pub fn set_max_str_digits(n: i64) -> R<()> {
    if n != 0 && n < MAX_STR_DIGITS_THRESHOLD as i64 {
        return value_error("maxdigits must be 0 or larger than 640");
    }
    STR_DIGITS_LIMIT.with(|c| c.set(usize::try_from(n).unwrap_or(usize::MAX)));
    Ok(())
}

/// Whether `digits` decimal digits exceed the current limit.
fn over_limit(digits: usize) -> Option<usize> {
    let limit = max_str_digits();
    (limit > 0 && digits > MAX_STR_DIGITS_THRESHOLD && digits > limit).then_some(limit)
}

/// A borrowed view of an int-like value (int, bool, BigInt).
#[derive(Clone, Copy, Debug)]
pub enum IntV<'a> {
    /// Fits in an `i64`.
    Small(i64),
    /// Does not fit in 48 bits.
    Big(&'a BigInt),
}

impl IntV<'_> {
    /// As an owned BigInt.
    pub fn to_big(self) -> BigInt {
        match self {
            IntV::Small(i) => BigInt::from(i),
            IntV::Big(b) => b.clone(),
        }
    }

    /// Whether it is zero.
    pub fn is_zero(self) -> bool {
        match self {
            IntV::Small(i) => i == 0,
            IntV::Big(b) => b.is_zero(),
        }
    }

    /// Whether it is negative.
    pub fn is_negative(self) -> bool {
        match self {
            IntV::Small(i) => i < 0,
            IntV::Big(b) => b.is_negative(),
        }
    }

    /// As an `i64`, if it fits.
    pub fn to_i64(self) -> Option<i64> {
        match self {
            IntV::Small(i) => Some(i),
            IntV::Big(b) => b.to_i64(),
        }
    }
}

/// The int view of `v` if it is an int or a bool.
#[inline]
pub fn int_view<'a>(v: Value) -> Option<IntV<'a>> {
    if v.is_inline_int() {
        Some(IntV::Small(v.as_inline_int()))
    } else if v.is_bool() {
        Some(IntV::Small((v == Value::TRUE) as i64))
    } else if is_kind(v, Kind::BigInt) {
        // SAFETY: kind checked.
        Some(IntV::Big(unsafe { payload::<BigInt>(v) }))
    } else {
        None
    }
}

/// Whether `v` is an int (including bool).
#[inline]
pub fn is_int(v: Value) -> bool {
    v.is_inline_int() || v.is_bool() || is_kind(v, Kind::BigInt)
}

/// An int from an `i64`.
#[inline]
pub fn int_from_i64(i: i64) -> Ref {
    match Value::inline_int(i) {
        Some(v) => Ref::new(v),
        None => alloc_ref(Kind::BigInt, BigInt::from(i)),
    }
}

/// An int from an `i128`.
pub fn int_from_i128(i: i128) -> Ref {
    match i64::try_from(i) {
        Ok(x) => int_from_i64(x),
        Err(_) => alloc_ref(Kind::BigInt, BigInt::from(i)),
    }
}

/// An int from a BigInt, demoted to inline form when it fits.
pub fn int_from_big(b: BigInt) -> Ref {
    if let Some(i) = b.to_i64() {
        if let Some(v) = Value::inline_int(i) {
            return Ref::new(v);
        }
    }
    alloc_ref(Kind::BigInt, b)
}

/// `v` as an `i64` for use as an index or count: ints (and bools), or objects with
/// `__index__`. `TypeError` for other types, `OverflowError` when too large.
pub fn index_i64(v: Value) -> R<i64> {
    match int_view(v) {
        Some(IntV::Small(i)) => Ok(i),
        Some(IntV::Big(b)) => match b.to_i64() {
            Some(i) => Ok(i),
            None => overflow_error("Python int too large to convert to C ssize_t"),
        },
        None => {
            if is_kind(v, Kind::Instance) {
                if let Some(r) = crate::class::call_dunder(v, "__index__", &[])? {
                    if is_int(r.v()) {
                        warn_if_bool("__index__", r.v());
                        return index_i64(r.v());
                    }
                    return type_error(format!(
                        "__index__ returned non-int (type {})",
                        crate::class::type_name(r.v())
                    ));
                }
            }
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                crate::class::type_name(v)
            ))
        }
    }
}

/// CPython's `DeprecationWarning` when `__index__`/`__int__` (`dunder`) returned `r`, an int,
/// that is a strict subclass of int (a bool).
fn warn_if_bool(dunder: &str, r: Value) {
    if r.is_bool() {
        crate::warnings::int_subclass_returned(dunder, "bool");
    }
}

/// The position a Python index `i` designates in a sequence of `len` items: `i` itself, or
/// `i + len` for a negative `i`; `None` when that is outside `0..len`. The check is done in
/// `i64`, before any conversion to `usize`, so an index of `2**32` is out of range on wasm32
/// (32-bit `usize`) exactly as on 64-bit targets (a plain `as usize` would wrap it to 0).
pub fn seq_pos(i: i64, len: usize) -> Option<usize> {
    let n = i64::try_from(len).ok()?;
    let j = if i < 0 { i.checked_add(n)? } else { i };
    if j < n { usize::try_from(j).ok() } else { None }
}

/// `i` (a count, width or position the program gave, already known to be `>= 0`) as a
/// `usize`, or `MemoryError` when it cannot be one (above 4 GiB on wasm32): anything that
/// large is a size no allocation can satisfy there.
pub fn size_of_count(i: i64) -> R<usize> {
    usize::try_from(i).or_else(|_| memory_error())
}

/// `MemoryError` with CPython's empty message: an allocation a program asked for cannot be
/// made (its size overflows, exceeds the address space, or the allocator failed).
pub fn memory_error<T>() -> R<T> {
    raise(ExcKind::MemoryError, "")
}

/// An empty vector with room for exactly `n` items, or `MemoryError` when the `n` items cannot
/// be allocated (`n * size_of::<T>()` above `isize::MAX` bytes, or the allocator fails).
/// Every allocation whose size a program chooses goes through this (or [`try_reserve`],
/// [`try_repeat`]) instead of `Vec::with_capacity`, which aborts the process on failure.
pub fn try_vec<T>(n: usize) -> R<Vec<T>> {
    let mut v = Vec::new();
    try_reserve(&mut v, n)?;
    Ok(v)
}

/// Makes room for `extra` more items in `v` (exactly, no doubling), or `MemoryError`.
pub fn try_reserve<T>(v: &mut Vec<T>, extra: usize) -> R<()> {
    v.try_reserve_exact(extra).or_else(|_| memory_error())
}

/// `n` zero bytes (`bytes(n)`, a packed struct), or `MemoryError`.
pub fn try_zeroed(n: usize) -> R<Vec<u8>> {
    let mut v = try_vec(n)?;
    v.resize(n, 0);
    Ok(v)
}

/// An empty `String` with room for `n` bytes, or `MemoryError`.
pub fn try_string(n: usize) -> R<String> {
    let mut s = String::new();
    s.try_reserve_exact(n).or_else(|_| memory_error())?;
    Ok(s)
}

/// `n` copies of `s` one after another, or `MemoryError` when `s.len() * n` items overflow or
/// cannot be allocated.
pub fn try_repeat<T: Copy>(s: &[T], n: usize) -> R<Vec<T>> {
    let Some(total) = s.len().checked_mul(n) else {
        return memory_error();
    };
    let mut out = try_vec(total)?;
    for _ in 0..n {
        out.extend_from_slice(s);
    }
    Ok(out)
}

/// Checks that a result of `count` items of `item` bytes could be allocated, or raises
/// `MemoryError`, for code that builds a result whose size a program chose with `format!`
/// or `String` growth (format widths): sizes up to 1 MiB pass at once, larger ones are
/// tried with a real (immediately released) reservation.
pub fn check_alloc(count: u64, item: usize) -> R<()> {
    let Some(bytes) = count.checked_mul(item as u64) else {
        return memory_error();
    };
    if bytes <= 1 << 20 {
        return Ok(());
    }
    let bytes = usize::try_from(bytes).or_else(|_| memory_error())?;
    try_vec::<u8>(bytes).map(drop)
}

/// `left` copies of the character `c`, then `middle`, then `right` copies of `c` (the
/// padding of `str.center`/`ljust`/`rjust` and of format widths), or `MemoryError` when the
/// result cannot be allocated.
pub fn try_pad(left: usize, c: char, middle: &str, right: usize) -> R<String> {
    let total = left
        .checked_add(right)
        .and_then(|n| n.checked_mul(c.len_utf8()))
        .and_then(|n| n.checked_add(middle.len()));
    let Some(total) = total else {
        return memory_error();
    };
    let mut out = try_string(total)?;
    out.extend(std::iter::repeat_n(c, left));
    out.push_str(middle);
    out.extend(std::iter::repeat_n(c, right));
    Ok(out)
}

/// `v` as an index into a sequence: like [`index_i64`] but `IndexError` for huge ints.
pub fn seq_index(v: Value, what: &str) -> R<i64> {
    if let Some(IntV::Small(i)) = int_view(v) {
        return Ok(i);
    }
    if !has_index(v) {
        return type_error(format!(
            "{what} indices must be integers or slices, not {}",
            crate::class::type_name(v)
        ));
    }
    as_ssize(v, Some(ExcKind::IndexError))
}

/// Whether `v` supports the index protocol (CPython's `PyIndex_Check`): an int or bool, or an
/// instance whose class defines `__index__`.
pub fn has_index(v: Value) -> bool {
    int_view(v).is_some()
        || (is_kind(v, Kind::Instance) && crate::class::has_dunder(v, "__index__"))
}

/// `operator.index(v)` (CPython's `PyNumber_Index`): `v` itself when it is an int (a bool
/// becomes `0` or `1`), else the result of its `__index__`, which must be an int.
/// `TypeError: 'T' object cannot be interpreted as an integer` for other values.
pub fn index_value(v: Value) -> R<Ref> {
    if v.is_bool() {
        return Ok(int_from_i64((v == Value::TRUE) as i64));
    }
    if int_view(v).is_some() {
        return Ok(Ref::dup(v));
    }
    if is_kind(v, Kind::Instance) {
        if let Some(r) = crate::class::call_dunder(v, "__index__", &[])? {
            if is_int(r.v()) {
                warn_if_bool("__index__", r.v());
                if r.v().is_bool() {
                    return Ok(int_from_i64((r.v() == Value::TRUE) as i64));
                }
                return Ok(r);
            }
            return type_error(format!(
                "__index__ returned non-int (type {})",
                crate::class::type_name(r.v())
            ));
        }
    }
    type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        crate::class::type_name(v)
    ))
}

/// CPython's `PyNumber_AsSsize_t(v, err)`: the index of `v` as a machine-sized int. When it
/// does not fit, `err` is raised (`cannot fit 'T' into an index-sized integer`, with the type
/// of `v`), or with `err` `None` the value is clamped to the `i64` range.
pub fn as_ssize(v: Value, err: Option<ExcKind>) -> R<i64> {
    let i = index_value(v)?;
    let Some(iv) = int_view(i.v()) else {
        return Ok(0);
    };
    if let Some(x) = iv.to_i64() {
        return Ok(x);
    }
    match err {
        Some(k) => raise(
            k,
            format!(
                "cannot fit '{}' into an index-sized integer",
                crate::class::type_name(v)
            ),
        ),
        None if iv.is_negative() => Ok(i64::MIN),
        None => Ok(i64::MAX),
    }
}

/// Converts an int to `f64`, raising `OverflowError` when it is too large.
pub fn int_to_f64(i: IntV<'_>) -> R<f64> {
    match i {
        IntV::Small(x) => Ok(x as f64),
        IntV::Big(b) => big_to_f64(b),
    }
}

/// A BigInt to the nearest `f64`, ties to even (as CPython's `PyLong_AsDouble`), or
/// `OverflowError: int too large to convert to float` when the rounded value is not finite.
pub fn big_to_f64(b: &BigInt) -> R<f64> {
    match big_to_f64_opt(b) {
        Some(f) => Ok(f),
        None => overflow_error("int too large to convert to float"),
    }
}

/// `2**e` as an `f64` for `-1074 <= e <= 1023` (exact, subnormal powers included).
pub fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

/// A BigInt to the nearest `f64` (ties to even), `None` when that is out of range.
///
/// Keeps the top 64 bits of the magnitude, folds every lower bit into bit 0 (a sticky bit:
/// it lies below the rounding position, so it only breaks ties), and lets the one
/// `u64 -> f64` conversion round; scaling by a power of two is then exact.
pub fn big_to_f64_opt(b: &BigInt) -> Option<f64> {
    let mag = b.magnitude();
    let bits = mag.bits();
    let f = if bits <= 64 {
        mag.to_u64()? as f64
    } else {
        if bits > 1025 {
            return None;
        }
        let shift = bits - 64;
        let mut top = (mag >> shift).to_u64()?;
        if mag.trailing_zeros().unwrap_or(0) < shift {
            top |= 1;
        }
        (top as f64) * pow2(shift as i64)
    };
    if !f.is_finite() {
        return None;
    }
    Some(if b.sign() == Sign::Minus { -f } else { f })
}

/// `x / y` correctly rounded to an `f64` (ties to even, subnormal results included) for
/// `x >= 0`, `y > 0`; `None` when the rounded quotient overflows.
///
/// Finds the binary exponent `E` with `2**E <= x/y < 2**(E+1)`, picks the unit of the
/// last place `2**k` (`k = max(E - 52, -1074)`), and rounds `x / (y * 2**k)` to an
/// integer with exact big-integer arithmetic; the result `q * 2**k` is then exact.
pub fn ratio_to_f64(x: &BigInt, y: &BigInt) -> Option<f64> {
    if x.is_zero() {
        return Some(0.0);
    }
    let (xb, yb) = (x.bits() as i64, y.bits() as i64);
    let mut e = xb - yb;
    // Is x < y * 2**e ? Then the quotient is below 2**e.
    let below = if e >= 0 {
        *x < (y << (e as usize))
    } else {
        (x << ((-e) as usize)) < *y
    };
    if below {
        e -= 1;
    }
    if e > 1023 {
        return None;
    }
    if e < -1076 {
        // Below half the smallest subnormal: rounds to zero.
        return Some(0.0);
    }
    let k = (e - 52).max(-1074);
    let (num, den) = if k <= 0 {
        (x << ((-k) as usize), y.clone())
    } else {
        (x.clone(), y << (k as usize))
    };
    let (mut q, r) = num.div_rem(&den);
    let twice: BigInt = r << 1usize;
    match twice.cmp(&den) {
        std::cmp::Ordering::Greater => q += 1,
        std::cmp::Ordering::Equal if q.is_odd() => q += 1,
        _ => {}
    }
    // q <= 2**53: exact in an f64, and q * 2**k is representable unless it overflows.
    let f = q.to_u64()? as f64;
    let res = if k > 971 {
        f * pow2(971) * pow2(k - 971)
    } else {
        f * pow2(k)
    };
    if res.is_finite() { Some(res) } else { None }
}

/// Decimal string of an int, with CPython 3.11's digit limit (`ValueError: Exceeds the
/// limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to
/// increase the limit`; the sign is not counted).
pub fn int_to_string(i: IntV<'_>) -> R<String> {
    match i {
        IntV::Small(x) => Ok(x.to_string()),
        IntV::Big(b) => {
            let limit_error = |limit: usize| {
                value_error(format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                ))
            };
            // A cheap pre-check: n has at least (bits - 1) * log10(2) digits.
            let min_digits =
                ((b.bits().saturating_sub(1)) as f64 * std::f64::consts::LOG10_2) as usize;
            if let Some(limit) = over_limit(min_digits) {
                return limit_error(limit);
            }
            let s = b.to_string();
            let digits = s.len() - (b.is_negative() as usize);
            if let Some(limit) = over_limit(digits) {
                return limit_error(limit);
            }
            Ok(s)
        }
    }
}

/// An int in base 2, 8 or 16 with a prefix (`bin`, `oct`, `hex`).
pub fn int_to_radix(i: IntV<'_>, radix: u32, prefix: &str) -> String {
    let b = i.to_big();
    let mag = b.magnitude().to_str_radix(radix);
    if b.is_negative() {
        format!("-{prefix}{mag}")
    } else {
        format!("{prefix}{mag}")
    }
}

/// Why a string is not an int.
#[derive(Debug, PartialEq, Eq)]
pub enum ParseIntError {
    /// Not a valid literal in the base.
    Invalid,
    /// Valid so far, but more decimal digits than `sys.get_int_max_str_digits()` allows
    /// (the limit and the number of digits).
    TooManyDigits(usize, usize),
}

/// Parses `s` as `int(s, base)` does (`base` 0 or 2..=36): Unicode decimal digits and
/// whitespace first become ASCII (see [`crate::str::ascii_numeric_text`]), then C
/// whitespace around the number, a sign, a prefix matching the base, and single
/// underscores between digits (or after a prefix). Bases that are not powers of two are
/// subject to the digit limit, checked on the digits before the first invalid character
/// (as CPython does).
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, ParseIntError> {
    use ParseIntError::Invalid;
    let text = crate::str::ascii_numeric_text(s);
    let t = text.trim_matches(crate::str::is_c_space);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let mut base = base;
    let mut digits = t;
    let prefixed = |p: &str| lower.starts_with(p);
    if (base == 16 || base == 0) && prefixed("0x") {
        base = 16;
        digits = &t[2..];
    } else if (base == 8 || base == 0) && prefixed("0o") {
        base = 8;
        digits = &t[2..];
    } else if (base == 2 || base == 0) && prefixed("0b") {
        base = 2;
        digits = &t[2..];
    } else if base == 0 {
        base = 10;
        // A base-0 decimal literal may not have leading zeros (except zero itself).
        let d: String = t.chars().filter(|c| *c != '_').collect();
        if d.len() > 1 && d.starts_with('0') && d.chars().any(|c| c != '0') {
            return Err(Invalid);
        }
        if t.starts_with('_') {
            return Err(Invalid);
        }
    }
    let had_prefix = digits.len() != t.len();
    if !base.is_power_of_two() {
        // Digits up to the first character that cannot continue the literal.
        let mut count = 0;
        let mut prev_underscore = !had_prefix;
        for c in digits.chars() {
            if c == '_' && !prev_underscore {
                prev_underscore = true;
            } else if c.is_digit(base) {
                count += 1;
                prev_underscore = false;
            } else {
                break;
            }
        }
        if let Some(limit) = over_limit(count) {
            return Err(ParseIntError::TooManyDigits(limit, count));
        }
    }
    // Underscores: single, between digits (or right after a prefix).
    let bytes = digits.as_bytes();
    if bytes.is_empty() || bytes[bytes.len() - 1] == b'_' {
        return Err(Invalid);
    }
    if bytes[0] == b'_' && !had_prefix {
        return Err(Invalid);
    }
    if digits.contains("__") {
        return Err(Invalid);
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if clean.is_empty() || !clean.chars().all(|c| c.is_digit(base)) {
        return Err(Invalid);
    }
    let v = BigInt::parse_bytes(clean.as_bytes(), base).ok_or(Invalid)?;
    Ok(if neg { -v } else { v })
}

/// `int(...)` constructor.
pub fn int_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    let [x, base] = args.bind("int", &["x", "base"], 0)?;
    let Some(x) = x else {
        if base.is_some() {
            return type_error("int() missing string argument");
        }
        return Ok(Ref::new(Value::inline_int(0).unwrap_or(Value::NONE)));
    };
    if let Some(base) = base {
        let b = index_i64(base)?;
        if b != 0 && !(2..=36).contains(&b) {
            return value_error("int() base must be >= 2 and <= 36, or 0");
        }
        if let Some(d) = crate::bytes::bytes_like(x) {
            return int_from_buffer(d, b as u32);
        }
        let Some(s) = crate::str::str_opt(x) else {
            return type_error("int() can't convert non-string with explicit base");
        };
        return int_from_str(s, b as u32);
    }
    int_of(x)
}

/// `int(b, base)` for the bytes `d` of a bytes-like object: their ASCII text parsed as a
/// str's, the error showing them as a `bytes` (CPython's message for any buffer).
fn int_from_buffer(d: &[u8], base: u32) -> R<Ref> {
    if let Some(s) = crate::bytes::number_text(d) {
        match parse_int(s, base) {
            Ok(v) => return Ok(int_from_big(v)),
            // The digit limit's error.
            Err(ParseIntError::TooManyDigits(..)) => return int_from_str(s, base),
            Err(ParseIntError::Invalid) => {}
        }
    }
    let shown = crate::bytes::bytes_from_vec(d.to_vec());
    value_error(format!(
        "invalid literal for int() with base {base}: {}",
        crate::bytes::bytes_repr(shown.v())
    ))
}

/// `int(s, base)` for a str.
pub fn int_from_str(s: &str, base: u32) -> R<Ref> {
    match parse_int(s, base) {
        Ok(v) => Ok(int_from_big(v)),
        Err(ParseIntError::TooManyDigits(limit, n)) => value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
        )),
        Err(ParseIntError::Invalid) => value_error(format!(
            "invalid literal for int() with base {base}: {}",
            crate::str::repr_text(s, false)
        )),
    }
}

/// `int(x)` for one argument.
pub fn int_of(x: Value) -> R<Ref> {
    if x.is_inline_int() || is_kind(x, Kind::BigInt) {
        return Ok(Ref::dup(x));
    }
    if x.is_bool() {
        return Ok(int_from_i64((x == Value::TRUE) as i64));
    }
    if x.is_float() {
        return float_to_int(x.as_f64());
    }
    if let Some(s) = crate::str::str_opt(x) {
        return int_from_str(s, 10);
    }
    if let Some(d) = crate::bytes::bytes_like(x) {
        return int_from_buffer(d, 10);
    }
    // A C-contiguous view is read as bytes (CPython's simple buffer).
    if crate::memoryview::is_memoryview(x)
        && let Some(d) = crate::memoryview::contiguous_bytes(x)
    {
        return int_from_buffer(d, 10);
    }
    if is_kind(x, Kind::Instance) {
        for name in ["__int__", "__index__"] {
            if let Some(r) = crate::class::call_dunder(x, name, &[])? {
                if is_int(r.v()) {
                    warn_if_bool(name, r.v());
                    return int_of(r.v());
                }
                return type_error(format!(
                    "{name} returned non-int (type {})",
                    crate::class::type_name(r.v())
                ));
            }
        }
        // CPython 3.11 still delegates to `__trunc__` (with a DeprecationWarning, before the
        // call), whose result may be any Integral: an object with `__index__`.
        if crate::class::lookup(crate::class::type_of(x), "__trunc__").is_some_and(|f| !f.is_none())
        {
            crate::warnings::deprecation("The delegation of int() to __trunc__ is deprecated.");
        }
        if let Some(r) = crate::class::call_dunder(x, "__trunc__", &[])? {
            if is_int(r.v()) {
                return int_of(r.v());
            }
            if !has_index(r.v()) {
                return type_error(format!(
                    "__trunc__ returned non-Integral (type {})",
                    crate::class::type_name(r.v())
                ));
            }
            return index_value(r.v());
        }
        // Any other buffer (an `array.array`) is read as bytes.
        if let Some(d) = crate::bytes::buffer_of(x)? {
            return int_from_buffer(&d, 10);
        }
    }
    type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        crate::class::type_name(x)
    ))
}

/// `int(f)`: truncation toward zero.
pub fn float_to_int(f: f64) -> R<Ref> {
    if f.is_nan() {
        return value_error("cannot convert float NaN to integer");
    }
    if f.is_infinite() {
        return overflow_error("cannot convert float infinity to integer");
    }
    let t = f.trunc();
    if t.abs() < 9.0e15 {
        return Ok(int_from_i64(t as i64));
    }
    Ok(int_from_big(BigInt::from_f64_exact(t)))
}

/// Exact conversion of integral floats to BigInt.
trait FromF64Exact {
    fn from_f64_exact(f: f64) -> BigInt;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(f: f64) -> BigInt {
        let (m, e) = crate::hash::frexp(f);
        // f = m * 2**e with 53 significant bits in m.
        let mant = (m * 2f64.powi(53)) as i64;
        let e = e - 53;
        let b = BigInt::from(mant);
        if e >= 0 {
            b << (e as usize)
        } else {
            b >> ((-e) as usize)
        }
    }
}

/// Floor division of machine ints (`b != 0`).
#[inline]
pub fn floordiv_i64(a: i64, b: i64) -> i64 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// Python modulo of machine ints (`b != 0`): the result has the sign of `b`.
#[inline]
pub fn mod_i64(a: i64, b: i64) -> i64 {
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// Binary operator codes (the ABI's numbering, `molt_abi::binary_op`).
pub use molt_abi::binary_op as op;

/// `a op b` for two ints. `None` for operators ints do not support (`@`).
pub fn int_binop(opc: u32, a: IntV<'_>, b: IntV<'_>) -> R<Option<Ref>> {
    use op::*;
    // Machine arithmetic for every operand that fits in an `i64`, not only the inline ones:
    // `seed * 1103515245 % 2**31` makes a heap int of 61 bits, and its `%` needs no BigInt.
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if let Some(r) = small_binop(opc, x, y)? {
            return Ok(Some(r));
        }
    }
    let r = match opc {
        ADD => int_from_big(a.to_big() + b.to_big()),
        SUB => int_from_big(a.to_big() - b.to_big()),
        MUL => int_from_big(a.to_big() * b.to_big()),
        TRUEDIV => return Ok(Some(int_truediv(a, b)?)),
        FLOORDIV => {
            if b.is_zero() {
                return zero_division("integer division or modulo by zero");
            }
            int_from_big(a.to_big().div_floor(&b.to_big()))
        }
        MOD => {
            if b.is_zero() {
                return zero_division("integer modulo by zero");
            }
            int_from_big(a.to_big().mod_floor(&b.to_big()))
        }
        POW => return Ok(Some(int_pow(a, b)?)),
        LSHIFT => {
            if b.is_negative() {
                return value_error("negative shift count");
            }
            if a.is_zero() {
                return Ok(Some(int_from_i64(0)));
            }
            let Some(n) = b.to_i64().filter(|n| *n <= (1 << 40)) else {
                return overflow_error("too many digits in integer");
            };
            if n > (1 << 32) {
                return raise(ExcKind::MemoryError, "");
            }
            int_from_big(a.to_big() << (n as usize))
        }
        RSHIFT => {
            if b.is_negative() {
                return value_error("negative shift count");
            }
            match b.to_i64() {
                Some(n) if n < (1 << 40) => int_from_big(a.to_big() >> (n as usize)),
                _ => int_from_i64(if a.is_negative() { -1 } else { 0 }),
            }
        }
        AND => int_from_big(a.to_big() & b.to_big()),
        OR => int_from_big(a.to_big() | b.to_big()),
        XOR => int_from_big(a.to_big() ^ b.to_big()),
        _ => return Ok(None),
    };
    Ok(Some(r))
}

/// The machine-int fast path; `None` when the result needs a BigInt.
#[inline]
fn small_binop(opc: u32, x: i64, y: i64) -> R<Option<Ref>> {
    use op::*;
    Ok(match opc {
        ADD => x.checked_add(y).map(int_from_i64),
        SUB => x.checked_sub(y).map(int_from_i64),
        MUL => Some(int_from_i128(x as i128 * y as i128)),
        FLOORDIV => {
            if y == 0 {
                return zero_division("integer division or modulo by zero");
            }
            if x == i64::MIN && y == -1 {
                None
            } else {
                Some(int_from_i64(floordiv_i64(x, y)))
            }
        }
        MOD => {
            if y == 0 {
                return zero_division("integer modulo by zero");
            }
            if y == -1 {
                Some(int_from_i64(0))
            } else {
                Some(int_from_i64(mod_i64(x, y)))
            }
        }
        LSHIFT => {
            if y < 0 {
                return value_error("negative shift count");
            }
            if y < 64 {
                let r = (x as i128) << y;
                if (r >> y) == x as i128 {
                    i64::try_from(r).ok().map(int_from_i64)
                } else {
                    None
                }
            } else if x == 0 {
                Some(int_from_i64(0))
            } else {
                None
            }
        }
        RSHIFT => {
            if y < 0 {
                return value_error("negative shift count");
            }
            Some(int_from_i64(if y >= 64 {
                if x < 0 { -1 } else { 0 }
            } else {
                x >> y
            }))
        }
        AND => Some(int_from_i64(x & y)),
        OR => Some(int_from_i64(x | y)),
        XOR => Some(int_from_i64(x ^ y)),
        POW => {
            if y < 0 {
                return Ok(Some(int_pow(IntV::Small(x), IntV::Small(y))?));
            }
            let mut acc: i128 = 1;
            let mut ok = true;
            if y > 128 && x.unsigned_abs() > 1 {
                ok = false;
            } else {
                for _ in 0..y.min(130) {
                    match acc.checked_mul(x as i128) {
                        Some(v) if v.abs() < (1i128 << 100) => acc = v,
                        _ => {
                            ok = false;
                            break;
                        }
                    }
                }
                if y > 130 {
                    // |x| <= 1: the product is periodic.
                    acc = if x == -1 && y % 2 == 1 {
                        -1
                    } else if x == 0 {
                        0
                    } else {
                        1
                    };
                }
            }
            if ok { Some(int_from_i128(acc)) } else { None }
        }
        _ => None,
    })
}

/// `a / b` for ints, correctly rounded (ties to even) for operands of any size, as CPython's
/// `long_true_divide`: `ZeroDivisionError: division by zero`, and
/// `OverflowError: integer division result too large for a float`.
pub fn int_truediv(a: IntV<'_>, b: IntV<'_>) -> R<Ref> {
    if b.is_zero() {
        return zero_division("division by zero");
    }
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
            return Ok(Ref::new(Value::from_f64(x as f64 / y as f64)));
        }
    }
    let (x, y) = (a.to_big(), b.to_big());
    let neg = x.is_negative() != y.is_negative();
    let Some(res) = ratio_to_f64(&x.abs(), &y.abs()) else {
        return overflow_error("integer division result too large for a float");
    };
    Ok(Ref::new(Value::from_f64(if neg { -res } else { res })))
}

/// `x * 2**e` rounded once (as C's `ldexp`): infinite past the range, subnormal or a signed
/// zero below it. Zeros, infinities and NaNs are returned as they are.
pub fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    // x = m * 2**ex with 0.5 <= |m| < 1.
    let (m, ex) = crate::hash::frexp(x);
    let t = (ex as i64).saturating_add(e);
    if t > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if t >= -1021 {
        // Normal: exact (2**1024 itself is reached as 2 * 2**1023).
        return m * 2.0 * pow2(t - 1);
    }
    if t < -1080 {
        return 0.0f64.copysign(x);
    }
    // Subnormal: an exact scaling into [2**-7, 1), then the one rounding multiplication.
    (m * pow2(t + 1074)) * pow2(-1074)
}

/// `a ** b` for ints (a negative exponent gives a float).
pub fn int_pow(a: IntV<'_>, b: IntV<'_>) -> R<Ref> {
    if b.is_negative() {
        let x = int_to_f64(a)?;
        let y = int_to_f64(b)?;
        return crate::float::float_pow(x, y);
    }
    let base = a.to_big();
    if base.is_zero() || base.is_one() {
        return Ok(int_from_big(if b.is_zero() { BigInt::one() } else { base }));
    }
    if base == BigInt::from(-1) {
        let odd = match b {
            IntV::Small(e) => e % 2 == 1,
            IntV::Big(e) => e.is_odd(),
        };
        return Ok(int_from_i64(if odd { -1 } else { 1 }));
    }
    let Some(e) = b.to_i64().and_then(|e| u32::try_from(e).ok()) else {
        return raise(ExcKind::MemoryError, "");
    };
    if (base.bits() as u128) * (e as u128) > (1u128 << 36) {
        return raise(ExcKind::MemoryError, "");
    }
    Ok(int_from_big(num_traits::Pow::pow(base, e)))
}

/// `pow(a, b, m)` for ints.
pub fn int_pow_mod(a: IntV<'_>, b: IntV<'_>, m: IntV<'_>) -> R<Ref> {
    if m.is_zero() {
        return value_error("pow() 3rd argument cannot be 0");
    }
    let m = m.to_big();
    let mut base = a.to_big();
    let mut e = b.to_big();
    if e.is_negative() {
        // Modular inverse (Python 3.8+).
        let modulus = m.abs();
        let g = base.mod_floor(&modulus).extended_gcd(&modulus);
        if !g.gcd.is_one() {
            return value_error("base is not invertible for the given modulus");
        }
        base = g.x.mod_floor(&modulus);
        e = -e;
    }
    let r = base.modpow(&e, &m.abs());
    // Python's result has the sign of the modulus.
    let r = if m.is_negative() && !r.is_zero() {
        r + &m
    } else {
        r
    };
    Ok(int_from_big(r))
}

/// `-i`.
pub fn int_neg(i: IntV<'_>) -> Ref {
    match i {
        IntV::Small(x) => match x.checked_neg() {
            Some(n) => int_from_i64(n),
            None => int_from_big(-BigInt::from(x)),
        },
        IntV::Big(b) => int_from_big(-b.clone()),
    }
}

/// `~i`.
pub fn int_invert(i: IntV<'_>) -> Ref {
    match i {
        IntV::Small(x) => int_from_i64(!x),
        IntV::Big(b) => int_from_big(-(b.clone()) - 1),
    }
}

/// `abs(i)`.
pub fn int_abs(i: IntV<'_>) -> Ref {
    if i.is_negative() {
        int_neg(i)
    } else {
        int_from_big(i.to_big())
    }
}

/// Compares two ints.
pub fn int_cmp(a: IntV<'_>, b: IntV<'_>) -> std::cmp::Ordering {
    match (a, b) {
        (IntV::Small(x), IntV::Small(y)) => x.cmp(&y),
        _ => a.to_big().cmp(&b.to_big()),
    }
}

/// Compares an int with a float exactly (CPython semantics; NaN compares unordered).
pub fn int_float_cmp(a: IntV<'_>, f: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let IntV::Small(x) = a {
        if x.abs() < (1 << 53) {
            return (x as f64).partial_cmp(&f);
        }
    }
    let fl = f.floor();
    let fi = BigInt::from_f64_exact(fl);
    let ai = a.to_big();
    match ai.cmp(&fi) {
        Ordering::Equal => Some(if f > fl {
            Ordering::Less
        } else {
            Ordering::Equal
        }),
        o => Some(o),
    }
}

fn recv_int<'a>(recv: Value) -> R<IntV<'a>> {
    match int_view(recv) {
        Some(i) => Ok(i),
        None => type_error(format!(
            "descriptor requires a 'int' object but received a '{}'",
            crate::class::type_name(recv)
        )),
    }
}

fn m_bit_length(recv: Value, args: Args<'_>) -> R<Ref> {
    let i = recv_int(recv)?;
    args.none("bit_length")?;
    Ok(int_from_i64(i.to_big().magnitude().bits() as i64))
}

fn m_bit_count(recv: Value, args: Args<'_>) -> R<Ref> {
    let i = recv_int(recv)?;
    args.none("bit_count")?;
    let n: u64 = i
        .to_big()
        .magnitude()
        .iter_u64_digits()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(int_from_i64(n as i64))
}

fn m_conjugate(recv: Value, args: Args<'_>) -> R<Ref> {
    let i = recv_int(recv)?;
    args.none("conjugate")?;
    Ok(int_from_big(i.to_big()))
}

fn m_as_integer_ratio(recv: Value, args: Args<'_>) -> R<Ref> {
    let i = recv_int(recv)?;
    args.none("as_integer_ratio")?;
    Ok(crate::tuple::tuple_from_array([
        int_from_big(i.to_big()),
        int_from_i64(1),
    ]))
}

fn m_round(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_int(recv)?;
    let [nd] = args.range::<1>("__round__", 0)?;
    crate::builtins::round_value(recv, nd)
}

fn m_same(recv: Value, args: Args<'_>) -> R<Ref> {
    let i = recv_int(recv)?;
    args.none("__trunc__")?;
    Ok(int_from_big(i.to_big()))
}

/// The methods of `int`.
pub const METHODS: &[(&str, crate::object::BuiltinFn)] = &[
    ("__round__", m_round),
    ("__trunc__", m_same),
    ("__floor__", m_same),
    ("__ceil__", m_same),
    ("bit_length", m_bit_length),
    ("bit_count", m_bit_count),
    ("conjugate", m_conjugate),
    ("as_integer_ratio", m_as_integer_ratio),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn small(r: R<Option<Ref>>) -> i64 {
        let r = r.unwrap().unwrap();
        int_view(r.v()).and_then(|i| i.to_i64()).unwrap()
    }

    #[test]
    fn sequence_positions_are_checked_before_any_usize_conversion() {
        assert_eq!(seq_pos(0, 3), Some(0));
        assert_eq!(seq_pos(2, 3), Some(2));
        assert_eq!(seq_pos(3, 3), None);
        assert_eq!(seq_pos(-1, 3), Some(2));
        assert_eq!(seq_pos(-3, 3), Some(0));
        assert_eq!(seq_pos(-4, 3), None);
        assert_eq!(seq_pos(0, 0), None);
        // Would be 0, 1 and 2 after a 32-bit wrap.
        assert_eq!(seq_pos(1 << 32, 3), None);
        assert_eq!(seq_pos((1 << 32) + 1, 3), None);
        assert_eq!(seq_pos(-(1 << 32) + 2, 3), None);
        assert_eq!(seq_pos(i64::MAX, 3), None);
        assert_eq!(seq_pos(i64::MIN, 3), None);
        assert_eq!(seq_pos(i64::MIN, usize::MAX), None);
    }

    #[test]
    fn impossible_sizes_are_memory_errors() {
        let _ = crate::state::rt();
        let is_memory_error = |r: R<()>| {
            assert!(r.is_err());
            let e = crate::exceptions::take_pending().expect("pending");
            assert_eq!(crate::exceptions::exception_line(e.v()), "MemoryError");
        };
        is_memory_error(try_vec::<u64>(usize::MAX / 4).map(drop));
        is_memory_error(try_vec::<u8>(usize::MAX).map(drop));
        is_memory_error(try_repeat(b"ab", usize::MAX / 2 + 1).map(drop));
        is_memory_error(try_pad(usize::MAX, ' ', "x", 1).map(drop));
        is_memory_error(try_pad(usize::MAX / 2, '\u{e9}', "", 0).map(drop));
        is_memory_error(check_alloc(u64::MAX, 1));
        is_memory_error(check_alloc(1 << 40, 1 << 30));
        is_memory_error(size_of_count(-1).map(drop));
        #[cfg(target_pointer_width = "32")]
        is_memory_error(size_of_count(1 << 32).map(drop));
        assert_eq!(try_repeat(b"ab", 3).unwrap(), b"ababab");
        assert_eq!(try_repeat(b"ab", 0).unwrap(), b"");
        assert_eq!(try_pad(2, '\u{e9}', "x", 1).unwrap(), "\u{e9}\u{e9}x\u{e9}");
        assert_eq!(try_vec::<u32>(5).unwrap().capacity(), 5);
        assert_eq!(try_zeroed(3).unwrap(), [0, 0, 0]);
        is_memory_error(try_zeroed(usize::MAX).map(drop));
        assert!(check_alloc(1 << 20, 1).is_ok());
        assert_eq!(size_of_count(7).unwrap(), 7);
    }

    #[test]
    fn floor_division_and_modulo_signs() {
        for (a, b, q, m) in [
            (7, 2, 3, 1),
            (-7, 2, -4, 1),
            (7, -2, -4, -1),
            (-7, -2, 3, -1),
            (6, 3, 2, 0),
            (-6, 3, -2, 0),
        ] {
            assert_eq!(
                small(int_binop(op::FLOORDIV, IntV::Small(a), IntV::Small(b))),
                q,
                "{a}//{b}"
            );
            assert_eq!(
                small(int_binop(op::MOD, IntV::Small(a), IntV::Small(b))),
                m,
                "{a}%{b}"
            );
        }
        let big: BigInt = BigInt::from(1) << 100usize;
        let r = int_binop(op::FLOORDIV, IntV::Big(&(-big.clone())), IntV::Small(3))
            .unwrap()
            .unwrap();
        assert_eq!(
            int_to_string(int_view(r.v()).unwrap()).unwrap(),
            "-422550200076076467165567735126"
        );
        let r = int_binop(op::MOD, IntV::Big(&(-big)), IntV::Small(3))
            .unwrap()
            .unwrap();
        assert_eq!(int_view(r.v()).unwrap().to_i64(), Some(2));
    }

    #[test]
    fn promotion_and_demotion() {
        let max = crate::value::INLINE_INT_MAX;
        let r = int_binop(op::ADD, IntV::Small(max), IntV::Small(1))
            .unwrap()
            .unwrap();
        assert!(r.v().is_ptr(), "promoted to BigInt");
        let back = int_binop(op::SUB, int_view(r.v()).unwrap(), IntV::Small(1))
            .unwrap()
            .unwrap();
        assert!(back.v().is_inline_int(), "demoted back to inline");
        assert_eq!(back.v().as_inline_int(), max);
        let p = int_pow(IntV::Small(2), IntV::Small(100)).unwrap();
        assert_eq!(
            int_to_string(int_view(p.v()).unwrap()).unwrap(),
            "1267650600228229401496703205376"
        );
        let m = small(
            int_binop(op::MUL, IntV::Small(1 << 40), IntV::Small(1 << 40)).map(|r| {
                r.map(|x| {
                    int_binop(op::RSHIFT, int_view(x.v()).unwrap(), IntV::Small(70))
                        .unwrap()
                        .unwrap()
                })
            }),
        );
        assert_eq!(m, 1 << 10);
    }

    #[test]
    fn shifts_and_pow_edge_cases() {
        assert_eq!(
            small(int_binop(op::RSHIFT, IntV::Small(-7), IntV::Small(1))),
            -4
        );
        assert_eq!(
            small(int_binop(op::POW, IntV::Small(-1), IntV::Small(1001))),
            -1
        );
        let big: BigInt = BigInt::from(-1) << 70usize;
        let r = int_binop(op::RSHIFT, IntV::Big(&big), IntV::Small(3))
            .unwrap()
            .unwrap();
        assert_eq!(
            int_to_string(int_view(r.v()).unwrap()).unwrap(),
            "-147573952589676412928"
        );
        let f = int_pow(IntV::Small(2), IntV::Small(-2)).unwrap();
        assert_eq!(f.v().as_f64(), 0.25);
    }

    #[test]
    fn parsing_like_cpython() {
        let p = |s: &str, b: u32| parse_int(s, b).ok();
        assert_eq!(p(" 12 ", 10), Some(BigInt::from(12)));
        assert_eq!(p("ff", 16), Some(BigInt::from(255)));
        assert_eq!(p("0x_ff", 16), Some(BigInt::from(255)));
        assert_eq!(p("  -0b1_0  ", 0), Some(BigInt::from(-2)));
        assert_eq!(p("1_000", 10), Some(BigInt::from(1000)));
        assert_eq!(p("010", 0), None);
        assert_eq!(p("1__0", 10), None);
        assert_eq!(p("abc", 10), None);
        assert_eq!(p("", 10), None);
        assert_eq!(p("_1", 10), None);
        assert_eq!(p("\u{661}\u{662}", 10), Some(BigInt::from(12)));
        assert_eq!(p("\u{3000}\u{ff11}\u{ff12} ", 10), Some(BigInt::from(12)));
        assert_eq!(p("5\x1c", 10), None);
        assert_eq!(p("\u{ff46}", 16), None);
        assert_eq!(
            parse_int(&"1".repeat(4301), 10),
            Err(ParseIntError::TooManyDigits(4300, 4301))
        );
        assert!(parse_int(&"1".repeat(4301), 16).is_ok());
    }

    #[test]
    fn big_to_float_rounds_correctly() {
        let b: BigInt = (BigInt::from(1) << 53usize) + 1;
        assert_eq!(big_to_f64(&b).unwrap(), 9007199254740992.0);
        let b: BigInt = (BigInt::from(1) << 80usize) + (BigInt::from(1) << 28usize) + 1;
        assert_eq!(big_to_f64(&b).unwrap(), 2f64.powi(80) + 2f64.powi(28));
        let t = int_truediv(
            IntV::Big(&(BigInt::from(10).pow(30u32))),
            IntV::Small(10_000_000_000),
        )
        .unwrap();
        assert_eq!(t.v().as_f64(), 1e20);
    }
}
