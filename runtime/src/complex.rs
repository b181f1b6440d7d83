//! `complex`: a pair of IEEE doubles with CPython 3.11's arithmetic, `repr`, hash, parsing
//! and errors.
//!
//! The algorithms are CPython's, so that results agree to the last bit: products and sums
//! componentwise, quotients by Smith's method with the larger divisor part as pivot
//! (R. L. Smith, "Algorithm 116: Complex division", CACM 5(8), 1962; CPython's
//! `_Py_c_quot`), integer powers up to 100 in magnitude by binary exponentiation and
//! other powers in polar form. Mixed operands are converted to complex first (an int
//! through float), as CPython 3.11 does: `inf * 1j` is `(nan+infj)`.

use crate::exceptions::{R, overflow_error, type_error, value_error, zero_division};
use crate::object::{Args, Kind, Ref, alloc_ref, is_kind, payload};
use crate::value::Value;

/// The payload of a `complex` object: real and imaginary parts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    /// Real part.
    pub re: f64,
    /// Imaginary part.
    pub im: f64,
}

const ONE: Complex = Complex { re: 1.0, im: 0.0 };

/// A new `complex` object.
pub fn complex_ref(re: f64, im: f64) -> Ref {
    alloc_ref(Kind::Complex, Complex { re, im })
}

/// Whether `v` is a `complex`.
pub fn is_complex(v: Value) -> bool {
    is_kind(v, Kind::Complex)
}

/// The parts of complex `v` (the caller checked [`is_complex`]).
pub fn parts(v: Value) -> Complex {
    // SAFETY: callers check the kind.
    *unsafe { payload::<Complex>(v) }
}

/// `v` as a complex when it is an int, bool, float or complex (`None` otherwise); an int too
/// large for a float is CPython's `OverflowError`.
pub fn as_complex(v: Value) -> Option<R<Complex>> {
    if is_complex(v) {
        return Some(Ok(parts(v)));
    }
    crate::float::numeric_f64(v).map(|r| r.map(|re| Complex { re, im: 0.0 }))
}

fn prod(a: Complex, b: Complex) -> Complex {
    Complex {
        re: a.re * b.re - a.im * b.im,
        im: a.re * b.im + a.im * b.re,
    }
}

/// `x + y`, where a NaN `x` is the result even when `y` is a NaN too: the NaN (and so the
/// sign) CPython's quotient keeps when both terms of a sum are NaNs (x86-64's `addsd` returns
/// its first operand's NaN, and CPython's compiled code has the part of the dividend first,
/// where Rust's has the product first).
fn add_nan_first(x: f64, y: f64) -> f64 {
    if x.is_nan() { x } else { x + y }
}

/// `a / b` (Smith's method, as CPython's `_Py_c_quot`); `None` for a zero divisor.
pub(crate) fn quot(a: Complex, b: Complex) -> Option<Complex> {
    let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Some(Complex {
            re: add_nan_first(a.re, a.im * ratio) / denom,
            im: (a.im - a.re * ratio) / denom,
        })
    } else if abs_im >= abs_re {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Some(Complex {
            re: add_nan_first(a.im, a.re * ratio) / denom,
            im: (a.im * ratio - a.re) / denom,
        })
    } else {
        // A NaN in the divisor.
        Some(Complex {
            re: f64::NAN,
            im: f64::NAN,
        })
    }
}

/// Why a power failed: a zero base to a negative or complex power.
struct ZeroPower;

fn pow_unsigned(x: Complex, n: u64) -> Complex {
    let (mut r, mut p, mut mask) = (ONE, x, 1u64);
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

fn pow_int(x: Complex, n: i64) -> Result<Complex, ZeroPower> {
    if n > 0 {
        Ok(pow_unsigned(x, n as u64))
    } else {
        quot(ONE, pow_unsigned(x, n.unsigned_abs())).ok_or(ZeroPower)
    }
}

fn pow_polar(a: Complex, b: Complex) -> Result<Complex, ZeroPower> {
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(ONE);
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(ZeroPower);
        }
        return Ok(Complex { re: 0.0, im: 0.0 });
    }
    let vabs = a.re.hypot(a.im);
    let mut len = crate::libm::pow(vabs, b.re);
    let at = crate::libm::atan2(a.im, a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= crate::libm::exp(at * b.im);
        phase += b.im * crate::libm::log(vabs);
    }
    Ok(Complex {
        re: len * crate::libm::cos(phase),
        im: len * crate::libm::sin(phase),
    })
}

