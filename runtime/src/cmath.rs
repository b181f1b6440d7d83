//! `cmath`: CPython 3.11's complex math functions, to the last bit, with its errors.
//!
//! Sources of the algorithms (written here from the publications, not from CPython's code):
//! - W. Kahan, "Branch Cuts for Complex Elementary Functions, or Much Ado About Nothing's
//!   Sign Bit" (1987): `sqrt` (scaled by 1/8 so that `hypot` cannot overflow, by 2**53 when
//!   both parts are below the smallest normal), `acos`, `acosh`, `asinh` (from the square
//!   roots of `1 ± z` or `z ± 1`) and `atanh` (`log1p` of a ratio, with an asymptotic form
//!   `1/z ± iπ/2` for large `|z|` and the limit at `z = 1`); `asin`, `atan`, `cos`, `sin`
//!   and `tan` are `-i f(iz)` of the hyperbolic ones.
//! - The definitions for `exp`, `cosh`, `sinh` (`cis` times the real functions; past
//!   `log(DBL_MAX/4)` the real part is lowered by one and the product multiplied by `e`, so
//!   that a result that fits does not overflow), `tanh` (`tanh x` and `tan y`, with
//!   `1 - tanh² x` as `1/cosh² x`, and `1 ± 4e^{-2|x|}` when `|x|` is large) and `log`
//!   (`log1p` of `(m-1)(m+1) + n²` when `|z|` is near 1).
//! - For non-finite arguments, tables of special values following C99 Annex G (G.6), indexed
//!   by the classes of the real and imaginary parts (`-inf`, negative, `-0`, `+0`, positive,
//!   `+inf`, NaN); where the standard leaves a sign unspecified the tables hold CPython's.
//!
//! The scalar functions are the C library's (`sin`, `cos`, `tan`, `exp`, `log`, `log1p`,
//! `atan2`, `hypot`, `sinh`, `cosh`, `tanh`, `asinh`), found in the shared `libm` at run
//! time, as CPython calls them ([`libm`]).
//!
//! Each function returns a value and a [`Flag`], as CPython's return a value and set
//! `errno`: [`Flag::Domain`] raises `ValueError: math domain error`, [`Flag::Range`]
//! `OverflowError: math range error`.

use crate::complex::{Complex, complex_ref, is_complex, parts, quot};
use crate::exceptions::{R, overflow_error, type_error, value_error};
use crate::object::{Args, Kind, Ref, is_kind};
use crate::value::Value;
use std::f64::consts::{E, LN_2, LN_10, PI, TAU};

/// The error a function reports with its value (CPython's `errno` after the call).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Flag {
    /// No error.
    Ok,
    /// `EDOM`: `ValueError: math domain error`.
    Domain,
    /// `ERANGE`: `OverflowError: math range error`.
    Range,
}

/// A result and its error flag.
pub type Out = (Complex, Flag);

const fn c(re: f64, im: f64) -> Complex {
    Complex { re, im }
}

const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
/// Entries for two finite parts, which are never looked up.
const U: (f64, f64) = (f64::NAN, f64::NAN);
const P14: f64 = 0.25 * PI;
const P12: f64 = 0.5 * PI;
const P34: f64 = 0.75 * PI;
/// `DBL_MAX / 4`: above it, formulas are rescaled so that they cannot overflow.
const LARGE: f64 = f64::MAX / 4.0;
/// Half the bits of the mantissa, rounded up, twice, plus one: the scaling of tiny `sqrt`
/// arguments (`2**53`), and the scaling back down (`2**-27`).
const SCALE_UP: i32 = 53;
const SCALE_DOWN: i32 = -27;

/// The C library's scalar functions: CPython's results depend on them to the last bit.
pub mod libm {
    use std::sync::OnceLock;

    type F1 = extern "C" fn(f64) -> f64;
    type F2 = extern "C" fn(f64, f64) -> f64;

    struct Fns {
        sin: F1,
        cos: F1,
        tan: F1,
        exp: F1,
        log: F1,
        log1p: F1,
        sinh: F1,
        cosh: F1,
        tanh: F1,
        asinh: F1,
        atan2: F2,
        hypot: F2,
        /// Whether these are the C library's (which sets `errno`).
        from_c: bool,
    }

    macro_rules! rust_fallbacks {
        ($($name:ident: $body:expr;)*) => {
            $(extern "C" fn $name(x: f64) -> f64 {
                let f: fn(f64) -> f64 = $body;
                f(x)
            })*
        };
    }

    rust_fallbacks! {
        r_sin: crate::libm::sin;
        r_cos: crate::libm::cos;
        r_tan: crate::libm::tan;
        r_exp: crate::libm::exp;
        r_log: crate::libm::log;
        r_log1p: crate::libm::log1p;
        r_sinh: crate::libm::sinh;
        r_cosh: crate::libm::cosh;
        r_tanh: crate::libm::tanh;
        r_asinh: crate::libm::asinh;
    }

    extern "C" fn r_atan2(y: f64, x: f64) -> f64 {
        crate::libm::atan2(y, x)
    }

    extern "C" fn r_hypot(x: f64, y: f64) -> f64 {
        x.hypot(y)
    }

    const RUST: Fns = Fns {
        sin: r_sin,
        cos: r_cos,
        tan: r_tan,
        exp: r_exp,
        log: r_log,
        log1p: r_log1p,
        sinh: r_sinh,
        cosh: r_cosh,
        tanh: r_tanh,
        asinh: r_asinh,
        atan2: r_atan2,
        hypot: r_hypot,
        from_c: false,
    };

