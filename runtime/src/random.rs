//! The private module `_random`: the Mersenne Twister (MT19937) core of molt's `random`
//! module (`stdlib/random.py`), seeded and drawn exactly as CPython 3.11's, so the same seed
//! gives the same stream.
//!
//! A generator's state is a Python `list` of 625 ints the Python module owns: the 624 words
//! of the twister (each in `0..2**32`) followed by the position of the next word (`0..=624`).
//! That is also the layout of CPython's `getstate()[1]`, so `getstate`/`setstate` are list
//! copies. The functions here check each word they read and raise a `molt:` `ValueError` if
//! the list was tampered with; they never panic.
//!
//! Only `stdlib/random.py` may import this module (the compiler rejects it elsewhere).

use num_bigint::{BigInt, BigUint, Sign};

use crate::exceptions::{R, type_error, value_error};
use crate::int::{int_from_big, int_from_i64, int_view};
use crate::list::{is_list, list_vec};
use crate::object::Args;
use crate::object::Ref;
use crate::value::Value;

/// Words of the twister.
const N: usize = 624;
/// The middle word offset of the recurrence.
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The state list argument: a list of exactly `N + 1` items.
fn state_list<'a>(v: Value) -> R<&'a mut [Value]> {
    if !is_list(v) {
        return type_error("molt: random state must be a list");
    }
    let items = list_vec(v);
    if items.len() != N + 1 {
        return value_error("molt: random state list has the wrong size");
    }
    Ok(items)
}

fn corrupt<T>() -> R<T> {
    value_error("molt: random state list holds an invalid value")
}

/// The item `v` as a word (`0..2**32`) or position.
fn word(v: Value) -> R<u32> {
    if v.is_inline_int() {
        if let Ok(w) = u32::try_from(v.as_inline_int()) {
            return Ok(w);
        }
    }
    corrupt()
}

fn put(items: &mut [Value], i: usize, w: u32) {
    // Words fit the 48-bit inline ints, so storing one needs no allocation; the old item
    // was an inline int too (checked by `word` before any write), so nothing is released.
    items[i] = Value::inline_int(i64::from(w)).unwrap_or(Value::NONE);
}

/// The words of a state list, checked.
fn load(items: &[Value]) -> R<[u32; N]> {
    let mut mt = [0u32; N];
    for (slot, v) in mt.iter_mut().zip(items) {
        *slot = word(*v)?;
    }
    Ok(mt)
}

fn store(items: &mut [Value], mt: &[u32; N], index: usize) {
    for (i, w) in mt.iter().enumerate() {
        put(items, i, *w);
    }
    put(items, N, index as u32);
}

/// The reference `init_genrand`: the words from one 32-bit seed.
fn init_genrand(mt: &mut [u32; N], s: u32) {
    mt[0] = s;
    for i in 1..N {
        let prev = mt[i - 1];
        mt[i] = 1_812_433_253u32
            .wrapping_mul(prev ^ (prev >> 30))
            .wrapping_add(i as u32);
    }
}

/// The reference `init_by_array`: the words from a key of 32-bit words (CPython's seeding
/// of ints: the absolute value's 32-bit digits, least significant first).
fn init_by_array(mt: &mut [u32; N], key: &[u32]) {
    init_genrand(mt, 19_650_218);
    let mut i = 1usize;
    let mut j = 0usize;
    for _ in 0..N.max(key.len()) {
        let prev = mt[i - 1];
        mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
            .wrapping_add(key[j])
            .wrapping_add(j as u32);
        i += 1;
        j += 1;
        if i >= N {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if j >= key.len() {
            j = 0;
        }
    }
    for _ in 0..N - 1 {
        let prev = mt[i - 1];
        mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
        i += 1;
        if i >= N {
            mt[0] = mt[N - 1];
            i = 1;
        }
    }
    mt[0] = 0x8000_0000;
}

/// Regenerates all words (the twist).
fn twist(mt: &mut [u32; N]) {
    for k in 0..N {
        let y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
        let mut v = mt[(k + M) % N] ^ (y >> 1);
        if y & 1 != 0 {
            v ^= MATRIX_A;
        }
        mt[k] = v;
    }
}

fn temper(mut y: u32) -> u32 {
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c_5680;
    y ^= (y << 15) & 0xefc6_0000;
    y ^ (y >> 18)
}

/// Draws words from a state list, twisting it in place when its words are used up.
struct Draw<'a> {
    items: &'a mut [Value],
    index: usize,
}

impl<'a> Draw<'a> {
    fn new(state: Value) -> R<Draw<'a>> {
        let items = state_list(state)?;
        let index = word(items[N])? as usize;
        if index > N {
            return corrupt();
        }
        Ok(Draw { items, index })
    }

    fn next(&mut self) -> R<u32> {
        if self.index >= N {
            let mut mt = load(self.items)?;
            twist(&mut mt);
            store(self.items, &mt, 0);
            self.index = 0;
        }
        let y = word(self.items[self.index])?;
        self.index += 1;
        Ok(temper(y))
    }

    fn finish(self) {
        put(self.items, N, self.index as u32);
    }
}

