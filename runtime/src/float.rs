//! `float`: CPython's `repr` (shortest round-trip digits; scientific notation when the
//! decimal exponent is < -4 or >= 16), arithmetic with CPython's error messages, `divmod`
//! semantics, `round`, parsing and the float methods.

use crate::exceptions::{R, overflow_error, type_error, value_error, zero_division};
use crate::int::{IntV, int_to_f64, int_view};
use crate::object::{Args, Kind, Ref, is_kind};
use crate::value::Value;

/// The shortest round-trip decimal digits of a finite non-zero `|x|` and its decimal
/// exponent: `x == 0.d1d2d3... * 10**(exp+1)`, i.e. `d1.d2d3... * 10**exp`.
///
/// Like CPython's `repr` (dtoa mode 0): the fewest digits that round-trip and, among those,
/// the ones nearest `x`, ties to even. Rust's `{:e}` finds the fewest digits but breaks an
/// exact tie upwards (`613104025806255.25` gives `...255.3`, CPython `...255.2`), so the
/// digits are then redone with that many significant digits by Rust's exact formatting
/// (correctly rounded, ties to even), which round-trips whenever some string that short does.
pub fn shortest_digits(x: f64) -> (String, i32) {
    let split = |s: &str| -> (String, i32) {
        let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
        let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
        (digits, exp.parse().unwrap_or(0))
    };
    let a = x.abs();
    let (digits, exp) = split(&format!("{:e}", a));
    let nearest = format!("{:.*e}", digits.len() - 1, a);
    if nearest.parse::<f64>() == Ok(a) {
        return split(&nearest);
    }
    (digits, exp)
}

/// Places `digits` (d1 d2 ... with decimal exponent `exp`) in fixed notation.
fn fixed_from_digits(digits: &str, exp: i32) -> String {
    let n = digits.len() as i32;
    if exp < 0 {
        format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
    } else if exp + 1 >= n {
        format!("{}{}", digits, "0".repeat((exp + 1 - n) as usize))
    } else {
        let (a, b) = digits.split_at((exp + 1) as usize);
        format!("{a}.{b}")
    }
}

/// `d.ddd` `e±XX` from digits.
fn sci_from_digits(digits: &str, exp: i32) -> String {
    let (first, rest) = digits.split_at(1);
    let mant = if rest.is_empty() {
        first.to_string()
    } else {
        format!("{first}.{rest}")
    };
    format!(
        "{}e{}{:02}",
        mant,
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

/// `repr(x)` exactly as CPython prints it.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let (digits, exp) = shortest_digits(x);
    let sign = if x < 0.0 { "-" } else { "" };
    if !(-4..16).contains(&exp) {
        return format!("{sign}{}", sci_from_digits(&digits, exp));
    }
    let mut s = fixed_from_digits(&digits, exp);
    if !s.contains('.') {
        s.push_str(".0");
    }
    format!("{sign}{s}")
}

/// Converts a Rust exponent form (`1.5e3`, `1e-7`) to CPython's (`1.5e+03`, `1e-07`).
pub fn fix_exponent(s: &str, upper: bool) -> String {
    match s.split_once('e') {
        Some((m, e)) => {
            let (sign, digits) = match e.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', e),
            };
            let e_char = if upper { 'E' } else { 'e' };
            format!("{m}{e_char}{sign}{digits:0>2}")
        }
        None => s.to_string(),
    }
}

/// Formats a finite `|x|` with `prec` digits after the point in scientific notation.
pub fn format_exp(x: f64, prec: usize, upper: bool) -> String {
    fix_exponent(&format!("{:.*e}", prec, x), upper)
}

/// Formats finite `x` like C's `%.{prec}g` (`alt` keeps trailing zeros, as `#`);
/// `add_dot_0` is CPython's flag for format specs without a type (switch to exponent at
/// `exp >= prec - 1`... see the caller) — here it means "at least one digit after the point".
pub fn format_general(x: f64, prec: usize, upper: bool, alt: bool, repr_like: bool) -> String {
    let p = prec.max(1);
    // Exponent after rounding to p significant digits.
    let sci = format!("{:.*e}", p - 1, x);
    let exp: i32 = sci
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let threshold = if repr_like { p as i32 - 1 } else { p as i32 };
    let mut s = if exp < -4 || exp >= threshold {
        let (m, e) = sci.split_once('e').unwrap_or((&sci, "0"));
        let m = if alt { m.to_string() } else { strip_zeros(m) };
        let m = if alt && !m.contains('.') {
            format!("{m}.")
        } else {
            m
        };
        fix_exponent(&format!("{m}e{e}"), upper)
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let f = format!("{:.*}", decimals, x);
        let f = if alt { f } else { strip_zeros(&f) };
        if alt && !f.contains('.') {
            format!("{f}.")
        } else {
            f
        }
    };
    if repr_like && !s.contains('.') && !s.contains('e') && !s.contains('E') && x.is_finite() {
        s.push_str(".0");
    }
    s
}

