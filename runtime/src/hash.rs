//! Python `hash()`: CPython's numeric hash (so `hash(1) == hash(1.0) == hash(True)` and set
//! iteration order of ints matches CPython), its tuple hash (xxHash-based), and a fast string
//! hash (CPython randomizes str hashes, so any hash consistent with equality is faithful,
//! provided the equalities CPython guarantees hold: `hash("") == 0` and a str hashes as the
//! bytes of its PEP 393 storage, [`hash_text`]).
//!
//! Reference: CPython 3.11 `Python/pyhash.c`, `Objects/longobject.c` (`long_hash`),
//! `Objects/tupleobject.c` (`tuplehash`).

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use crate::exceptions::{R, type_error};
use crate::object::{Kind, kind, payload};
use crate::value::Value;

/// Bits of the numeric hash modulus.
pub const HASH_BITS: u32 = 61;
/// The numeric hash modulus, `2**61 - 1`.
pub const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;
/// `hash(float('inf'))`.
pub const HASH_INF: i64 = 314159;

/// `hash(i)` for a machine int.
#[inline]
pub fn hash_i64(i: i64) -> i64 {
    let m = HASH_MODULUS as i64;
    if i > -m && i < m {
        // Below the modulus in magnitude (every inline int): the value itself, without a
        // 64-bit division.
        return if i == -1 { -2 } else { i };
    }
    let mut h = if i >= 0 {
        i % m
    } else {
        -((-(i as i128) % m as i128) as i64)
    };
    if h == -1 {
        h = -2;
    }
    h
}

/// `hash(n)` for an arbitrary-precision int.
pub fn hash_bigint(n: &BigInt) -> i64 {
    let m = BigInt::from(HASH_MODULUS);
    let (sign, mag) = (n.sign(), n.magnitude());
    let r = (BigInt::from(mag.clone()) % m).to_i64().unwrap_or(0);
    let mut h = if sign == Sign::Minus { -r } else { r };
    if h == -1 {
        h = -2;
    }
    h
}

/// `frexp`: `x == m * 2**e` with `0.5 <= |m| < 1` (for finite non-zero `x`).
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `hash(x)` for a float (CPython's `_Py_HashDouble`). A NaN hashes by identity, as in
/// CPython (which uses the object's address): here by its payload, unique per NaN object.
pub fn hash_f64(v: f64) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { HASH_INF } else { -HASH_INF };
        }
        return (v.to_bits() & ((1 << 51) - 1)) as i64;
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    };
    x = ((x << e) & HASH_MODULUS) | (x >> (bits - e));
    let mut h = (x as i64).wrapping_mul(sign);
    if h == -1 {
        h = -2;
    }
    h
}

/// Hash of str bytes (never -1, never 0 so that 0 can mean "not computed").
pub fn hash_bytes(b: &[u8]) -> i64 {
    // FxHash-style word mixing, finished with a murmur3 avalanche.
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let mut tail = 0u64;
    for (i, byte) in chunks.remainder().iter().enumerate() {
        tail |= (*byte as u64) << (8 * i);
    }
    h = (h.rotate_left(5) ^ tail).wrapping_mul(K);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    let h = h as i64;
    if h == -1 || h == 0 { 1 } else { h }
}

/// Hash of a str value (cached in the object).
#[inline]
pub fn hash_str(v: Value) -> i64 {
    // SAFETY: callers pass a live str.
    let s = unsafe { crate::object::str_payload(v) };
    let h = s.hash.get();
    if h != 0 {
        return h;
    }
    let h = hash_text(s.as_str());
    s.hash.set(h);
    h
}

