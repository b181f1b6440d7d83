//! The floating-point functions whose last bits CPython's results depend on.
//!
//! CPython's `math`, `cmath`, `float.__pow__` and `random` call the C library's functions,
//! so natively they are glibc's, which Rust's `f64` methods call too: on native targets
//! every function here is the `f64` method (the callers that need glibc where Rust computes
//! differently, `asinh`/`acosh`/`atanh`/`cbrt`/`erf`/`erfc`, keep their own bindings).
//!
//! wasm32 has no C library. Neither candidate library agrees with glibc everywhere (glibc is
//! not correctly rounded), so each function is the one that agrees with glibc on the most
//! arguments, measured over 500,000 random arguments per function (2026-12-06; the share of
//! arguments whose result differs from glibc's in the last bit):
//!
//! | function | `pxfm` 0.1 (correctly rounded) | `libm` 0.2 (FreeBSD's msun) | used |
//! | --- | ---: | ---: | --- |
//! | `exp` | 0.08% | 9.7% | pxfm |
//! | `exp2` | 0.09% | 0.09% | pxfm |
//! | `log` | 0.01% | 1.9% | pxfm |
//! | `log2` | 0.02% | 0.17% | pxfm |
//! | `sin`, `cos` | 0.13-0.15% | 3.0% | pxfm |
//! | `tan` | 0.25% | 3.6% | pxfm |
//! | `asin`, `acos`, `atan` | 0.03-0.16% | 0.8-7.6% | pxfm |
//! | `atan2` | 0.02% | 16% | pxfm |
//! | `pow` (small integer exponents) | 0.08% (0.09%) | 9.8% (6.5%) | pxfm |
//! | `expm1`, `log1p` | 1.5% | 0.02% | libm |
//! | `log10` | 4.1% | 4.1% | libm |
//! | `sinh`, `cosh`, `tanh` | 11-26% | 0.08-9.5% | libm |
//! | `asinh`, `acosh`, `atanh` | 15-18% | 0.07-2.6% | libm |
//! | `erf`, `erfc` | 1.8%, 31% | 1.8%, 8.8% | libm |
//! | `cbrt` | 55% | 55% | Rust's (msun's) |
//!
//! `tests/libm_agreement.rs` prints this table (`cargo test --release -p molt_runtime --test
//! libm_agreement -- --ignored --nocapture`): each library against glibc's functions found
//! with `dlsym`, on x86-64, over uniform arguments in each function's usual range. pxfm's
//! results are used only where they are normal numbers (see `imp::pow`).

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    macro_rules! methods {
        ($($name:ident = $method:ident;)*) => {
            $(
                #[doc = concat!("`f64::", stringify!($method), "` (the C library's).")]
                #[inline]
                pub fn $name(x: f64) -> f64 {
                    x.$method()
                }
            )*
        };
    }
    methods! {
        exp = exp; exp2 = exp2; expm1 = exp_m1; log = ln; log2 = log2; log10 = log10;
        log1p = ln_1p; sin = sin; cos = cos; tan = tan; asin = asin; acos = acos;
        atan = atan; sinh = sinh; cosh = cosh; tanh = tanh;
        // Rust's own formulas, not the C library's: `math` binds glibc's itself; these serve
        // `cmath` on hosts without it.
        asinh = asinh; acosh = acosh; atanh = atanh;
    }
    /// `f64::atan2` (the C library's): the angle of `(x, y)`.
    #[inline]
    pub fn atan2(y: f64, x: f64) -> f64 {
        y.atan2(x)
    }
    /// `f64::powf` (the C library's `pow`).
    #[inline]
    pub fn pow(x: f64, y: f64) -> f64 {
        x.powf(y)
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    macro_rules! choose {
        ($($name:ident = $f:path;)*) => {
            $(
                #[doc = concat!("`", stringify!($f), "` (see the module's table).")]
                #[inline]
                pub fn $name(x: f64) -> f64 {
                    $f(x)
                }
            )*
        };
    }
    // pxfm's results are used where they are normal numbers; zeros, subnormals, infinities
    // and NaNs come from msun, which follows C99's special cases exactly (pxfm's `pow`
    // returns NaN for `pow(1e308, -0.5)`, 0 where the result is subnormal, and NaN for
    // `pow(1, nan)`; its `atan2(-5e-324, 2)` is +0).
    macro_rules! pxfm_normal {
        ($($name:ident = $f:path, $msun:path;)*) => {
            $(
                #[doc = concat!("`", stringify!($f), "` where its result is a normal number, else `",
                    stringify!($msun), "` (see the module's table).")]
                #[inline]
                pub fn $name(x: f64) -> f64 {
                    let r = $f(x);
                    if r.is_normal() { r } else { $msun(x) }
                }
            )*
        };
    }
    pxfm_normal! {
        exp = pxfm::f_exp, libm::exp; exp2 = pxfm::f_exp2, libm::exp2;
        log = pxfm::f_log, libm::log; log2 = pxfm::f_log2, libm::log2;
        sin = pxfm::f_sin, libm::sin; cos = pxfm::f_cos, libm::cos; tan = pxfm::f_tan, libm::tan;
        asin = pxfm::f_asin, libm::asin; acos = pxfm::f_acos, libm::acos;
        atan = pxfm::f_atan, libm::atan;
    }
    choose! {
        expm1 = libm::expm1; log1p = libm::log1p; log10 = libm::log10;
        sinh = libm::sinh; cosh = libm::cosh; tanh = libm::tanh;
        asinh = libm::asinh; acosh = libm::acosh; atanh = libm::atanh;
        erf = libm::erf; erfc = libm::erfc;
    }
    /// `pxfm::f_atan2` where its result is a normal number, else msun's: the angle of
    /// `(x, y)`.
    #[inline]
    pub fn atan2(y: f64, x: f64) -> f64 {
        let r = pxfm::f_atan2(y, x);
        if r.is_normal() { r } else { libm::atan2(y, x) }
    }
    /// `pxfm::f_pow` where its result is a normal number, else msun's.
    #[inline]
    pub fn pow(x: f64, y: f64) -> f64 {
        let r = pxfm::f_pow(x, y);
        if r.is_normal() { r } else { libm::pow(x, y) }
    }
}

pub use imp::*;
