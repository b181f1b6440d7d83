//! How often each candidate math library for wasm32 agrees with glibc, the C library CPython
//! calls natively: the measurement behind the choices in `src/libm.rs`. It prints a table;
//! run it with
//! `cargo test --release -p molt_runtime --test libm_agreement -- --ignored --nocapture`.
//! glibc's functions are looked up with `dlsym` in `libm.so.6`, so that a Rust copy bundled in
//! the binary cannot stand in for them.
#![cfg(all(target_os = "linux", not(target_arch = "wasm32")))]

type F1 = extern "C" fn(f64) -> f64;
type F2 = extern "C" fn(f64, f64) -> f64;

/// `name` from the shared C math library.
fn glibc(name: &str) -> *mut libc::c_void {
    let name = std::ffi::CString::new(name).expect("no NUL");
    // SAFETY: dlopen/dlsym with NUL-terminated names; the handle stays open for the process.
    unsafe {
        let h = libc::dlopen(c"libm.so.6".as_ptr(), libc::RTLD_NOW);
        assert!(!h.is_null(), "libm.so.6");
        let f = libc::dlsym(h, name.as_ptr());
        assert!(!f.is_null(), "no {name:?} in libm.so.6");
        f
    }
}

fn glibc1(name: &str) -> F1 {
    // SAFETY: every function looked up here has the C signature double(double).
    unsafe { std::mem::transmute::<*mut libc::c_void, F1>(glibc(name)) }
}

fn glibc2(name: &str) -> F2 {
    // SAFETY: every function looked up here has the C signature double(double, double).
    unsafe { std::mem::transmute::<*mut libc::c_void, F2>(glibc(name)) }
}

/// xorshift64: uniform doubles in a range, or of any exponent in +-2**30.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * ((self.next() >> 11) as f64 / (1u64 << 53) as f64)
    }
    fn wide(&mut self) -> f64 {
        let e = (self.next() % 60) as i32 - 30;
        let sign = if self.next() & 1 == 0 { 1.0 } else { -1.0 };
        sign * self.uniform(1.0, 2.0) * 2f64.powi(e)
    }
}

fn differs(a: f64, b: f64) -> bool {
    a.to_bits() != b.to_bits() && !(a.is_nan() && b.is_nan())
}

const N: usize = 500_000;

fn row1(name: &str, p: fn(f64) -> f64, m: fn(f64) -> f64, arg: fn(&mut Rng) -> f64) {
    let g = glibc1(name);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut dp, mut dm) = (0, 0);
    for _ in 0..N {
        let x = arg(&mut rng);
        let want = g(x);
        dp += usize::from(differs(p(x), want));
        dm += usize::from(differs(m(x), want));
    }
    println!("| `{name}` | {:.3}% | {:.3}% |", pct(dp), pct(dm));
}

fn row2(
    name: &str,
    p: fn(f64, f64) -> f64,
    m: fn(f64, f64) -> f64,
    arg: fn(&mut Rng) -> (f64, f64),
) {
    let g = glibc2(name);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut dp, mut dm) = (0, 0);
    for _ in 0..N {
        let (x, y) = arg(&mut rng);
        let want = g(x, y);
        dp += usize::from(differs(p(x, y), want));
        dm += usize::from(differs(m(x, y), want));
    }
    println!("| `{name}` | {:.3}% | {:.3}% |", pct(dp), pct(dm));
}

fn pct(n: usize) -> f64 {
    100.0 * n as f64 / N as f64
}

#[test]
#[ignore = "a measurement (about a minute); run it by hand"]
fn wasm32_math_library_candidates_against_glibc() {
    println!("share of {N} random arguments whose result differs from glibc's");
    println!("| function | pxfm | libm (msun) |\n| --- | ---: | ---: |");
    row1("exp", pxfm::f_exp, libm::exp, |r| r.uniform(-700.0, 700.0));
    row1("exp2", pxfm::f_exp2, libm::exp2, |r| r.uniform(-20.0, 20.0));
    row1("expm1", pxfm::f_expm1, libm::expm1, Rng::wide);
    row1("log", pxfm::f_log, libm::log, |r| r.wide().abs());
    row1("log2", pxfm::f_log2, libm::log2, |r| r.wide().abs());
    row1("log10", pxfm::f_log10, libm::log10, |r| r.wide().abs());
    row1("log1p", pxfm::f_log1p, libm::log1p, |r| r.wide().abs());
    row1("sin", pxfm::f_sin, libm::sin, |r| r.uniform(-10.0, 10.0));
    row1("cos", pxfm::f_cos, libm::cos, |r| r.uniform(-10.0, 10.0));
    row1("tan", pxfm::f_tan, libm::tan, |r| r.uniform(-10.0, 10.0));
    row1("asin", pxfm::f_asin, libm::asin, |r| r.uniform(-1.0, 1.0));
    row1("acos", pxfm::f_acos, libm::acos, |r| r.uniform(-1.0, 1.0));
    row1("atan", pxfm::f_atan, libm::atan, Rng::wide);
    row1("sinh", pxfm::f_sinh, libm::sinh, |r| r.uniform(-20.0, 20.0));
    row1("cosh", pxfm::f_cosh, libm::cosh, |r| r.uniform(-20.0, 20.0));
    row1("tanh", pxfm::f_tanh, libm::tanh, |r| r.uniform(-5.0, 5.0));
    row1("asinh", pxfm::f_asinh, libm::asinh, Rng::wide);
    row1("acosh", pxfm::f_acosh, libm::acosh, |r| {
        1.0 + r.wide().abs()
    });
    row1("atanh", pxfm::f_atanh, libm::atanh, |r| {
        r.uniform(-1.0, 1.0)
    });
    row1("cbrt", pxfm::f_cbrt, libm::cbrt, Rng::wide);
    row1("erf", pxfm::f_erf, libm::erf, |r| r.uniform(-6.0, 6.0));
    row1("erfc", pxfm::f_erfc, libm::erfc, |r| r.uniform(-6.0, 27.0));
    row2("pow", pxfm::f_pow, libm::pow, |r| {
        (r.uniform(0.0, 100.0), r.uniform(-50.0, 50.0))
    });
    row2("atan2", pxfm::f_atan2, libm::atan2, |r| {
        (r.wide(), r.wide())
    });
    row2("hypot", pxfm::f_hypot, libm::hypot, |r| {
        (r.wide(), r.wide())
    });
}