/// `a ** b` with CPython's errors: `ZeroDivisionError` for a zero base to a negative or
/// complex power, `OverflowError` when a part of the result is infinite.
pub fn complex_pow(a: Complex, b: Complex) -> R<Ref> {
    let p = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        pow_int(a, b.re as i64)
    } else {
        pow_polar(a, b)
    };
    match p {
        Err(ZeroPower) => zero_division("0.0 to a negative or complex power"),
        Ok(p) if p.re.is_infinite() || p.im.is_infinite() => {
            overflow_error("complex exponentiation")
        }
        Ok(p) => Ok(complex_ref(p.re, p.im)),
    }
}

/// `a <op> b` when one operand is a complex and the other a number (`None` otherwise, and
/// for the operators complex does not have: `//`, `%`, shifts, bitwise, `@`).
pub fn complex_binop(o: u32, a: Value, b: Value) -> R<Option<Ref>> {
    use crate::int::op;
    if !(is_complex(a) || is_complex(b)) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (as_complex(a), as_complex(b)) else {
        return Ok(None);
    };
    let (x, y) = (x?, y?);
    let r = match o {
        op::ADD => Complex {
            re: x.re + y.re,
            im: x.im + y.im,
        },
        op::SUB => Complex {
            re: x.re - y.re,
            im: x.im - y.im,
        },
        op::MUL => prod(x, y),
        op::TRUEDIV => match quot(x, y) {
            Some(q) => q,
            None => return zero_division("complex division by zero"),
        },
        op::POW => return complex_pow(x, y).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(complex_ref(r.re, r.im)))
}

/// `-z`, `+z` (a new complex equal to `z`, or `z` itself for an exact complex).
pub fn complex_neg(v: Value) -> Ref {
    let z = parts(v);
    complex_ref(-z.re, -z.im)
}

/// `abs(z)`: the hypotenuse; infinite when a part is, NaN when a part is NaN and none is
/// infinite; `OverflowError: absolute value too large` when finite parts overflow.
pub fn complex_abs(v: Value) -> R<Ref> {
    let z = parts(v);
    let r = if z.re.is_infinite() {
        z.re.abs()
    } else if z.im.is_infinite() {
        z.im.abs()
    } else if z.re.is_nan() || z.im.is_nan() {
        f64::NAN
    } else {
        let h = z.re.hypot(z.im);
        if h.is_infinite() {
            return overflow_error("absolute value too large");
        }
        h
    };
    Ok(Ref::new(Value::from_f64(r)))
}

/// `z == other` natively: `Some` for a number, `None` for another type (`NotImplemented`).
/// An int is compared exactly with the real part (a big int is never rounded).
pub fn complex_eq(z: Value, other: Value) -> Option<bool> {
    let a = parts(z);
    if is_complex(other) {
        let b = parts(other);
        return Some(a.re == b.re && a.im == b.im);
    }
    if other.is_float() {
        return Some(a.im == 0.0 && a.re == other.as_f64());
    }
    let i = crate::int::int_view(other)?;
    if a.im != 0.0 {
        return Some(false);
    }
    Some(crate::int::int_float_cmp(i, a.re) == Some(std::cmp::Ordering::Equal))
}

/// `hash(z)`: CPython's `hash(re) + 1000003 * hash(im)` in wrapping unsigned arithmetic, with
/// -1 mapped to -2 (a NaN part hashes by identity, as CPython 3.11 does).
pub fn complex_hash(v: Value) -> i64 {
    let z = parts(v);
    let part = |x: f64| {
        if x.is_nan() {
            crate::hash::hash_identity(v)
        } else {
            crate::hash::hash_f64(x)
        }
    };
    let h = (part(z.re) as u64).wrapping_add(1_000_003u64.wrapping_mul(part(z.im) as u64)) as i64;
    if h == -1 { -2 } else { h }
}