fn strip_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

/// `v` as an `f64` if it is a float or an int (`OverflowError` for huge ints).
pub fn as_f64(v: Value) -> R<Option<f64>> {
    if v.is_float() {
        return Ok(Some(v.as_f64()));
    }
    match int_view(v) {
        Some(i) => Ok(Some(int_to_f64(i)?)),
        None => Ok(None),
    }
}

/// `x ** y` for floats with CPython's errors.
pub fn float_pow(x: f64, y: f64) -> R<Ref> {
    if x == 0.0 && y < 0.0 {
        return zero_division("0.0 cannot be raised to a negative power");
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        // CPython hands these operands to complex's power (an infinite base is one of its
        // special cases before that: `-inf ** 0.5` is `inf`, `-inf ** -0.5` is `0.0`).
        let c = |re| crate::complex::Complex { re, im: 0.0 };
        return crate::complex::complex_pow(c(x), c(y));
    }
    let r = crate::libm::pow(x, y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return overflow_error("(34, 'Numerical result out of range')");
    }
    Ok(Ref::new(Value::from_f64(r)))
}

/// CPython's `_float_div_mod`: (floor quotient, modulo with the divisor's sign).
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// Binary operators on two floats (`op` as in [`crate::int::op`]); `None` if unsupported.
pub fn float_binop(opc: u32, x: f64, y: f64) -> R<Option<Ref>> {
    use crate::int::op::*;
    let f = |r: f64| Ok(Some(Ref::new(Value::from_f64(r))));
    match opc {
        ADD => f(x + y),
        SUB => f(x - y),
        MUL => f(x * y),
        TRUEDIV => {
            if y == 0.0 {
                return zero_division("float division by zero");
            }
            f(x / y)
        }
        FLOORDIV => {
            if y == 0.0 {
                return zero_division("float floor division by zero");
            }
            f(float_divmod(x, y).0)
        }
        MOD => {
            if y == 0.0 {
                return zero_division("float modulo");
            }
            f(float_divmod(x, y).1)
        }
        POW => Ok(Some(float_pow(x, y)?)),
        _ => Ok(None),
    }
}

/// `round(x, ndigits)` for a float, as CPython: the exact binary value of `x` is rounded
/// half to even at `ndigits` decimal places (negative: to a multiple of `10**-ndigits`) and
/// the decimal result is converted back to the nearest float, so `round(2.675, 2) == 2.67`.
/// NaNs and infinities are returned as they are, `ndigits > 323` returns `x`,
/// `ndigits < -308` a zero (`0.0 * x`). `OverflowError: rounded value too large to
/// represent` when the rounded value exceeds the float range.
pub fn round_f64(x: f64, ndigits: i64) -> R<f64> {
    use num_bigint::BigInt;
    use num_integer::Integer;
    use num_traits::{One, Pow};
    if !x.is_finite() || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let (m, e) = mant_exp(x.abs());
    if m == 0 || (e >= 0 && ndigits >= 0) {
        // Zero, or an integer-valued float rounded at or after the point: unchanged.
        return Ok(x);
    }
    // |x| = m * 2**e exactly; n = round_half_even(|x| * 10**ndigits).
    let p10: BigInt = Pow::pow(BigInt::from(10u32), ndigits.unsigned_abs() as u32);
    let mut num = BigInt::from(m);
    let mut den = BigInt::one();
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    if ndigits >= 0 {
        num *= &p10;
    } else {
        den *= &p10;
    }
    let (mut n, r) = num.div_rem(&den);
    let twice: BigInt = r << 1usize;
    match twice.cmp(&den) {
        std::cmp::Ordering::Greater => n += 1,
        std::cmp::Ordering::Equal if n.is_odd() => n += 1,
        _ => {}
    }
    let rounded = if ndigits >= 0 {
        crate::int::ratio_to_f64(&n, &p10)
    } else {
        crate::int::big_to_f64_opt(&(n * p10))
    };
    match rounded {
        Some(r) => Ok(r.copysign(x)),
        None => overflow_error("rounded value too large to represent"),
    }
}

/// A finite `x >= 0` as `(m, e)` with `x == m * 2**e` exactly (`m < 2**53`).
pub fn mant_exp(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    }
}

/// `round(x)` for a float: nearest int, ties to even.
pub fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