/// `_random.seed(state, n)`: seeds the state list from the int `n` (`abs` taken by the
/// caller: a negative `n` is a `molt:` error), or from 624 words of OS entropy when `n` is
/// `None`.
fn r_seed(_: Value, args: Args<'_>) -> R<Ref> {
    let [state, n] = args.exact("seed")?;
    let items = state_list(state)?;
    let key: Vec<u32> = if n == Value::NONE {
        let mut bytes = vec![0u8; N * 4];
        entropy(&mut bytes);
        bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    } else {
        let Some(n) = int_view(n) else {
            return type_error("molt: random seed must be an int");
        };
        let n = n.to_big();
        if n.sign() == Sign::Minus {
            return value_error("molt: random seed must be non-negative");
        }
        let digits = n.magnitude().to_u32_digits();
        if digits.is_empty() { vec![0] } else { digits }
    };
    let mut mt = [0u32; N];
    init_by_array(&mut mt, &key);
    store(items, &mt, N);
    Ok(Ref::NONE)
}

/// `_random.random(state)`: the next float in `[0.0, 1.0)`, from 53 bits of two words.
fn r_random(_: Value, args: Args<'_>) -> R<Ref> {
    let [state] = args.exact("random")?;
    let mut d = Draw::new(state)?;
    let a = d.next()? >> 5;
    let b = d.next()? >> 6;
    d.finish();
    let x = (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0);
    Ok(Ref::new(Value::from_f64(x)))
}

/// `_random.getrandbits(state, k)`: an int of `k` random bits (`k >= 0`, checked by the
/// caller), built from words least significant first, the last one's top bits kept.
fn r_getrandbits(_: Value, args: Args<'_>) -> R<Ref> {
    let [state, k] = args.exact("getrandbits")?;
    let k = match int_view(k).and_then(|k| k.to_i64()) {
        Some(k) if k >= 0 => k as u64,
        _ => return value_error("molt: getrandbits needs a non-negative int"),
    };
    let mut d = Draw::new(state)?;
    if k <= 32 {
        let r = if k == 0 { 0 } else { d.next()? >> (32 - k) };
        d.finish();
        return Ok(int_from_i64(i64::from(r)));
    }
    let words = k.div_ceil(32);
    let mut digits = Vec::with_capacity(usize::try_from(words).unwrap_or(0));
    let mut left = k;
    for _ in 0..words {
        let mut r = d.next()?;
        if left < 32 {
            r >>= 32 - left;
        }
        digits.push(r);
        left = left.saturating_sub(32);
    }
    d.finish();
    Ok(int_from_big(BigInt::from_biguint(
        Sign::Plus,
        BigUint::new(digits),
    )))
}

/// `_random.str_seed(s)`: CPython's version-2 seed of a str: the int whose big-endian bytes
/// are the UTF-8 bytes of `s` followed by their SHA-512 digest.
fn r_str_seed(_: Value, args: Args<'_>) -> R<Ref> {
    use sha2::Digest;
    let [s] = args.exact("str_seed")?;
    if !crate::str::is_str(s) {
        return type_error("molt: str_seed needs a str");
    }
    let mut bytes = crate::str::as_str(s).as_bytes().to_vec();
    let digest = sha2::Sha512::digest(&bytes);
    bytes.extend_from_slice(&digest);
    Ok(int_from_big(BigInt::from_bytes_be(Sign::Plus, &bytes)))
}

/// `_random.urandom_int(n)`: the int whose big-endian bytes are `n` bytes of OS entropy
/// (CPython's `int.from_bytes(os.urandom(n))`).
fn r_urandom_int(_: Value, args: Args<'_>) -> R<Ref> {
    let [n] = args.exact("urandom_int")?;
    let n = match int_view(n).and_then(|n| n.to_i64()) {
        Some(n) if (0..=1 << 30).contains(&n) => n as usize,
        _ => return value_error("molt: urandom_int needs a byte count"),
    };
    let mut bytes = vec![0u8; n];
    entropy(&mut bytes);
    Ok(int_from_big(BigInt::from_bytes_be(Sign::Plus, &bytes)))
}

/// Fills `buf` from the OS entropy source (`/dev/urandom`, WASI's `random_get` on wasm32);
/// where there is none, from the clock and addresses mixed through SHA-512 (not for
/// cryptography).
fn entropy(buf: &mut [u8]) {
    #[cfg(target_arch = "wasm32")]
    if crate::wasi::random_fill(buf) {
        return;
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::io::Read;
        if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
            if f.read_exact(buf).is_ok() {
                return;
            }
        }
    }
    use sha2::Digest;
    #[cfg(not(target_arch = "wasm32"))]
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    #[cfg(target_arch = "wasm32")]
    let nanos = u128::from(crate::wasi::clock_ns(crate::wasi::clock::REALTIME).unwrap_or(0));
    let mut block =
        sha2::Sha512::digest([nanos.to_le_bytes(), (buf.as_ptr() as u128).to_le_bytes()].concat());
    for chunk in buf.chunks_mut(64) {
        chunk.copy_from_slice(&block[..chunk.len()]);
        block = sha2::Sha512::digest(block);
    }
}

/// The module object of `_random`.
pub fn make_random_core() -> Ref {
    let m = crate::modules::module_new("_random");
    crate::modules::add_fns(
        m.v(),
        &[
            ("seed", r_seed),
            ("random", r_random),
            ("getrandbits", r_getrandbits),
            ("str_seed", r_str_seed),
            ("urandom_int", r_urandom_int),
        ],
    );
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_stream_of_init_by_array() {
        // The first outputs of the reference implementation's test driver
        // (init_by_array({0x123, 0x234, 0x345, 0x456})).
        let mut mt = [0u32; N];
        init_by_array(&mut mt, &[0x123, 0x234, 0x345, 0x456]);
        twist(&mut mt);
        let first: Vec<u32> = mt[..3].iter().map(|w| temper(*w)).collect();
        assert_eq!(first, [1_067_595_299, 955_945_823, 477_289_528]);
    }
}
