//! The one-word value representation (NaN-boxing), as documented in `docs/runtime.md`.

/// A Python value: one 64-bit word (see the module docs and `docs/runtime.md`).
#[repr(transparent)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Value(pub u64);

// The tags and the payload mask are the ABI's (`molt_abi::value`): generated code tests them.
pub use molt_abi::value::{PAYLOAD_MASK, TAG_BOOL, TAG_INT, TAG_NONE, TAG_PTR, TAG_SPECIAL};
/// Mask of the 13 bits that are all set exactly in tagged words.
pub const TAGGED_MASK: u64 = 0xFFF8_0000_0000_0000;
/// The canonical NaN (bits 63..51 of every NaN value; see [`Value::from_f64`]).
pub const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;
/// NaN values made by the runtime have `CANONICAL_NAN | n` with `1 <= n < NAN_CONST_BIT`;
/// NaN constants of generated code have this bit set (`0x7FFC_...`) and a per-site number.
pub const NAN_CONST_BIT: u64 = 1 << 50;
/// Bits 63..51 of a NaN value whose sign is negative (`inf - inf` on x86-64,
/// `-float("nan")`): sign and exponent set, quiet bit clear, so that it stays outside the
/// tagged space (which a negative *quiet* NaN would enter). `n` as for [`CANONICAL_NAN`].
pub const NEGATIVE_NAN: u64 = 0xFFF0_0000_0000_0000;