/// Parses a str as `float()` does (whitespace, `inf`, `nan`, underscores between digits;
/// Unicode digits and whitespace as [`crate::str::ascii_numeric_text`] makes them ASCII).
pub fn parse_float(s: &str) -> Option<f64> {
    let text = crate::str::ascii_numeric_text(s);
    let t = text.trim_matches(crate::str::is_c_space);
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    if lower.len() - body.len() > 1 {
        return None;
    }
    let neg = lower.starts_with('-');
    match body {
        "inf" | "infinity" => {
            return Some(if neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            });
        }
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-' | '_'))
    {
        return None;
    }
    let clean = if t.contains('_') {
        // Underscores only between digits.
        let b = lower.as_bytes();
        for (i, c) in b.iter().enumerate() {
            if *c == b'_' {
                let ok = i > 0
                    && i + 1 < b.len()
                    && b[i - 1].is_ascii_digit()
                    && b[i + 1].is_ascii_digit();
                if !ok {
                    return None;
                }
            }
        }
        lower.replace('_', "")
    } else {
        lower
    };
    clean.parse::<f64>().ok()
}

/// `float(...)` constructor.
pub fn float_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    let [x] = args.range::<1>("float", 0)?;
    let Some(x) = x else {
        return Ok(Ref::new(Value::from_f64(0.0)));
    };
    float_of(x)
}

/// `float(x)`.
pub fn float_of(x: Value) -> R<Ref> {
    if x.is_float() {
        return Ok(Ref::new(x));
    }
    if let Some(i) = int_view(x) {
        return Ok(Ref::new(Value::from_f64(int_to_f64(i)?)));
    }
    if let Some(s) = crate::str::str_opt(x) {
        return match parse_float(s) {
            Some(f) => Ok(Ref::new(Value::from_f64(f))),
            None => value_error(format!(
                "could not convert string to float: {}",
                crate::str::repr_text(s, false)
            )),
        };
    }
    if let Some(d) = crate::bytes::bytes_like(x) {
        return float_from_buffer(x, d);
    }
    // A C-contiguous view is read as bytes (CPython's simple buffer).
    if crate::memoryview::is_memoryview(x)
        && let Some(d) = crate::memoryview::contiguous_bytes(x)
    {
        return float_from_buffer(x, d);
    }
    if is_kind(x, Kind::Instance) {
        if let Some(r) = crate::class::call_dunder(x, "__float__", &[])? {
            if r.v().is_float() {
                return Ok(r);
            }
            return type_error(format!(
                "{}.__float__ returned non-float (type {})",
                crate::class::type_name(x),
                crate::class::type_name(r.v())
            ));
        }
        if crate::int::has_index(x) {
            let i = crate::int::index_value(x)?;
            return float_of(i.v());
        }
        // Any other buffer (an `array.array`) is read as bytes.
        if let Some(d) = crate::bytes::buffer_of(x)? {
            return float_from_buffer(x, &d);
        }
    }
    type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        crate::class::type_name(x)
    ))
}

/// `float(x)` for the bytes `d` of a bytes-like object `x`: their ASCII text parsed as a
/// str's; the error shows `repr(x)`, as CPython's.
fn float_from_buffer(x: Value, d: &[u8]) -> R<Ref> {
    if let Some(f) = crate::bytes::number_text(d).and_then(parse_float) {
        return Ok(Ref::new(Value::from_f64(f)));
    }
    let r = crate::ops::py_repr(x)?;
    value_error(format!(
        "could not convert string to float: {}",
        crate::str::as_str(r.v())
    ))
}

fn recv_float(recv: Value) -> R<f64> {
    if recv.is_float() {
        Ok(recv.as_f64())
    } else {
        type_error(format!(
            "descriptor requires a 'float' object but received a '{}'",
            crate::class::type_name(recv)
        ))
    }
}

fn m_is_integer(recv: Value, args: Args<'_>) -> R<Ref> {
    let x = recv_float(recv)?;
    args.none("is_integer")?;
    Ok(Ref::new(Value::from_bool(
        x.is_finite() && x.fract() == 0.0,
    )))
}