/// `repr(x)` of a float without the `.0` CPython's `repr` adds (format code `r`).
fn short_repr(x: f64) -> String {
    let s = crate::float::float_repr(x);
    match s.strip_suffix(".0") {
        Some(t) => t.to_owned(),
        None => s,
    }
}

/// `repr(z)` as CPython: `1j`, `(1+2j)`, `(-0-0j)`, `(nan+infj)`.
pub fn complex_repr(v: Value) -> String {
    let z = parts(v);
    if z.re == 0.0 && z.re.is_sign_positive() {
        return format!("{}j", short_repr(z.im));
    }
    let im = short_repr(z.im);
    let sign = if im.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{im}j)", short_repr(z.re))
}

/// `z.real`, `z.imag`.
pub fn complex_getattr(v: Value, name: &str) -> Option<Ref> {
    let z = parts(v);
    match name {
        "real" => Some(Ref::new(Value::from_f64(z.re))),
        "imag" => Some(Ref::new(Value::from_f64(z.im))),
        _ => None,
    }
}

fn recv(v: Value) -> R<Complex> {
    if is_complex(v) {
        Ok(parts(v))
    } else {
        type_error(format!(
            "descriptor requires a 'complex' object but received a '{}'",
            crate::class::type_name(v)
        ))
    }
}

fn m_conjugate(recv_: Value, args: Args<'_>) -> R<Ref> {
    args.none("conjugate")?;
    let z = recv(recv_)?;
    Ok(complex_ref(z.re, -z.im))
}

fn m_complex(recv_: Value, args: Args<'_>) -> R<Ref> {
    args.none("__complex__")?;
    let z = recv(recv_)?;
    Ok(complex_ref(z.re, z.im))
}

fn m_getnewargs(recv_: Value, args: Args<'_>) -> R<Ref> {
    args.none("__getnewargs__")?;
    let z = recv(recv_)?;
    Ok(crate::tuple::tuple_from_slice(&[
        Value::from_f64(z.re),
        Value::from_f64(z.im),
    ]))
}

/// `z.__format__(spec)`: [`complex_format`]; an empty spec is `str(z)` (a subclass's).
fn m_format(recv_: Value, args: Args<'_>) -> R<Ref> {
    let [spec] = args.exact("complex.__format__")?;
    let z = recv(recv_)?;
    let Some(s) = crate::str::str_opt(spec) else {
        return type_error(format!(
            "__format__() argument must be str, not {}",
            crate::class::arg_type_name(spec)
        ));
    };
    if s.is_empty() {
        return crate::ops::py_str(recv_);
    }
    Ok(crate::str::str_from_owned(crate::format::format_complex(
        z.re, z.im, s,
    )?))
}

/// The methods of `complex`.
pub const METHODS: &[(&str, crate::object::BuiltinFn)] = &[
    ("__format__", m_format),
    ("conjugate", m_conjugate),
    ("__complex__", m_complex),
    ("__getnewargs__", m_getnewargs),
];

/// `format(z, spec)`: an empty spec is `str(z)`, others are CPython's complex format
/// specs ([`crate::format::format_complex`]).
pub fn complex_format(v: Value, spec: &str) -> R<String> {
    if spec.is_empty() {
        return Ok(complex_repr(v));
    }
    let z = parts(v);
    crate::format::format_complex(z.re, z.im, spec)
}

// ---------------------------------------------------------------------------------------
// construction