thread_local! {
    static NAN_SERIAL: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A NaN value with a payload no other live NaN made by this thread's runtime has: each NaN
/// created is a distinct object, as in CPython (`a is b` is False for two NaNs, and
/// containers find a NaN only by identity).
#[cold]
pub fn fresh_nan() -> Value {
    fresh_nan_signed(false)
}

/// [`fresh_nan`] with a sign: a negative one is `NEGATIVE_NAN | n`, whose sign
/// `math.copysign` and `repr` of arithmetic results see as CPython's do.
#[cold]
pub fn fresh_nan_signed(negative: bool) -> Value {
    let n = NAN_SERIAL.with(|c| {
        let n = c.get() % (NAN_CONST_BIT - 1) + 1;
        c.set(n);
        n
    });
    Value(
        if negative {
            NEGATIVE_NAN
        } else {
            CANONICAL_NAN
        } | n,
    )
}
/// Smallest inline int.
pub const INLINE_INT_MIN: i64 = -(1 << 47);
/// Largest inline int.
pub const INLINE_INT_MAX: i64 = (1 << 47) - 1;

impl Value {
    /// `None`.
    pub const NONE: Value = Value(TAG_NONE << 48);
    /// `False`.
    pub const FALSE: Value = Value(TAG_BOOL << 48);
    /// `True`.
    pub const TRUE: Value = Value((TAG_BOOL << 48) | 1);
    /// An unassigned local or an empty cell (never a Python value).
    pub const UNBOUND: Value = Value(TAG_SPECIAL << 48);
    /// "An exception is pending" (never a Python value).
    pub const ERROR: Value = Value((TAG_SPECIAL << 48) | 1);
    /// "The iterator is exhausted" (never a Python value).
    pub const EXHAUSTED: Value = Value((TAG_SPECIAL << 48) | 2);

    /// The tag (bits 63..48); only meaningful when [`Value::is_tagged`].
    #[inline]
    pub fn tag(self) -> u64 {
        self.0 >> 48
    }

    /// Whether the word is tagged (not a float).
    #[inline]
    pub fn is_tagged(self) -> bool {
        self.0 & TAGGED_MASK == TAGGED_MASK
    }

    /// A new float value: `x` itself, or a NaN with a fresh positive quiet payload (so
    /// no NaN collides with the tagged space, and each new NaN is a distinct object; a
    /// NaN that is merely copied keeps its word). See [`fresh_nan`].
    #[inline]
    pub fn from_f64(x: f64) -> Value {
        if x.is_nan() {
            fresh_nan_signed(x.is_sign_negative())
        } else {
            Value(x.to_bits())
        }
    }

    /// Whether this is a float.
    #[inline]
    pub fn is_float(self) -> bool {
        !self.is_tagged()
    }

    /// The float (only meaningful when [`Value::is_float`]). A negative NaN, stored with its
    /// quiet bit clear ([`NEGATIVE_NAN`]), comes out quiet: the C library treats a signaling
    /// NaN apart (`pow(x, 0)` is 1 for a quiet NaN only).
    #[inline]
    pub fn as_f64(self) -> f64 {
        // `NEGATIVE_NAN` itself (no payload) is `-inf`.
        if self.0 & 0xFFF8_0000_0000_0000 == NEGATIVE_NAN && self.0 != NEGATIVE_NAN {
            return f64::from_bits(self.0 | (1 << 51));
        }
        f64::from_bits(self.0)
    }

    /// An inline int, if `i` fits in 48 bits.
    #[inline]
    pub fn inline_int(i: i64) -> Option<Value> {
        if (INLINE_INT_MIN..=INLINE_INT_MAX).contains(&i) {
            Some(Value((TAG_INT << 48) | (i as u64 & PAYLOAD_MASK)))
        } else {
            None
        }
    }

    /// Whether this is an inline int.
    #[inline]
    pub fn is_inline_int(self) -> bool {
        self.tag() == TAG_INT
    }

    /// The inline int (only meaningful when [`Value::is_inline_int`]): sign-extends 48 bits.
    #[inline]
    pub fn as_inline_int(self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }

    /// A bool.
    #[inline]
    pub fn from_bool(b: bool) -> Value {
        if b { Value::TRUE } else { Value::FALSE }
    }

    /// Whether this is a bool.
    #[inline]
    pub fn is_bool(self) -> bool {
        self.tag() == TAG_BOOL
    }

    /// Whether this is `None`.
    #[inline]
    pub fn is_none(self) -> bool {
        self.0 == Value::NONE.0
    }

    /// Whether this is a heap object pointer.
    #[inline]
    pub fn is_ptr(self) -> bool {
        self.tag() == TAG_PTR
    }

    /// Whether this is one of the special non-values.
    #[inline]
    pub fn is_special(self) -> bool {
        self.tag() == TAG_SPECIAL
    }

    /// Whether this is the error marker.
    #[inline]
    pub fn is_error(self) -> bool {
        self.0 == Value::ERROR.0
    }

    /// The object pointer (only meaningful when [`Value::is_ptr`]).
    #[inline]
    pub fn as_ptr(self) -> *mut crate::object::ObjHeader {
        (self.0 & PAYLOAD_MASK) as usize as *mut crate::object::ObjHeader
    }

    /// A pointer value.
    #[inline]
    pub fn from_ptr(p: *mut crate::object::ObjHeader) -> Value {
        Value((TAG_PTR << 48) | (p as usize as u64 & PAYLOAD_MASK))
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_float() {
            write!(f, "Value(float {})", self.as_f64())
        } else if self.is_inline_int() {
            write!(f, "Value(int {})", self.as_inline_int())
        } else if self.is_bool() {
            write!(
                f,
                "Value({})",
                if *self == Value::TRUE {
                    "True"
                } else {
                    "False"
                }
            )
        } else if self.is_none() {
            f.write_str("Value(None)")
        } else if self.is_ptr() {
            write!(f, "Value(ptr {:#x})", self.0 & PAYLOAD_MASK)
        } else {
            write!(f, "Value(special {:#x})", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_round_trip_at_the_edges() {
        for i in [0, 1, -1, INLINE_INT_MIN, INLINE_INT_MAX, 12345, -98765] {
            let v = Value::inline_int(i).expect("fits");
            assert!(v.is_inline_int() && v.is_tagged() && !v.is_float());
            assert_eq!(v.as_inline_int(), i);
        }
        assert!(Value::inline_int(INLINE_INT_MAX + 1).is_none());
        assert!(Value::inline_int(INLINE_INT_MIN - 1).is_none());
    }

    #[test]
    fn floats_never_collide_with_tags() {
        for x in [
            0.0,
            -0.0,
            1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
            f64::MIN_POSITIVE,
        ] {
            let v = Value::from_f64(x);
            assert!(v.is_float(), "{x}");
            assert!(x.is_nan() && v.as_f64().is_nan() || v.as_f64().to_bits() == x.to_bits());
        }
        assert!(!Value::NONE.is_float() && !Value::TRUE.is_float() && !Value::ERROR.is_float());
    }

    #[test]
    fn each_new_nan_is_distinct() {
        let (a, b) = (Value::from_f64(f64::NAN), Value::from_f64(-f64::NAN));
        assert_ne!(a, b);
        for v in [a, b] {
            assert!(v.is_float() && v.as_f64().is_nan());
        }
        assert_eq!(a.0 & !(NAN_CONST_BIT - 1), CANONICAL_NAN);
        assert_eq!(b.0 & !(NAN_CONST_BIT - 1), NEGATIVE_NAN);
        assert!(a.as_f64().is_sign_positive() && b.as_f64().is_sign_negative());
        // What the runtime computes with is a quiet NaN, whose sign is kept.
        assert_eq!(b.as_f64().powf(0.0), 1.0);
        assert_ne!(b.as_f64().to_bits() & (1 << 51), 0);
        assert_eq!(
            Value::from_f64(f64::NEG_INFINITY).as_f64(),
            f64::NEG_INFINITY
        );
        // A NaN made by the hardware with its sign set keeps it, outside the tagged space.
        let inf = f64::INFINITY;
        let hardware = std::hint::black_box(inf) - std::hint::black_box(inf);
        let c = Value::from_f64(hardware);
        assert!(c.is_float() && c.as_f64().is_nan());
        assert_eq!(c.as_f64().is_sign_negative(), hardware.is_sign_negative());
        #[cfg(target_arch = "x86_64")]
        assert!(
            c.as_f64().is_sign_negative(),
            "x86-64's default NaN is negative"
        );
    }
}