    /// The shared C math library's functions, looked up with `dlsym`: a plain reference
    /// could bind to the Rust copies bundled in the runtime archive (as `cbrt` does).
    #[cfg(all(target_os = "linux", not(target_arch = "wasm32")))]
    fn load() -> Fns {
        // SAFETY: dlopen/dlsym with NUL-terminated names; the handle of a library the program
        // is linked with stays valid; each symbol has the C signature it is cast to.
        unsafe {
            let mut h = libc::dlopen(c"libm.so.6".as_ptr(), libc::RTLD_LAZY | libc::RTLD_NOLOAD);
            if h.is_null() {
                h = libc::dlopen(c"libm.so.6".as_ptr(), libc::RTLD_LAZY);
            }
            if h.is_null() {
                return RUST;
            }
            let sym = |name: &std::ffi::CStr| {
                let p = libc::dlsym(h, name.as_ptr());
                (!p.is_null()).then_some(p)
            };
            let f1 = |name: &std::ffi::CStr| {
                sym(name).map(|p| std::mem::transmute::<*mut libc::c_void, F1>(p))
            };
            let f2 = |name: &std::ffi::CStr| {
                sym(name).map(|p| std::mem::transmute::<*mut libc::c_void, F2>(p))
            };
            let all = (|| {
                Some(Fns {
                    sin: f1(c"sin")?,
                    cos: f1(c"cos")?,
                    tan: f1(c"tan")?,
                    exp: f1(c"exp")?,
                    log: f1(c"log")?,
                    log1p: f1(c"log1p")?,
                    sinh: f1(c"sinh")?,
                    cosh: f1(c"cosh")?,
                    tanh: f1(c"tanh")?,
                    asinh: f1(c"asinh")?,
                    atan2: f2(c"atan2")?,
                    hypot: f2(c"hypot")?,
                    from_c: true,
                })
            })();
            all.unwrap_or(RUST)
        }
    }

    /// Targets without the GNU C library: Rust's functions.
    #[cfg(not(all(target_os = "linux", not(target_arch = "wasm32"))))]
    fn load() -> Fns {
        RUST
    }