/// `complex(real=0, imag=0)`, `complex("1+2j")`: CPython 3.11's rules (`__complex__`,
/// `__float__`, `__index__`, a complex argument in either place, strings only alone) and
/// its `TypeError`/`ValueError` texts.
pub fn complex_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    let (real, imag) = complex_args(args)?;
    let Some(r) = real else {
        return Ok(complex_ref(
            0.0,
            imag.map_or(Ok(0.0), |i| number_part(i, 2).map(|c| c.re))?,
        ));
    };
    if let Some(s) = crate::str::str_opt(r) {
        if imag.is_some() {
            return type_error("complex() can't take second arg if first is a string");
        }
        let text = crate::str::ascii_numeric_text(s);
        if text.contains('_') && remove_underscores(&text).is_none() {
            return value_error(format!(
                "could not convert string to complex: {}",
                crate::str::repr_text(s, false)
            ));
        }
        return match parse_complex(s) {
            Some(z) => Ok(complex_ref(z.re, z.im)),
            None => value_error("complex() arg is a malformed string"),
        };
    }
    if let Some(i) = imag
        && crate::str::str_opt(i).is_some()
    {
        return type_error("complex() second arg can't be a string");
    }
    if imag.is_none() && is_complex(r) {
        return Ok(Ref::dup(r));
    }
    // CPython adds the cross terms only for complex arguments (`__complex__` counts for
    // the first), so that the sign of a zero part survives: complex(1, -0.0) is (1-0j).
    let r_complex = is_complex(r) || is_kind(r, Kind::Instance) && has_complex_dunder(r);
    let cr = number_part(r, 1)?;
    let (ci, ci_complex) = match imag {
        None => (Complex { re: cr.im, im: 0.0 }, false),
        Some(i) => {
            let c = number_part(i, 2)?;
            (c, is_complex(i))
        }
    };
    let mut re = cr.re;
    let mut im = ci.re;
    if ci_complex {
        re -= ci.im;
    }
    if r_complex && imag.is_some() {
        im += cr.im;
    }
    Ok(complex_ref(re, im))
}

fn has_complex_dunder(v: Value) -> bool {
    crate::class::lookup_dunder(crate::class::type_of(v), "__complex__").is_some()
}

/// The positional or keyword (`real`, `imag`) arguments of `complex()`.
fn complex_args(args: Args<'_>) -> R<(Option<Value>, Option<Value>)> {
    let mut slots = [None, None];
    if args.pos.len() > 2 {
        return type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            args.pos.len() + args.kwnames.len()
        ));
    }
    for (i, v) in args.pos.iter().enumerate() {
        slots[i] = Some(*v);
    }
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        let name = crate::str::str_opt(*k).unwrap_or("");
        let i = match name {
            "real" => 0,
            "imag" => 1,
            _ => {
                return type_error(format!(
                    "'{name}' is an invalid keyword argument for complex()"
                ));
            }
        };
        if slots[i].is_some() {
            return type_error(format!(
                "argument for complex() given by name ('{name}') and position ({})",
                i + 1
            ));
        }
        slots[i] = Some(*v);
    }
    Ok((slots[0], slots[1]))
}

/// Argument `which` (1: real, 2: imag) of `complex()` as a complex: a complex, a number, an
/// object with `__complex__` (first argument only), `__float__` or `__index__`.
fn number_part(v: Value, which: u32) -> R<Complex> {
    if let Some(c) = as_complex(v) {
        return c;
    }
    if is_kind(v, Kind::Instance) {
        if which == 1
            && let Some(r) = crate::class::call_dunder(v, "__complex__", &[])?
        {
            if is_complex(r.v()) {
                return Ok(parts(r.v()));
            }
            return type_error(format!(
                "__complex__ returned non-complex (type {})",
                crate::class::type_name(r.v())
            ));
        }
        let has_float =
            crate::class::lookup_dunder(crate::class::type_of(v), "__float__").is_some();
        if has_float || crate::int::has_index(v) {
            let f = crate::float::float_of(v)?;
            return Ok(Complex {
                re: f.v().as_f64(),
                im: 0.0,
            });
        }
    }
    if which == 1 {
        type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            crate::class::type_name(v)
        ))
    } else {
        type_error(format!(
            "complex() second argument must be a number, not '{}'",
            crate::class::type_name(v)
        ))
    }
}