/// `hash()` of a str's text, computed as CPython computes it: over the code points in
/// CPython's compact storage (PEP 393: one byte each when all are below 256, two
/// little-endian bytes when all are below 65536, else four), so a str hashes equal to the
/// `bytes` holding that storage (`hash("abc") == hash(b"abc")`, `hash("\xe9") ==
/// hash(b"\xe9")`), and the empty str hashes to 0. Never -1.
pub fn hash_text(t: &str) -> i64 {
    if t.is_ascii() {
        return if t.is_empty() {
            0
        } else {
            hash_bytes(t.as_bytes())
        };
    }
    let max = t.chars().map(|c| c as u32).max().unwrap_or(0);
    let width = if max < 0x100 {
        1
    } else if max < 0x1_0000 {
        2
    } else {
        4
    };
    let mut storage = Vec::with_capacity(t.len() * width);
    for c in t.chars() {
        storage.extend_from_slice(&(c as u32).to_le_bytes()[..width]);
    }
    hash_bytes(&storage)
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// CPython's tuple hash over already-computed item hashes.
pub fn hash_tuple_of(hashes: impl ExactSizeIterator<Item = R<i64>>) -> R<i64> {
    let len = hashes.len() as u64;
    let mut acc = XXPRIME_5;
    for h in hashes {
        let lane = h? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

/// Identity hash (objects without `__eq__`): the address, rotated as CPython does.
pub fn hash_identity(v: Value) -> i64 {
    let p = v.0 & crate::value::PAYLOAD_MASK;
    let h = p.rotate_right(4) as i64;
    if h == -1 { -2 } else { h }
}

/// `hash(v)`, raising `TypeError` for unhashable values.
pub fn py_hash(v: Value) -> R<i64> {
    if v.is_inline_int() {
        return Ok(hash_i64(v.as_inline_int()));
    }
    if v.is_float() {
        return Ok(hash_f64(v.as_f64()));
    }
    if v.is_bool() {
        return Ok((v == Value::TRUE) as i64);
    }
    if v.is_none() {
        return Ok(0xFCA8_6420);
    }
    if !v.is_ptr() {
        return type_error("unhashable value");
    }
    match kind(v) {
        Kind::Str => Ok(hash_str(v)),
        // SAFETY: kind checked.
        Kind::BigInt => Ok(hash_bigint(unsafe { payload::<BigInt>(v) })),
        Kind::Tuple => {
            // CPython does not count this recursion (a deep enough tuple crashes it); here
            // only the native stack bounds it.
            crate::recursion::check_stack("")?;
            let items = crate::tuple::tuple_items(v);
            hash_tuple_of(items.iter().map(|x| py_hash(*x)))
        }
        Kind::Set if crate::set::is_frozen(v) => Ok(crate::set::frozenset_hash(v)),
        Kind::Bytes => Ok(crate::bytes::bytes_hash(v)),
        Kind::List | Kind::Dict | Kind::Set | Kind::Slice | Kind::DictView | Kind::ByteArray => {
            type_error(format!("unhashable type: '{}'", crate::class::type_name(v)))
        }
        Kind::Instance => crate::class::instance_hash(v),
        Kind::BoundMethod => {
            // CPython: the identity hash of `__self__` mixed with the function's hash.
            // SAFETY: kind checked.
            let m = unsafe { payload::<[Value; 2]>(v) };
            let h = hash_identity(m[1]) ^ py_hash(m[0])?;
            Ok(if h == -1 { -2 } else { h })
        }
        Kind::Complex => Ok(crate::complex::complex_hash(v)),
        Kind::MemoryView => crate::memoryview::hash(v),
        Kind::Range => {
            // CPython: hash((len, start, step)) with `None` for start (len 0) and step (len < 2).
            let r = crate::range::range_data(v);
            let len = crate::range::range_len_big(r);
            let lenv = crate::int::int_from_big(len.clone());
            let start = if len == num_bigint::BigInt::from(0u32) {
                crate::object::Ref::NONE
            } else {
                crate::range::range_field(r, 0)
            };
            let step = if len <= num_bigint::BigInt::from(1u32) {
                crate::object::Ref::NONE
            } else {
                crate::range::range_field(r, 2)
            };
            let hs = [py_hash(lenv.v()), py_hash(start.v()), py_hash(step.v())];
            hash_tuple_of(hs.into_iter())
        }
        _ => Ok(hash_identity(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_hashes_match_cpython() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(5), 5);
        assert_eq!(hash_f64(1.5), 1152921504606846977);
        assert_eq!(hash_f64(1.0), 1);
        assert_eq!(hash_f64(-1.0), -2);
        assert_eq!(hash_bigint(&(BigInt::from(1) << 61usize)), 1);
        assert_eq!(hash_bigint(&-(BigInt::from(1) << 70usize)), -512);
        assert_eq!(hash_f64(2f64.powi(70)), 512);
        assert_eq!(hash_f64(f64::INFINITY), 314159);
        assert_eq!(hash_f64(1e-300), hash_f64(1e-300));
    }

    #[test]
    fn tuple_hash_matches_cpython() {
        let h = hash_tuple_of([Ok(1), Ok(2)].into_iter()).unwrap_or(0);
        assert_eq!(h, -3550055125485641917);
        let empty = hash_tuple_of(std::iter::empty::<R<i64>>().collect::<Vec<_>>().into_iter());
        assert_eq!(empty, Ok(5740354900026072187));
    }

    #[test]
    fn frexp_is_right() {
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(frexp(-3.0), (-0.75, 2));
        let (m, e) = frexp(5e-324);
        assert_eq!(m * 2f64.powi(e + 60) / 2f64.powi(60), 5e-324);
    }
}