    fn fns() -> &'static Fns {
        static FNS: OnceLock<Fns> = OnceLock::new();
        FNS.get_or_init(load)
    }

    macro_rules! wrappers {
        ($($(#[$doc:meta])* $name:ident;)*) => {
            $($(#[$doc])* pub fn $name(x: f64) -> f64 {
                (fns().$name)(x)
            })*
        };
    }

    wrappers! {
        /// `sin` of the C library.
        sin;
        /// `cos` of the C library.
        cos;
        /// `tan` of the C library.
        tan;
        /// `exp` of the C library.
        exp;
        /// `log` (natural) of the C library.
        log;
        /// `log1p` of the C library.
        log1p;
        /// `sinh` of the C library.
        sinh;
        /// `cosh` of the C library.
        cosh;
        /// `tanh` of the C library.
        tanh;
        /// `asinh` of the C library.
        asinh;
    }

    /// `atan2(y, x)` of the C library.
    pub fn atan2(y: f64, x: f64) -> f64 {
        (fns().atan2)(y, x)
    }

    /// `hypot(x, y)` of the C library.
    pub fn hypot(x: f64, y: f64) -> f64 {
        (fns().hypot)(x, y)
    }

    /// `atan2(y, x)` and whether it reports a range error (`errno` `ERANGE`: the GNU C
    /// library's for a result that underflows to zero). Without the C library, the same
    /// rule: a zero result from a nonzero `y` and a finite `x`.
    pub fn atan2_range(y: f64, x: f64) -> (f64, bool) {
        let f = fns();
        if f.from_c {
            return with_errno(f.atan2, y, x);
        }
        let r = (f.atan2)(y, x);
        (r, r == 0.0 && y != 0.0 && x.is_finite())
    }

    /// `f(y, x)` of the C library, and whether it set `errno` to `ERANGE`.
    #[cfg(all(target_os = "linux", not(target_arch = "wasm32")))]
    fn with_errno(f: F2, y: f64, x: f64) -> (f64, bool) {
        // SAFETY: the calling thread's errno, written before and read after the call.
        unsafe {
            let e = libc::__errno_location();
            *e = 0;
            let r = f(y, x);
            let range = *e == libc::ERANGE;
            *e = 0;
            (r, range)
        }
    }

    /// Never called: without the C library `from_c` is false.
    #[cfg(not(all(target_os = "linux", not(target_arch = "wasm32"))))]
    fn with_errno(f: F2, y: f64, x: f64) -> (f64, bool) {
        (f(y, x), false)
    }
}

use libm::{atan2, hypot};

/// `x * 2**n` for `n` in the normal exponent range (exact, or rounded once like `ldexp`).
fn ldexp(x: f64, n: i32) -> f64 {
    x * f64::from_bits(((1023 + n) as u64) << 52)
}

/// `log(DBL_MAX / 4)`: above it `exp`, `cosh`, `sinh` and `tanh` rescale.
fn log_large() -> f64 {
    libm::log(LARGE)
}

fn is_finite(z: Complex) -> bool {
    z.re.is_finite() && z.im.is_finite()
}

/// The Annex G class of `x`: 0 `-inf`, 1 negative, 2 `-0`, 3 `+0`, 4 positive, 5 `+inf`,
/// 6 NaN.
fn class(x: f64) -> usize {
    if x.is_nan() {
        6
    } else if x.is_infinite() {
        if x > 0.0 { 5 } else { 0 }
    } else if x == 0.0 {
        if x.is_sign_negative() { 2 } else { 3 }
    } else if x > 0.0 {
        4
    } else {
        1
    }
}

/// A table of special values: `[class of the real part][class of the imaginary part]`.
type Table = [[(f64, f64); 7]; 7];

fn special(table: &Table, z: Complex) -> Complex {
    let (re, im) = table[class(z.re)][class(z.im)];
    c(re, im)
}

// The tables. Annex G states each function's values for `x + iy` with `x`, `y` of one sign
// and derives the others from its symmetries (conjugation; oddness of asinh, atanh, sinh,
// tanh; evenness of cosh). Entries of a row `x` with a finite `x` and a column `y` with a
// finite nonzero `y` where the function multiplies by `cis(y)` are computed instead.

/// `acos`.
#[rustfmt::skip]
const ACOS: Table = [
    [(P34, INF), (PI, INF),  (PI, INF),  (PI, -INF),  (PI, -INF),  (P34, -INF), (N, INF)],
    [(P12, INF), U,          U,          U,           U,           (P12, -INF), (N, N)],
    [(P12, INF), U,          U,          U,           U,           (P12, -INF), (P12, N)],
    [(P12, INF), U,          U,          U,           U,           (P12, -INF), (P12, N)],
    [(P12, INF), U,          U,          U,           U,           (P12, -INF), (N, N)],
    [(P14, INF), (0.0, INF), (0.0, INF), (0.0, -INF), (0.0, -INF), (P14, -INF), (N, INF)],
    [(N, INF),   (N, N),     (N, N),     (N, N),      (N, N),      (N, -INF),   (N, N)],
];

/// `acosh`.
#[rustfmt::skip]
const ACOSH: Table = [
    [(INF, -P34), (INF, -PI),  (INF, -PI),  (INF, PI),  (INF, PI),  (INF, P34), (INF, N)],
    [(INF, -P12), U,           U,           U,          U,          (INF, P12), (N, N)],
    [(INF, -P12), U,           U,           U,          U,          (INF, P12), (N, N)],
    [(INF, -P12), U,           U,           U,          U,          (INF, P12), (N, N)],
    [(INF, -P12), U,           U,           U,          U,          (INF, P12), (N, N)],
    [(INF, -P14), (INF, -0.0), (INF, -0.0), (INF, 0.0), (INF, 0.0), (INF, P14), (INF, N)],
    [(INF, N),    (N, N),      (N, N),      (N, N),     (N, N),     (INF, N),   (N, N)],
];

/// `asinh`.
#[rustfmt::skip]
const ASINH: Table = [
    [(-INF, -P14), (-INF, -0.0), (-INF, -0.0), (-INF, 0.0), (-INF, 0.0), (-INF, P14), (-INF, N)],
    [(-INF, -P12), U,            U,            U,           U,           (-INF, P12), (N, N)],
    [(-INF, -P12), U,            U,            U,           U,           (-INF, P12), (N, N)],
    [(INF, -P12),  U,            U,            U,           U,           (INF, P12),  (N, N)],
    [(INF, -P12),  U,            U,            U,           U,           (INF, P12),  (N, N)],
    [(INF, -P14),  (INF, -0.0),  (INF, -0.0),  (INF, 0.0),  (INF, 0.0),  (INF, P14),  (INF, N)],
    [(INF, N),     (N, N),       (N, -0.0),    (N, 0.0),    (N, N),      (INF, N),    (N, N)],
];

/// `atanh`.
#[rustfmt::skip]
const ATANH: Table = [
    [(-0.0, -P12), (-0.0, -P12), (-0.0, -P12), (-0.0, P12), (-0.0, P12), (-0.0, P12), (-0.0, N)],
    [(-0.0, -P12), U,            U,            U,           U,           (-0.0, P12), (N, N)],
    [(-0.0, -P12), U,            U,            U,           U,           (-0.0, P12), (-0.0, N)],
    [(0.0, -P12),  U,            U,            U,           U,           (0.0, P12),  (0.0, N)],
    [(0.0, -P12),  U,            U,            U,           U,           (0.0, P12),  (N, N)],
    [(0.0, -P12),  (0.0, -P12),  (0.0, -P12),  (0.0, P12),  (0.0, P12),  (0.0, P12),  (0.0, N)],
    [(0.0, -P12),  (N, N),       (N, N),       (N, N),      (N, N),      (0.0, P12),  (N, N)],
];

/// `cosh`.
#[rustfmt::skip]
const COSH: Table = [
    [(INF, N), U,      (INF, 0.0),  (INF, -0.0), U,      (INF, N), (INF, N)],
    [(N, N),   U,      U,           U,           U,      (N, N),   (N, N)],
    [(N, 0.0), U,      U,           U,           U,      (N, 0.0), (N, 0.0)],
    [(N, 0.0), U,      U,           U,           U,      (N, 0.0), (N, 0.0)],
    [(N, N),   U,      U,           U,           U,      (N, N),   (N, N)],
    [(INF, N), U,      (INF, -0.0), (INF, 0.0),  U,      (INF, N), (INF, N)],
    [(N, N),   (N, N), (N, 0.0),    (N, 0.0),    (N, N), (N, N),   (N, N)],
];

/// `exp`.
#[rustfmt::skip]
const EXP: Table = [
    [(0.0, 0.0), U,      (0.0, -0.0), (0.0, 0.0), U,      (0.0, 0.0), (0.0, 0.0)],
    [(N, N),     U,      U,           U,          U,      (N, N),     (N, N)],
    [(N, N),     U,      U,           U,          U,      (N, N),     (N, N)],
    [(N, N),     U,      U,           U,          U,      (N, N),     (N, N)],
    [(N, N),     U,      U,           U,          U,      (N, N),     (N, N)],
    [(INF, N),   U,      (INF, -0.0), (INF, 0.0), U,      (INF, N),   (INF, N)],
    [(N, N),     (N, N), (N, -0.0),   (N, 0.0),   (N, N), (N, N),     (N, N)],
];

/// `log`.
#[rustfmt::skip]
const LOG: Table = [
    [(INF, -P34), (INF, -PI),  (INF, -PI),  (INF, PI),  (INF, PI),  (INF, P34), (INF, N)],
    [(INF, -P12), U,           U,           U,          U,          (INF, P12), (N, N)],
    [(INF, -P12), U,           U,           U,          U,          (INF, P12), (N, N)],
    [(INF, -P12), U,           U,           U,          U,          (INF, P12), (N, N)],
    [(INF, -P12), U,           U,           U,          U,          (INF, P12), (N, N)],
    [(INF, -P14), (INF, -0.0), (INF, -0.0), (INF, 0.0), (INF, 0.0), (INF, P14), (INF, N)],
    [(INF, N),    (N, N),      (N, N),      (N, N),     (N, N),     (INF, N),   (N, N)],
];

/// `sinh`.
#[rustfmt::skip]
const SINH: Table = [
    [(INF, N), U,      (-INF, -0.0), (-INF, 0.0), U,      (INF, N), (INF, N)],
    [(N, N),   U,      U,            U,           U,      (N, N),   (N, N)],
    [(0.0, N), U,      U,            U,           U,      (0.0, N), (0.0, N)],
    [(0.0, N), U,      U,            U,           U,      (0.0, N), (0.0, N)],
    [(N, N),   U,      U,            U,           U,      (N, N),   (N, N)],
    [(INF, N), U,      (INF, -0.0),  (INF, 0.0),  U,      (INF, N), (INF, N)],
    [(N, N),   (N, N), (N, -0.0),    (N, 0.0),    (N, N), (N, N),   (N, N)],
];

/// `sqrt`.
#[rustfmt::skip]
const SQRT: Table = [
    [(INF, -INF), (0.0, -INF), (0.0, -INF), (0.0, INF), (0.0, INF), (INF, INF), (N, INF)],
    [(INF, -INF), U,           U,           U,          U,          (INF, INF), (N, N)],
    [(INF, -INF), U,           U,           U,          U,          (INF, INF), (N, N)],
    [(INF, -INF), U,           U,           U,          U,          (INF, INF), (N, N)],
    [(INF, -INF), U,           U,           U,          U,          (INF, INF), (N, N)],
    [(INF, -INF), (INF, -0.0), (INF, -0.0), (INF, 0.0), (INF, 0.0), (INF, INF), (INF, N)],
    [(INF, -INF), (N, N),      (N, N),      (N, N),     (N, N),     (INF, INF), (N, N)],
];

/// `tanh`.
#[rustfmt::skip]
const TANH: Table = [
    [(-1.0, 0.0), U,      (-1.0, -0.0), (-1.0, 0.0), U,      (-1.0, 0.0), (-1.0, 0.0)],
    [(N, N),      U,      U,            U,           U,      (N, N),      (N, N)],
    [(N, N),      U,      U,            U,           U,      (N, N),      (N, N)],
    [(N, N),      U,      U,            U,           U,      (N, N),      (N, N)],
    [(N, N),      U,      U,            U,           U,      (N, N),      (N, N)],
    [(1.0, 0.0),  U,      (1.0, -0.0),  (1.0, 0.0),  U,      (1.0, 0.0),  (1.0, 0.0)],
    [(N, N),      (N, N), (N, -0.0),    (N, 0.0),    (N, N), (N, N),      (N, N)],
];

/// `rect(r, phi)`, by the class of `r` (rows) and of `phi` (columns).
#[rustfmt::skip]
const RECT: Table = [
    [(INF, N),   U,      (-INF, 0.0), (-INF, -0.0), U,      (INF, N),   (INF, N)],
    [(N, N),     U,      U,           U,            U,      (N, N),     (N, N)],
    [(0.0, 0.0), U,      U,           U,            U,      (0.0, 0.0), (0.0, 0.0)],
    [(0.0, 0.0), U,      U,           U,            U,      (0.0, 0.0), (0.0, 0.0)],
    [(N, N),     U,      U,           U,            U,      (N, N),     (N, N)],
    [(INF, N),   U,      (INF, -0.0), (INF, 0.0),   U,      (INF, N),   (INF, N)],
    [(N, N),     (N, N), (N, 0.0),    (N, 0.0),     (N, N), (N, N),     (N, N)],
];

fn ok(z: Complex) -> Out {
    (z, Flag::Ok)
}

/// `-i f(iz)`, which turns each hyperbolic function into its circular one.
fn rotated(z: Complex, f: fn(Complex) -> Out) -> Out {
    let (s, flag) = f(c(-z.im, z.re));
    (c(s.im, -s.re), flag)
}

/// `log(|z|) + 2 log 2` for `|z|` beyond `DBL_MAX/4`, where halving first keeps `hypot`
/// finite.
fn log_abs_large(z: Complex) -> f64 {
    libm::log(hypot(z.re / 2.0, z.im / 2.0)) + LN_2 * 2.0
}

fn is_large(z: Complex) -> bool {
    z.re.abs() > LARGE || z.im.abs() > LARGE
}

/// The principal square root (Kahan): the real part `s = sqrt((|x| + |z|)/2)` computed
/// without overflow or harmful underflow, the other `|y| / 2s`.
pub fn sqrt(z: Complex) -> Out {
    if !is_finite(z) {
        return ok(special(&SQRT, z));
    }
    if z.re == 0.0 && z.im == 0.0 {
        return ok(c(0.0, z.im));
    }
    let ax = z.re.abs();
    let ay = z.im.abs();
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // |z| may be subnormal: scale both parts up by 2**53 and the root down by 2**-27.
        let ax = ldexp(ax, SCALE_UP);
        ldexp((ax + hypot(ax, ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        let ax = ax / 8.0;
        2.0 * (ax + hypot(ax, ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.re >= 0.0 {
        ok(c(s, d.copysign(z.im)))
    } else {
        ok(c(d, s.copysign(z.im)))
    }
}

/// `acos(z) = 2 atan2(re sqrt(1-z), re sqrt(1+z)) - i asinh(im(conj(sqrt(1+z)) sqrt(1-z)))`
/// (Kahan); `pi/2 - i log(2z)`-like asymptotics for large `|z|`.
pub fn acos(z: Complex) -> Out {
    if !is_finite(z) {
        return ok(special(&ACOS, z));
    }
    if is_large(z) {
        let re = atan2(z.im.abs(), z.re);
        let l = log_abs_large(z);
        let im = if z.re < 0.0 {
            -l.copysign(z.im)
        } else {
            l.copysign(-z.im)
        };
        return ok(c(re, im));
    }
    let (s1, _) = sqrt(c(1.0 - z.re, -z.im));
    let (s2, _) = sqrt(c(1.0 + z.re, z.im));
    ok(c(
        2.0 * atan2(s1.re, s2.re),
        libm::asinh(s2.re * s1.im - s2.im * s1.re),
    ))
}

/// `acosh(z) = asinh(re(conj(sqrt(z-1)) sqrt(z+1))) + 2i atan2(im sqrt(z-1), re sqrt(z+1))`
/// (Kahan); `log(2z)` for large `|z|`.
pub fn acosh(z: Complex) -> Out {
    if !is_finite(z) {
        return ok(special(&ACOSH, z));
    }
    if is_large(z) {
        return ok(c(log_abs_large(z), atan2(z.im, z.re)));
    }
    let (s1, _) = sqrt(c(z.re - 1.0, z.im));
    let (s2, _) = sqrt(c(z.re + 1.0, z.im));
    ok(c(
        libm::asinh(s1.re * s2.re + s1.im * s2.im),
        2.0 * atan2(s1.im, s2.re),
    ))
}

/// `asin(z) = -i asinh(iz)`.
pub fn asin(z: Complex) -> Out {
    rotated(z, asinh)
}

/// `asinh(z)` from `sqrt(1+iz)` and `sqrt(1-iz)` (Kahan); `±log(2|z|)` for large `|z|`.
pub fn asinh(z: Complex) -> Out {
    if !is_finite(z) {
        return ok(special(&ASINH, z));
    }
    if is_large(z) {
        let l = log_abs_large(z);
        let re = if z.im >= 0.0 {
            l.copysign(z.re)
        } else {
            -l.copysign(-z.re)
        };
        return ok(c(re, atan2(z.im, z.re.abs())));
    }
    let (s1, _) = sqrt(c(1.0 + z.im, -z.re));
    let (s2, _) = sqrt(c(1.0 - z.im, z.re));
    ok(c(
        libm::asinh(s1.re * s2.im - s2.re * s1.im),
        atan2(z.im, s1.re * s2.re - s1.im * s2.im),
    ))
}

/// `atan(z) = -i atanh(iz)`.
pub fn atan(z: Complex) -> Out {
    rotated(z, atanh)
}

/// `atanh(z) = log1p(4x / ((1-x)² + y²))/4 - i atan2(-2y, (1-x)(1+x) - y²)/2` for `x >= 0`
/// (Kahan), odd; `1/z ± iπ/2` for large `|z|`; `atanh(±1 + 0i)` is a domain error.
pub fn atanh(z: Complex) -> Out {
    if !is_finite(z) {
        return ok(special(&ATANH, z));
    }
    if z.re < 0.0 {
        let (r, flag) = atanh(c(-z.re, -z.im));
        return (c(-r.re, -r.im), flag);
    }
    let ay = z.im.abs();
    let sqrt_large = LARGE.sqrt();
    if z.re > sqrt_large || ay > sqrt_large {
        let h = hypot(z.re / 2.0, z.im / 2.0);
        return ok(c(z.re / 4.0 / h / h, -(PI / 2.0).copysign(-z.im)));
    }
    if z.re == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return (c(INF, z.im), Flag::Domain);
        }
        return ok(c(
            -libm::log(ay.sqrt() / hypot(ay, 2.0).sqrt()),
            (atan2(2.0, -ay) / 2.0).copysign(z.im),
        ));
    }
    let one_minus = 1.0 - z.re;
    ok(c(
        libm::log1p(4.0 * z.re / (one_minus * one_minus + ay * ay)) / 4.0,
        -atan2(-2.0 * z.im, (1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0,
    ))
}

/// `cos(z) = cosh(iz)`.
pub fn cos(z: Complex) -> Out {
    cosh(c(-z.im, z.re))
}

/// `sin(z) = -i sinh(iz)`.
pub fn sin(z: Complex) -> Out {
    rotated(z, sinh)
}

/// `tan(z) = -i tanh(iz)`.
pub fn tan(z: Complex) -> Out {
    rotated(z, tanh)
}

/// Whether an infinite real part with a finite nonzero imaginary part: the results are
/// infinities (or zeros) with the signs of `cos y` and `sin y`, computed, not tabled.
fn inf_times_cis(z: Complex) -> bool {
    z.re.is_infinite() && z.im.is_finite() && z.im != 0.0
}

fn range_checked(r: Complex) -> Out {
    let flag = if r.re.is_infinite() || r.im.is_infinite() {
        Flag::Range
    } else {
        Flag::Ok
    };
    (r, flag)
}

/// `cosh(x + iy) = cos y cosh x + i sin y sinh x`; an infinite imaginary part with a
/// non-NaN real part is a domain error, an overflow a range error.
pub fn cosh(z: Complex) -> Out {
    if !is_finite(z) {
        let r = if inf_times_cis(z) {
            let (cy, sy) = (libm::cos(z.im), libm::sin(z.im));
            if z.re > 0.0 {
                c(INF.copysign(cy), INF.copysign(sy))
            } else {
                c(INF.copysign(cy), -INF.copysign(sy))
            }
        } else {
            special(&COSH, z)
        };
        let flag = if z.im.is_infinite() && !z.re.is_nan() {
            Flag::Domain
        } else {
            Flag::Ok
        };
        return (r, flag);
    }
    let r = if z.re.abs() > log_large() {
        let x1 = z.re - 1.0f64.copysign(z.re);
        c(
            libm::cos(z.im) * libm::cosh(x1) * E,
            libm::sin(z.im) * libm::sinh(x1) * E,
        )
    } else {
        c(
            libm::cos(z.im) * libm::cosh(z.re),
            libm::sin(z.im) * libm::sinh(z.re),
        )
    };
    range_checked(r)
}

/// `sinh(x + iy) = cos y sinh x + i sin y cosh x`, with `cosh`'s errors.
pub fn sinh(z: Complex) -> Out {
    if !is_finite(z) {
        let r = if inf_times_cis(z) {
            let (cy, sy) = (libm::cos(z.im), libm::sin(z.im));
            if z.re > 0.0 {
                c(INF.copysign(cy), INF.copysign(sy))
            } else {
                c(-INF.copysign(cy), INF.copysign(sy))
            }
        } else {
            special(&SINH, z)
        };
        let flag = if z.im.is_infinite() && !z.re.is_nan() {
            Flag::Domain
        } else {
            Flag::Ok
        };
        return (r, flag);
    }
    let r = if z.re.abs() > log_large() {
        let x1 = z.re - 1.0f64.copysign(z.re);
        c(
            libm::cos(z.im) * libm::sinh(x1) * E,
            libm::sin(z.im) * libm::cosh(x1) * E,
        )
    } else {
        c(
            libm::cos(z.im) * libm::sinh(z.re),
            libm::sin(z.im) * libm::cosh(z.re),
        )
    };
    range_checked(r)
}

/// `tanh(x + iy) = (tanh x (1 + tan² y) + i tan y (1 - tanh² x)) / (1 + tan² y tanh² x)`,
/// `1 - tanh² x` as `1/cosh² x`; for large `|x|`, `±1 + 4i sin y cos y e^{-2|x|}`. An
/// infinite imaginary part with a finite real part is a domain error.
pub fn tanh(z: Complex) -> Out {
    if !is_finite(z) {
        let r = if inf_times_cis(z) {
            let im = 0.0f64.copysign(2.0 * libm::sin(z.im) * libm::cos(z.im));
            c(if z.re > 0.0 { 1.0 } else { -1.0 }, im)
        } else {
            special(&TANH, z)
        };
        let flag = if z.im.is_infinite() && z.re.is_finite() {
            Flag::Domain
        } else {
            Flag::Ok
        };
        return (r, flag);
    }
    if z.re.abs() > log_large() {
        return ok(c(
            1.0f64.copysign(z.re),
            4.0 * libm::sin(z.im) * libm::cos(z.im) * libm::exp(-2.0 * z.re.abs()),
        ));
    }
    let tx = libm::tanh(z.re);
    let ty = libm::tan(z.im);
    let cx = 1.0 / libm::cosh(z.re);
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    ok(c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx))
}

/// `exp(x + iy) = e^x cis y`; an infinite imaginary part is a domain error unless the real
/// part is NaN or `-inf`, an overflow a range error.
pub fn exp(z: Complex) -> Out {
    if !is_finite(z) {
        let r = if inf_times_cis(z) {
            let (cy, sy) = (libm::cos(z.im), libm::sin(z.im));
            if z.re > 0.0 {
                c(INF.copysign(cy), INF.copysign(sy))
            } else {
                c(0.0f64.copysign(cy), 0.0f64.copysign(sy))
            }
        } else {
            special(&EXP, z)
        };
        let flag = if z.im.is_infinite() && (z.re.is_finite() || z.re == INF) {
            Flag::Domain
        } else {
            Flag::Ok
        };
        return (r, flag);
    }
    let r = if z.re > log_large() {
        let l = libm::exp(z.re - 1.0);
        c(l * libm::cos(z.im) * E, l * libm::sin(z.im) * E)
    } else {
        let l = libm::exp(z.re);
        c(l * libm::cos(z.im), l * libm::sin(z.im))
    };
    range_checked(r)
}

/// The natural logarithm: `log|z| + i atan2(y, x)`, `|z|` rescaled when huge or
/// subnormal, `log1p((m-1)(m+1) + n²)/2` (`m`, `n` the larger and smaller part) when `|z|`
/// is near 1; `log(±0 ± 0i)` is a domain error.
pub fn log(z: Complex) -> Out {
    if !is_finite(z) {
        return ok(special(&LOG, z));
    }
    let ax = z.re.abs();
    let ay = z.im.abs();
    let re = if ax > LARGE || ay > LARGE {
        libm::log(hypot(ax / 2.0, ay / 2.0)) + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            libm::log(hypot(ldexp(ax, 53), ldexp(ay, 53))) - 53.0 * LN_2
        } else {
            return (c(-INF, atan2(z.im, z.re)), Flag::Domain);
        }
    } else {
        let h = hypot(ax, ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            libm::log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            libm::log(h)
        }
    };
    ok(c(re, atan2(z.im, z.re)))
}

/// `log(z) / ln 10`, with `log`'s error.
pub fn log10(z: Complex) -> Out {
    let (r, flag) = log(z);
    (c(r.re / LN_10, r.im / LN_10), flag)
}

/// `atan2(im, re)` of a complex with the special cases done first (a NaN part gives NaN;
/// infinities the multiples of π/4), and whether the C library reported a range error.
fn phase_of(z: Complex) -> (f64, bool) {
    if z.re.is_nan() || z.im.is_nan() {
        return (f64::NAN, false);
    }
    if z.im.is_infinite() {
        let r = if z.re.is_infinite() {
            if z.re > 0.0 { 0.25 * PI } else { 0.75 * PI }
        } else {
            0.5 * PI
        };
        return (r.copysign(z.im), false);
    }
    if z.re.is_infinite() || z.im == 0.0 {
        let r = if z.re.is_sign_positive() { 0.0 } else { PI };
        return (r.copysign(z.im), false);
    }
    libm::atan2_range(z.im, z.re)
}

/// `abs(z)` and whether it overflowed: an infinite part wins over a NaN.
fn abs_of(z: Complex) -> (f64, bool) {
    if !is_finite(z) {
        if z.re.is_infinite() {
            return (z.re.abs(), false);
        }
        if z.im.is_infinite() {
            return (z.im.abs(), false);
        }
        return (f64::NAN, false);
    }
    let h = hypot(z.re, z.im);
    (h, !h.is_finite())
}

/// `rect(r, phi) = r cis phi`; an infinite `phi` with a nonzero, non-NaN `r` is a domain
/// error.
pub fn rect(r: f64, phi: f64) -> Out {
    if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (cp, sp) = (libm::cos(phi), libm::sin(phi));
            if r > 0.0 {
                c(INF.copysign(cp), INF.copysign(sp))
            } else {
                c(-INF.copysign(cp), -INF.copysign(sp))
            }
        } else {
            let (re, im) = RECT[class(r)][class(phi)];
            c(re, im)
        };
        let flag = if r != 0.0 && !r.is_nan() && phi.is_infinite() {
            Flag::Domain
        } else {
            Flag::Ok
        };
        return (z, flag);
    }
    if phi == 0.0 {
        return ok(c(r, r * phi));
    }
    ok(c(r * libm::cos(phi), r * libm::sin(phi)))
}

// ---------------------------------------------------------------------------------------
// The module.

/// An argument as a complex, as CPython's `PyComplex_AsCComplex`: a complex, the result of
/// `__complex__` (which must be a complex), else a real number (`__float__`, `__index__`)
/// with a zero imaginary part.
fn arg_complex(v: Value) -> R<Complex> {
    if is_complex(v) {
        return Ok(parts(v));
    }
    if is_kind(v, Kind::Instance)
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
    Ok(c(crate::modules::arg_f64(v)?, 0.0))
}

fn result(out: Out) -> R<Ref> {
    match out.1 {
        Flag::Ok => Ok(complex_ref(out.0.re, out.0.im)),
        Flag::Domain => value_error("math domain error"),
        Flag::Range => overflow_error("math range error"),
    }
}

fn unary(args: Args<'_>, qualname: &str, f: fn(Complex) -> Out) -> R<Ref> {
    let [z] = args.exact(qualname)?;
    result(f(arg_complex(z)?))
}

macro_rules! unary_fns {
    ($($name:ident = $f:ident, $qual:literal;)*) => {
        $(fn $name(_: Value, args: Args<'_>) -> R<Ref> {
            unary(args, $qual, $f)
        })*
    };
}

unary_fns! {
    cm_sqrt = sqrt, "cmath.sqrt";
    cm_exp = exp, "cmath.exp";
    cm_log10 = log10, "cmath.log10";
    cm_acos = acos, "cmath.acos";
    cm_asin = asin, "cmath.asin";
    cm_atan = atan, "cmath.atan";
    cm_cos = cos, "cmath.cos";
    cm_sin = sin, "cmath.sin";
    cm_tan = tan, "cmath.tan";
    cm_acosh = acosh, "cmath.acosh";
    cm_asinh = asinh, "cmath.asinh";
    cm_atanh = atanh, "cmath.atanh";
    cm_cosh = cosh, "cmath.cosh";
    cm_sinh = sinh, "cmath.sinh";
    cm_tanh = tanh, "cmath.tanh";
}

/// `cmath.log(z[, base])`: `log(z) / log(base)`. As in CPython, the error is the last
/// step's: `log(0, 2)` is `(-inf+nanj)`, `log(2, 0)` and `log(1, 1)` domain errors.
fn cm_log(_: Value, args: Args<'_>) -> R<Ref> {
    args.no_kw("cmath.log")?;
    let [z, base] = args.range::<2>("log", 1)?;
    let (x, flag) = log(arg_complex(z.unwrap_or(Value::NONE))?);
    let out = match base {
        None => (x, flag),
        Some(b) => {
            let (y, flag) = log(arg_complex(b)?);
            match quot(x, y) {
                Some(q) => (q, flag),
                None => (c(0.0, 0.0), Flag::Domain),
            }
        }
    };
    result(out)
}

fn cm_phase(_: Value, args: Args<'_>) -> R<Ref> {
    let [z] = args.exact("cmath.phase")?;
    let (phi, range) = phase_of(arg_complex(z)?);
    if range {
        return overflow_error("math range error");
    }
    Ok(Ref::new(Value::from_f64(phi)))
}

fn cm_polar(_: Value, args: Args<'_>) -> R<Ref> {
    let [z] = args.exact("cmath.polar")?;
    let z = arg_complex(z)?;
    let (phi, _) = phase_of(z);
    let (r, overflow) = abs_of(z);
    if overflow {
        return overflow_error("math range error");
    }
    Ok(crate::tuple::tuple_from_slice(&[
        Value::from_f64(r),
        Value::from_f64(phi),
    ]))
}

fn cm_rect(_: Value, args: Args<'_>) -> R<Ref> {
    args.no_kw("cmath.rect")?;
    let [r, phi] = args.exact::<2>("rect")?;
    let r = crate::modules::arg_f64(r)?;
    let phi = crate::modules::arg_f64(phi)?;
    result(rect(r, phi))
}

fn predicate(args: Args<'_>, qualname: &str, f: fn(Complex) -> bool) -> R<Ref> {
    let [z] = args.exact(qualname)?;
    Ok(Ref::new(Value::from_bool(f(arg_complex(z)?))))
}

fn cm_isfinite(_: Value, args: Args<'_>) -> R<Ref> {
    predicate(args, "cmath.isfinite", is_finite)
}

fn cm_isnan(_: Value, args: Args<'_>) -> R<Ref> {
    predicate(args, "cmath.isnan", |z| z.re.is_nan() || z.im.is_nan())
}

fn cm_isinf(_: Value, args: Args<'_>) -> R<Ref> {
    predicate(args, "cmath.isinf", |z| {
        z.re.is_infinite() || z.im.is_infinite()
    })
}

/// Binds `isclose(a, b, *, rel_tol, abs_tol)`'s arguments with the checks and messages of
/// CPython's keyword parser, in its order: too many arguments, too many positional ones, a
/// missing required one, one given twice, an unknown keyword.
fn bind_isclose(args: Args<'_>) -> R<[Option<Value>; 4]> {
    const NAMES: [&str; 4] = ["a", "b", "rel_tol", "abs_tol"];
    let npos = args.pos.len();
    let nkw = args.kwnames.len();
    if npos + nkw > NAMES.len() {
        return type_error(format!(
            "isclose() takes at most 4 {}arguments ({} given)",
            if npos == 0 { "keyword " } else { "" },
            npos + nkw
        ));
    }
    if npos > 2 {
        return type_error(format!(
            "isclose() takes exactly 2 positional arguments ({npos} given)"
        ));
    }
    let mut out = [None; 4];
    for (o, v) in out.iter_mut().zip(args.pos) {
        *o = Some(*v);
    }
    let mut left = nkw;
    for i in npos..NAMES.len() {
        if left > 0 {
            out[i] = args.kw(NAMES[i]);
        }
        if out[i].is_some() {
            left -= 1;
        } else if i < 2 {
            return type_error(format!(
                "isclose() missing required argument '{}' (pos {})",
                NAMES[i],
                i + 1
            ));
        }
    }
    if left > 0 {
        for (i, name) in NAMES.iter().enumerate().take(npos) {
            if args.kw(name).is_some() {
                return type_error(format!(
                    "argument for isclose() given by name ('{name}') and position ({})",
                    i + 1
                ));
            }
        }
        for k in args.kwnames {
            match crate::str::str_opt(*k) {
                Some(name) if NAMES.contains(&name) => {}
                Some(name) => {
                    return type_error(format!(
                        "'{name}' is an invalid keyword argument for isclose()"
                    ));
                }
                None => return type_error("keywords must be strings"),
            }
        }
    }
    Ok(out)
}

/// `cmath.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`: equal, or both finite and
/// `|a-b| <= max(rel_tol * max(|a|, |b|), abs_tol)`.
fn cm_isclose(_: Value, args: Args<'_>) -> R<Ref> {
    let [a, b, rel, abs] = bind_isclose(args)?;
    let a = arg_complex(a.unwrap_or(Value::NONE))?;
    let b = arg_complex(b.unwrap_or(Value::NONE))?;
    let rel = match rel {
        Some(r) => crate::modules::arg_f64(r)?,
        None => 1e-9,
    };
    let abs = match abs {
        Some(x) => crate::modules::arg_f64(x)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return value_error("tolerances must be non-negative");
    }
    let close = if a.re == b.re && a.im == b.im {
        true
    } else if a.re.is_infinite() || a.im.is_infinite() || b.re.is_infinite() || b.im.is_infinite() {
        false
    } else {
        let diff = abs_of(c(a.re - b.re, a.im - b.im)).0;
        diff <= rel * abs_of(b).0 || diff <= rel * abs_of(a).0 || diff <= abs
    };
    Ok(Ref::new(Value::from_bool(close)))
}

/// The `cmath` module: CPython 3.11's functions and constants.
pub fn make_cmath() -> Ref {
    let m = crate::modules::module_new("cmath");
    let d = crate::modules::module_dict(m.v());
    let f = |x: f64| Value::from_f64(x);
    crate::dict::dict_set_str(d, "pi", f(PI));
    crate::dict::dict_set_str(d, "e", f(E));
    crate::dict::dict_set_str(d, "tau", f(TAU));
    crate::dict::dict_set_str(d, "inf", f(INF));
    crate::dict::dict_set_str(d, "nan", f(f64::NAN));
    let infj = complex_ref(0.0, INF);
    crate::dict::dict_set_str(d, "infj", infj.v());
    let nanj = complex_ref(0.0, f64::NAN);
    crate::dict::dict_set_str(d, "nanj", nanj.v());
    crate::modules::add_fns(
        m.v(),
        &[
            ("acos", cm_acos),
            ("acosh", cm_acosh),
            ("asin", cm_asin),
            ("asinh", cm_asinh),
            ("atan", cm_atan),
            ("atanh", cm_atanh),
            ("cos", cm_cos),
            ("cosh", cm_cosh),
            ("exp", cm_exp),
            ("isclose", cm_isclose),
            ("isfinite", cm_isfinite),
            ("isinf", cm_isinf),
            ("isnan", cm_isnan),
            ("log", cm_log),
            ("log10", cm_log10),
            ("phase", cm_phase),
            ("polar", cm_polar),
            ("rect", cm_rect),
            ("sin", cm_sin),
            ("sinh", cm_sinh),
            ("sqrt", cm_sqrt),
            ("tan", cm_tan),
            ("tanh", cm_tanh),
        ],
    );
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_annex_g_order() {
        let xs = [-INF, -2.0, -0.0, 0.0, 2.0, INF, N];
        for (i, x) in xs.into_iter().enumerate() {
            assert_eq!(class(x), i);
        }
    }

    #[test]
    fn sqrt_of_tiny_and_negative_values() {
        let (r, f) = sqrt(c(-4.0, 0.0));
        assert_eq!((r.re, r.im, f), (0.0, 2.0, Flag::Ok));
        let (r, _) = sqrt(c(-4.0, -0.0));
        assert_eq!((r.re, r.im), (0.0, -2.0));
        let (r, _) = sqrt(c(5e-324, 0.0));
        assert_eq!(r.re, 2.2227587494850775e-162);
    }

    #[test]
    fn errors_where_annex_g_raises() {
        assert_eq!(log(c(0.0, -0.0)).1, Flag::Domain);
        assert_eq!(atanh(c(-1.0, 0.0)).1, Flag::Domain);
        assert_eq!(exp(c(1000.0, 0.0)).1, Flag::Range);
        assert_eq!(exp(c(-INF, INF)).1, Flag::Ok);
        assert_eq!(cosh(c(1.0, INF)).1, Flag::Domain);
        assert_eq!(rect(0.0, INF).1, Flag::Ok);
        assert_eq!(rect(1.0, -INF).1, Flag::Domain);
    }
}