fn m_as_integer_ratio(recv: Value, args: Args<'_>) -> R<Ref> {
    let x = recv_float(recv)?;
    args.none("as_integer_ratio")?;
    if x.is_nan() {
        return value_error("cannot convert NaN to integer ratio");
    }
    if x.is_infinite() {
        return overflow_error("cannot convert Infinity to integer ratio");
    }
    let (m, e) = crate::hash::frexp(x);
    let mut mant = m;
    let mut exp = e;
    for _ in 0..300 {
        if mant.fract() == 0.0 {
            break;
        }
        mant *= 2.0;
        exp -= 1;
    }
    let num = crate::int::float_to_int(mant)?;
    let n = num_bigint::BigInt::from(1);
    let (num, den) = if exp >= 0 {
        let numv = int_view(num.v()).map(|i| i.to_big()).unwrap_or_default() << (exp as usize);
        (numv, n)
    } else {
        (
            int_view(num.v()).map(|i| i.to_big()).unwrap_or_default(),
            n << ((-exp) as usize),
        )
    };
    Ok(crate::tuple::tuple_from_array([
        crate::int::int_from_big(num),
        crate::int::int_from_big(den),
    ]))
}

fn m_conjugate(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_float(recv)?;
    args.none("conjugate")?;
    Ok(Ref::new(recv))
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>` for normal floats, `0x0.<...>p-1022` for
/// subnormal ones, `0x0.0p+0` for zeros, `inf`/`nan` otherwise (the format of CPython and
/// C99's `%a` with all 13 fraction digits).
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        format!("{sign}0x0.{frac:013x}p-1022")
    } else {
        format!("{sign}0x1.{frac:013x}p{:+}", exp - 1023)
    }
}

fn m_hex(recv: Value, args: Args<'_>) -> R<Ref> {
    let x = recv_float(recv)?;
    args.none("hex")?;
    Ok(crate::str::str_from_owned(float_hex(x)))
}

/// Parses `float.fromhex`'s argument: optional whitespace and sign, `inf`/`infinity`/`nan`,
/// or `[0x]hhh[.hhh][p[+-]ddd]`; the value is rounded to the nearest float (ties to even).
/// `Err(true)` when it overflows, `Err(false)` when the text is invalid.
pub fn parse_hex_float(s: &str) -> Result<f64, bool> {
    use num_bigint::BigInt;
    let t = s.trim_matches(crate::str::py_isspace);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let sign = |f: f64| if neg { -f } else { f };
    match lower.as_str() {
        "inf" | "infinity" => return Ok(sign(f64::INFINITY)),
        "nan" => return Ok(sign(f64::NAN)),
        _ => {}
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    let hex = |p: &str| p.bytes().all(|c| c.is_ascii_hexdigit());
    if int_part.len() + frac_part.len() == 0 || !hex(int_part) || !hex(frac_part) {
        return Err(false);
    }
    let mut e2: i64 = 0;
    if let Some(e) = exp {
        let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
        if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
            return Err(false);
        }
        // Saturate: any exponent this large overflows or underflows anyway.
        let v = digits
            .bytes()
            .fold(0i64, |a, c| (a * 10 + (c - b'0') as i64).min(1 << 40));
        e2 = if e.starts_with('-') { -v } else { v };
    }
    let all = format!("{int_part}{frac_part}");
    let m = BigInt::parse_bytes(all.as_bytes(), 16).unwrap_or_default();
    e2 -= 4 * frac_part.len() as i64;
    if m.bits() == 0 {
        return Ok(sign(0.0));
    }
    let top = m.bits() as i64 + e2;
    if top > 1025 {
        return Err(true);
    }
    if top < -1080 {
        return Ok(sign(0.0));
    }
    let f = if e2 >= 0 {
        crate::int::big_to_f64_opt(&(m << e2 as usize))
    } else {
        crate::int::ratio_to_f64(&m, &(BigInt::from(1) << (-e2) as usize))
    };
    f.map(sign).ok_or(true)
}

fn s_fromhex(cls: Value, args: Args<'_>) -> R<Ref> {
    let [s] = args.exact("fromhex")?;
    let Some(text) = crate::str::str_opt(s) else {
        return type_error(format!(
            "bad argument type for built-in operation: '{}'",
            crate::class::type_name(s)
        ));
    };
    let f = match parse_hex_float(text) {
        Ok(f) => Value::from_f64(f),
        Err(true) => return overflow_error("hexadecimal value too large to represent as a float"),
        Err(false) => return value_error("invalid hexadecimal floating-point string"),
    };
    // Through a subclass (`F.fromhex(s)`): `F(value)`, as CPython.
    if cls.is_none() || cls == crate::state::rt().t.float || !crate::class::is_class(cls) {
        return Ok(Ref::new(f));
    }
    crate::call::call(cls, Args::positional(&[f]))
}

fn m_round(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_float(recv)?;
    let [nd] = args.range::<1>("__round__", 0)?;
    crate::builtins::round_value(recv, nd)
}

fn m_trunc(recv: Value, args: Args<'_>) -> R<Ref> {
    let x = recv_float(recv)?;
    args.none("__trunc__")?;
    crate::int::float_to_int(x)
}

fn m_floor(recv: Value, args: Args<'_>) -> R<Ref> {
    let x = recv_float(recv)?;
    args.none("__floor__")?;
    crate::int::float_to_int(x.floor())
}

fn m_ceil(recv: Value, args: Args<'_>) -> R<Ref> {
    let x = recv_float(recv)?;
    args.none("__ceil__")?;
    crate::int::float_to_int(x.ceil())
}

/// The methods of `float`.
pub const METHODS: &[(&str, crate::object::BuiltinFn)] = &[
    ("is_integer", m_is_integer),
    ("as_integer_ratio", m_as_integer_ratio),
    ("conjugate", m_conjugate),
    ("hex", m_hex),
    ("__round__", m_round),
    ("__trunc__", m_trunc),
    ("__floor__", m_floor),
    ("__ceil__", m_ceil),
];

/// The class methods of `float` (`float.fromhex`; the receiver is the class it is called through).
pub const CLASS_METHODS: &[(&str, crate::object::BuiltinFn)] = &[("fromhex", s_fromhex)];

/// The int view helper for mixed arithmetic: `Some(f64)` for floats and ints.
pub fn numeric_f64(v: Value) -> Option<R<f64>> {
    if v.is_float() {
        return Some(Ok(v.as_f64()));
    }
    int_view(v).map(|i: IntV<'_>| int_to_f64(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_table_matches_cpython() {
        let table: &[(f64, &str)] = &[
            (0.1, "0.1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (100.0, "100.0"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (1e-5, "1e-05"),
            (1.5e-5, "1.5e-05"),
            (1e-4, "0.0001"),
            (0.00012, "0.00012"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (1e22, "1e+22"),
            (-2.5, "-2.5"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (9999999999999998.0, "9999999999999998.0"),
            (3.0, "3.0"),
            (1.0 / 3.0, "0.3333333333333333"),
            (613104025806255.25, "613104025806255.2"),
            (1125899906842624.5, "1125899906842624.5"),
        ];
        for (x, s) in table {
            assert_eq!(float_repr(*x), *s, "repr of {x:e}");
        }
    }

    #[test]
    fn general_format_matches_cpython() {
        assert_eq!(
            format_general(0.000012345, 6, false, false, false),
            "1.2345e-05"
        );
        assert_eq!(
            format_general(123456789.0, 6, false, false, false),
            "1.23457e+08"
        );
        assert_eq!(format_general(100000.0, 6, false, false, false), "100000");
        assert_eq!(format_general(1000000.0, 6, false, false, false), "1e+06");
        assert_eq!(format_general(123.0, 3, false, false, true), "1.23e+02");
        assert_eq!(format_general(1.0, 3, false, false, true), "1.0");
        assert_eq!(format_general(1.0 / 3.0, 4, false, false, true), "0.3333");
        assert_eq!(format_general(3.14159265, 4, false, false, false), "3.142");
        assert_eq!(format_exp(12345.678, 6, false), "1.234568e+04");
    }

    #[test]
    fn divmod_and_rounding() {
        assert_eq!(float_divmod(-7.5, 2.0), (-4.0, 0.5));
        assert_eq!(float_divmod(7.5, 2.0), (3.0, 1.5));
        assert_eq!(float_divmod(7.0, -2.0), (-4.0, -1.0));
        assert_eq!(round_half_even(2.5), 2.0);
        assert_eq!(round_half_even(-0.5), -0.0);
        assert_eq!(round_half_even(1.5), 2.0);
        assert_eq!(round_f64(2.675, 2).unwrap(), 2.67);
        assert_eq!(round_f64(1.25, 1).unwrap(), 1.2);
        assert_eq!(round_f64(12345.0, -2).unwrap(), 12300.0);
        assert_eq!(round_f64(12350.0, -2).unwrap(), 12400.0);
        assert_eq!(round_f64(0.5, 0).unwrap(), 0.0);
        assert_eq!(round_f64(1e15 + 0.5, 3).unwrap(), 1e15 + 0.5);
        assert!(round_f64(-0.4, 0).unwrap().is_sign_negative());
        assert_eq!(round_f64(5e-324, 324).unwrap(), 5e-324);
        assert_eq!(round_f64(5e-324, 323).unwrap(), 0.0);
        assert!(round_f64(1.7976931348623157e308, -308).is_err());
        assert_eq!(parse_float(" 1e3 "), Some(1000.0));
        assert_eq!(parse_float("-inf"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_float("1_0.5"), Some(10.5));
        assert_eq!(parse_float("x"), None);
        assert_eq!(parse_float("1__0"), None);
    }
}