/// Parses `complex()`'s string forms: optional whitespace and parentheses around `<float>`,
/// `<float>j`, `<float><signed float>j`, `<float><sign>j`, `<sign>j` or `j`, with
/// underscores only between digits and Unicode digits and spaces read as ASCII ones.
pub fn parse_complex(s: &str) -> Option<Complex> {
    let text = crate::str::ascii_numeric_text(s);
    if !text.is_ascii() {
        return None;
    }
    let text = remove_underscores(&text)?;
    let b = text.as_bytes();
    let space = |c: u8| crate::str::is_c_space(c as char);
    let mut i = 0;
    while i < b.len() && space(b[i]) {
        i += 1;
    }
    let bracket = i < b.len() && b[i] == b'(';
    if bracket {
        i += 1;
        while i < b.len() && space(b[i]) {
            i += 1;
        }
    }
    let is_j = |i: usize| i < b.len() && (b[i] == b'j' || b[i] == b'J');
    let is_sign = |i: usize| i < b.len() && (b[i] == b'+' || b[i] == b'-');
    let (mut re, mut im) = (0.0, 0.0);
    if let Some((z, end)) = float_prefix(&text[i..]) {
        i += end;
        if is_sign(i) {
            re = z;
            if let Some((y, end)) = float_prefix(&text[i..]) {
                im = y;
                i += end;
            } else {
                im = if b[i] == b'+' { 1.0 } else { -1.0 };
                i += 1;
            }
            if !is_j(i) {
                return None;
            }
            i += 1;
        } else if is_j(i) {
            im = z;
            i += 1;
        } else {
            re = z;
        }
    } else {
        if is_sign(i) {
            im = if b[i] == b'+' { 1.0 } else { -1.0 };
            i += 1;
        } else {
            im = 1.0;
        }
        if !is_j(i) {
            return None;
        }
        i += 1;
    }
    while i < b.len() && space(b[i]) {
        i += 1;
    }
    if bracket {
        if i >= b.len() || b[i] != b')' {
            return None;
        }
        i += 1;
        while i < b.len() && space(b[i]) {
            i += 1;
        }
    }
    (i == b.len()).then_some(Complex { re, im })
}

/// `text` without its underscores, each of which must stand between two digits.
fn remove_underscores(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let ok =
                i > 0 && i + 1 < b.len() && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit();
            if !ok {
                return None;
            }
        } else {
            out.push(c as char);
        }
    }
    Some(out)
}

/// The longest float at the start of `s` (ASCII): an optional sign, then `inf`, `infinity`,
/// `nan` (any case) or a decimal with optional fraction and exponent. Returns the value and
/// the bytes read; `None` when no float starts there.
fn float_prefix(s: &str) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    let neg = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let rest = s[i..].to_ascii_lowercase();
    for (word, value) in [
        ("infinity", f64::INFINITY),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        if rest.starts_with(word) {
            let v = if neg { -value } else { value };
            return Some((v, i + word.len()));
        }
    }
    let start = i;
    let digits = |i: &mut usize| {
        let from = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - from
    };
    let mut n = digits(&mut i);
    if i < b.len() && b[i] == b'.' {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if digits(&mut j) > 0 {
            i = j;
        }
    }
    let v: f64 = s[start..i].parse().ok()?;
    Some((if neg { -v } else { v }, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cpythons_forms() {
        let p = |s: &str| parse_complex(s).map(|z| (z.re, z.im));
        assert_eq!(p("1+2j"), Some((1.0, 2.0)));
        assert_eq!(p(" ( 1.5-2J ) "), Some((1.5, -2.0)));
        assert_eq!(p("-j"), Some((0.0, -1.0)));
        assert_eq!(p("j"), Some((0.0, 1.0)));
        assert_eq!(p("1e5j"), Some((0.0, 1e5)));
        assert_eq!(p("1_0j"), Some((0.0, 10.0)));
        assert_eq!(p("3-j"), Some((3.0, -1.0)));
        assert_eq!(p("4"), Some((4.0, 0.0)));
        for bad in [
            "x", "1__0j", "(1+2j", "1+2", "1e", "j1", "", "()", "1+2jj", "1 +2j",
        ] {
            assert_eq!(p(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn quotient_matches_smiths_method() {
        let q = quot(Complex { re: 1.0, im: 2.0 }, Complex { re: 3.0, im: 4.0 }).unwrap();
        assert_eq!((q.re, q.im), (0.44, 0.08));
        assert!(quot(ONE, Complex { re: 0.0, im: 0.0 }).is_none());
    }
}
