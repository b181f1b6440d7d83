//! The private module `_molt_struct`: the byte-level core of molt's `struct` module
//! (`stdlib/struct.py`): format parsing (byte order, sizes and C alignment), packing with
//! CPython 3.11's argument conversions and `struct.error` messages, and unpacking.
//!
//! A format is given as the `bytes` of its ASCII text (the Python module encodes a str
//! format). Sizes and alignments of native (`@`) formats are the C types' of the target
//! (`std::ffi`), as CPython's on the same machine; standard formats (`=`, `<`, `>`, `!`)
//! have the fixed sizes of the `struct` documentation. Where CPython's little-endian
//! standard table reuses the native packing routine of a code of the same size (all
//! integer codes but `l`/`L`), the range messages are the native ones (`short format
//! requires ...`); that choice is reproduced by [`int_rule`]. The rules and messages are
//! facts observed on CPython 3.11; the code is molt's own.
//!
//! Half floats (`e`) are rounded to nearest, ties to even, from the double itself (one
//! rounding); floats past the largest half (65504) that round up raise CPython's
//! `OverflowError`. NaNs pack as the default quiet NaN with their sign (molt's NaNs carry
//! an identity payload, never written out).
//!
//! Only `stdlib/struct.py` may import this module (the compiler rejects it elsewhere). It
//! raises `struct.error` through the class `init` registers.

use std::cell::Cell;

use crate::bytes::{bytearray_vec, bytes_from_vec, bytes_like, is_bytearray, is_bytes};
use crate::exceptions::{
    ExcKind, R, Raised, new_exception, overflow_error, raise, raise_exc, take_pending, type_error,
};
use crate::int::{IntV, has_index, index_value, int_from_big, int_from_i128, int_to_f64, int_view};
use crate::object::{Args, Ref};
use crate::tuple::{is_tuple, tuple_from_vec, tuple_items};
use crate::value::Value;

thread_local! {
    /// The class `struct.error` (one reference held for the program's life).
    static ERROR: Cell<Value> = const { Cell::new(Value::NONE) };
}

/// Raises `struct.error(msg)`. Always `Err`.
#[cold]
fn struct_error<T>(msg: impl Into<String>) -> R<T> {
    let cls = ERROR.with(Cell::get);
    if cls.is_none() {
        return raise(
            ExcKind::SystemError,
            "molt: _molt_struct.init was not called",
        );
    }
    let s = crate::str::str_from_string(msg.into());
    raise_exc(new_exception(cls, crate::tuple::tuple_from_array([s])));
    Err(Raised)
}

/// Byte order and sizes of a format.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// `@` (or no prefix): native sizes, C alignment, native byte order.
    Native,
    /// `=`, `<`, `>`, `!`: standard sizes, no alignment, the given byte order.
    Std { little: bool },
}

impl Mode {
    fn little(self) -> bool {
        match self {
            Mode::Native => cfg!(target_endian = "little"),
            Mode::Std { little } => little,
        }
    }
}

/// One format code with its repeat count and the offset of its first item.
#[derive(Clone, Copy, Debug)]
struct Code {
    c: u8,
    count: usize,
    offset: usize,
    /// The size of one item (for `s`, `p`, `x`: 1).
    size: usize,
}

/// A parsed format.
#[derive(Debug)]
struct Layout {
    mode: Mode,
    codes: Vec<Code>,
    size: usize,
    /// The number of values `pack` takes (and `unpack` returns).
    items: usize,
}

/// `(size, alignment)` of native code `c`, or `None` when `c` is no code.
fn native_entry(c: u8) -> Option<(usize, usize)> {
    use std::ffi::{c_double, c_float, c_int, c_long, c_longlong, c_short};
    use std::mem::{align_of, size_of};
    macro_rules! of {
        ($t:ty) => {
            (size_of::<$t>(), align_of::<$t>())
        };
    }
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => (1, 1),
        b'h' | b'H' => of!(c_short),
        b'i' | b'I' => of!(c_int),
        b'l' | b'L' => of!(c_long),
        b'q' | b'Q' => of!(c_longlong),
        b'n' | b'N' => of!(usize),
        b'P' => of!(*const u8),
        b'e' => (2, 2),
        b'f' => of!(c_float),
        b'd' => of!(c_double),
        _ => return None,
    })
}

/// The standard size of code `c`, or `None` when standard formats lack it.
fn std_size(c: u8) -> Option<usize> {
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'l' | b'L' | b'f' => 4,
        b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

/// CPython's `Py_ISSPACE`: the whitespace skipped between codes.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn too_long<T>() -> R<T> {
    struct_error("total struct size too long")
}

/// Parses format `fmt` (its bytes), with CPython's `struct.error`s: `embedded null
/// character`, `bad char in struct format`, `repeat count given without format specifier`,
/// `total struct size too long` (the size must fit an `isize`).
fn parse(fmt: &[u8]) -> R<Layout> {
    if fmt.contains(&0) {
        return struct_error("embedded null character");
    }
    let (mode, mut i) = match fmt.first() {
        Some(b'@') => (Mode::Native, 1),
        Some(b'=') => (
            Mode::Std {
                little: cfg!(target_endian = "little"),
            },
            1,
        ),
        Some(b'<') => (Mode::Std { little: true }, 1),
        Some(b'>') | Some(b'!') => (Mode::Std { little: false }, 1),
        _ => (Mode::Native, 0),
    };
    let max = isize::MAX as usize;
    let mut codes = Vec::new();
    let mut size = 0usize;
    let mut items = 0usize;
    while i < fmt.len() {
        let mut c = fmt[i];
        if is_space(c) {
            i += 1;
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            count = 0;
            while i < fmt.len() && fmt[i].is_ascii_digit() {
                let d = usize::from(fmt[i] - b'0');
                if count > (max - d) / 10 {
                    return too_long();
                }
                count = count * 10 + d;
                i += 1;
            }
            if i >= fmt.len() {
                return struct_error("repeat count given without format specifier");
            }
            c = fmt[i];
        }
        let entry = match mode {
            Mode::Native => native_entry(c),
            Mode::Std { .. } => std_size(c).map(|s| (s, 1)),
        };
        let Some((item, align)) = entry else {
            return struct_error("bad char in struct format");
        };
        if align > 1 && !size.is_multiple_of(align) {
            size = match size.checked_add(align - size % align) {
                Some(s) if s <= max => s,
                _ => return too_long(),
            };
        }
        let (bytes, values) = match c {
            b's' | b'p' => (count, 1),
            b'x' => (count, 0),
            _ => match count.checked_mul(item) {
                Some(b) => (b, count),
                None => return too_long(),
            },
        };
        if bytes > max - size {
            return too_long();
        }
        codes.push(Code {
            c,
            count,
            offset: size,
            size: if matches!(c, b's' | b'p' | b'x') {
                1
            } else {
                item
            },
        });
        size += bytes;
        items += values;
        i += 1;
    }
    Ok(Layout {
        mode,
        codes,
        size,
        items,
    })
}

/// The format argument: the bytes of a format (the Python module passes `bytes`).
fn format_arg<'a>(v: Value) -> R<&'a [u8]> {
    if is_bytes(v) {
        Ok(crate::bytes::bytes_data(v))
    } else {
        type_error("molt: _molt_struct needs a bytes format")
    }
}

// --- Integer conversion ----------------------------------------------------------------

/// How an integer code reads its argument as a C integer (CPython's getters), and the
/// message when it does not fit that C type.
#[derive(Clone, Copy, Debug)]
enum Getter {
    /// A signed C integer of `bits` bits: `argument out of range` otherwise.
    Signed(u32),
    /// An unsigned C integer of `bits` bits: `argument out of range` otherwise (negative
    /// values included).
    Unsigned(u32),
    /// The big-endian standard `q`: `int too large to convert` outside the `i64` range.
    BigSigned,
    /// The big-endian standard `Q`: `int too large to convert` outside the `u64` range.
    BigUnsigned,
    /// `P`: `int too large to convert` outside `[-2**63, 2**64)` (a negative pointer
    /// value is stored as its two's complement).
    Pointer,
}

/// The range a code's value must lie in after its getter, with CPython's message.
#[derive(Clone, Copy, Debug)]
struct Range {
    min: i128,
    max: i128,
    /// `None`: `'c' format requires MIN <= number <= MAX`; else this named message.
    name: Option<&'static str>,
}

fn range_for(size: usize, signed: bool, name: Option<&'static str>) -> Range {
    let bits = 8 * size as u32;
    if signed {
        Range {
            min: -(1i128 << (bits - 1)),
            max: (1i128 << (bits - 1)) - 1,
            name,
        }
    } else {
        Range {
            min: 0,
            max: (1i128 << bits) - 1,
            name,
        }
    }
}

/// The getter and range of integer code `c` in the native table (sizes of the target).
fn native_int_rule(c: u8, size: usize) -> (Getter, Option<Range>) {
    let bits = 8 * size as u32;
    match c {
        b'b' => (Getter::Signed(64), Some(range_for(1, true, Some("byte")))),
        b'B' => (Getter::Signed(64), Some(range_for(1, false, Some("ubyte")))),
        b'h' => (
            Getter::Signed(64),
            Some(range_for(size, true, Some("short"))),
        ),
        b'H' => (
            Getter::Signed(64),
            Some(range_for(size, false, Some("ushort"))),
        ),
        // `int` is read as a C long and checked against its range (when narrower).
        b'i' => (
            Getter::Signed(64),
            (size < 8).then(|| range_for(size, true, None)),
        ),
        b'I' => (
            Getter::Unsigned(64),
            (size < 8).then(|| range_for(size, false, None)),
        ),
        b'l' | b'q' | b'n' => (Getter::Signed(bits), None),
        b'L' | b'Q' | b'N' => (Getter::Unsigned(bits), None),
        _ => (Getter::Pointer, None),
    }
}

/// The getter and range of integer code `c` (of item size `size`) in `mode`.
fn int_rule(mode: Mode, c: u8, size: usize) -> (Getter, Option<Range>) {
    match mode {
        Mode::Native => native_int_rule(c, size),
        Mode::Std { little } => {
            // CPython's standard table of the machine's own byte order takes the native
            // routine of each code whose native size is the same.
            let native_size = native_entry(c).map(|(s, _)| s);
            if little == cfg!(target_endian = "little") && native_size == Some(size) {
                return native_int_rule(c, size);
            }
            match c {
                b'b' => (Getter::Signed(64), Some(range_for(1, true, Some("byte")))),
                b'B' => (Getter::Signed(64), Some(range_for(1, false, Some("ubyte")))),
                b'h' | b'i' | b'l' => (Getter::Signed(64), Some(range_for(size, true, None))),
                b'H' | b'I' | b'L' => (Getter::Unsigned(64), Some(range_for(size, false, None))),
                b'q' if little => (Getter::Signed(64), None),
                b'Q' if little => (Getter::Unsigned(64), None),
                b'q' => (Getter::BigSigned, None),
                _ => (Getter::BigUnsigned, None),
            }
        }
    }
}

/// The int value of argument `v` for an integer code: an int as it is, an object with
/// `__index__` through it (its errors propagate), else `struct.error`.
fn int_arg(v: Value) -> R<Option<i128>> {
    let r;
    let iv = match int_view(v) {
        Some(i) => i,
        None => {
            if !has_index(v) {
                return struct_error("required argument is not an integer");
            }
            r = index_value(v)?;
            match int_view(r.v()) {
                Some(i) => i,
                None => return struct_error("required argument is not an integer"),
            }
        }
    };
    Ok(match iv {
        IntV::Small(i) => Some(i128::from(i)),
        IntV::Big(b) => i128::try_from(b).ok(),
    })
}

/// Packs the integer argument `v` of code `c` into `out` (`out.len()` bytes).
fn pack_int(mode: Mode, c: u8, v: Value, out: &mut [u8]) -> R<()> {
    let size = out.len();
    let (getter, range) = int_rule(mode, c, size);
    let x = int_arg(v)?;
    let ok = match (getter, x) {
        (_, None) => None,
        (Getter::Signed(bits), Some(x)) => {
            (x >= -(1i128 << (bits - 1)) && x < (1i128 << (bits - 1))).then_some(x)
        }
        (Getter::Unsigned(bits), Some(x)) => (x >= 0 && x < (1i128 << bits)).then_some(x),
        (Getter::BigSigned, Some(x)) => i64::try_from(x).is_ok().then_some(x),
        (Getter::BigUnsigned, Some(x)) => u64::try_from(x).is_ok().then_some(x),
        (Getter::Pointer, Some(x)) => {
            (x >= i128::from(i64::MIN) && x <= i128::from(u64::MAX)).then_some(x)
        }
    };
    let Some(x) = ok else {
        return match getter {
            Getter::Signed(_) | Getter::Unsigned(_) => struct_error("argument out of range"),
            _ => struct_error("int too large to convert"),
        };
    };
    if let Some(r) = range
        && (x < r.min || x > r.max)
    {
        return struct_error(match r.name {
            Some(name) => format!("{name} format requires {} <= number <= {}", r.min, r.max),
            None => format!(
                "'{}' format requires {} <= number <= {}",
                c as char, r.min, r.max
            ),
        });
    }
    let le = (x as u128).to_le_bytes();
    if mode.little() {
        out.copy_from_slice(&le[..size]);
    } else {
        for (o, b) in out.iter_mut().zip(le[..size].iter().rev()) {
            *o = *b;
        }
    }
    Ok(())
}

// --- Floats ------------------------------------------------------------------------------

/// CPython's `PyFloat_AsDouble` of argument `v` (a float, an int, `__float__`, then
/// `__index__`); any failure becomes `struct.error: required argument is not a float`.
fn float_arg(v: Value) -> R<f64> {
    let r = (|| -> R<Option<f64>> {
        if v.is_float() {
            return Ok(Some(v.as_f64()));
        }
        if let Some(i) = int_view(v) {
            return int_to_f64(i).map(Some);
        }
        if let Some(f) = crate::class::call_dunder(v, "__float__", &[])? {
            return Ok(f.v().is_float().then(|| f.v().as_f64()));
        }
        if has_index(v) {
            let i = index_value(v)?;
            return match int_view(i.v()) {
                Some(i) => int_to_f64(i).map(Some),
                None => Ok(None),
            };
        }
        Ok(None)
    })();
    match r {
        Ok(Some(x)) => Ok(x),
        Ok(None) => struct_error("required argument is not a float"),
        Err(_) => {
            // CPython replaces the conversion's error.
            drop(take_pending());
            struct_error("required argument is not a float")
        }
    }
}

/// The IEEE 754 binary16 bits nearest to `x` (ties to even), or `None` when `x` is finite
/// and rounds past the largest half. NaNs give the quiet NaN `0x7e00` with their sign.
pub fn f64_to_half(x: f64) -> Option<u16> {
    let bits = x.to_bits();
    let sign = ((bits >> 48) & 0x8000) as u16;
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Zero or a double subnormal: far below half of the smallest half subnormal.
        return Some(sign);
    }
    let e = exp - 1023;
    let sig = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    // The value is sig * 2**(e - 52); in units of the half's last place (2**-24 for
    // subnormals, 2**(e - 10) for normals) its integer part is sig >> shift.
    let shift: u32 = if e >= -14 { 42 } else { (28 - e) as u32 };
    if shift >= 54 {
        // Under half the smallest subnormal: sig < 2**53 <= half a unit.
        return Some(sign);
    }
    let mut m = sig >> shift;
    let rem = sig & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    if rem > half || (rem == half && m & 1 == 1) {
        m += 1;
    }
    let out = if e >= -14 {
        // m is in [1024, 2048]; 2048 carries into the exponent.
        let (m, e) = if m == 2048 { (1024, e + 1) } else { (m, e) };
        let biased = e + 15;
        if biased >= 31 {
            return None;
        }
        ((biased as u64) << 10) | (m - 1024)
    } else {
        // A subnormal (m may round up to 1024: the smallest normal, the same bits).
        m
    };
    Some(sign | out as u16)
}

/// The value of binary16 bits `h`.
pub fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = i32::from((h >> 10) & 0x1f);
    let m = f64::from(h & 0x3ff);
    match e {
        0 => sign * m * 2f64.powi(-24),
        31 if m == 0.0 => sign * f64::INFINITY,
        31 => {
            if sign < 0.0 {
                -f64::NAN
            } else {
                f64::NAN
            }
        }
        _ => sign * (1024.0 + m) * 2f64.powi(e - 25),
    }
}

fn put_bytes(out: &mut [u8], le: &[u8], little: bool) {
    if little {
        out.copy_from_slice(le);
    } else {
        for (o, b) in out.iter_mut().zip(le.iter().rev()) {
            *o = *b;
        }
    }
}

/// Packs the float argument `v` of code `c` (`e`, `f`, `d`) into `out`.
fn pack_float(mode: Mode, c: u8, v: Value, out: &mut [u8]) -> R<()> {
    let x = float_arg(v)?;
    let little = mode.little();
    match c {
        b'e' => match f64_to_half(x) {
            Some(h) => put_bytes(out, &h.to_le_bytes(), little),
            None => return overflow_error("float too large to pack with e format"),
        },
        b'f' => {
            let y = if x.is_nan() {
                f32::from_bits(if x.is_sign_negative() {
                    0xffc0_0000
                } else {
                    0x7fc0_0000
                })
            } else {
                x as f32
            };
            // The standard format refuses a finite double that becomes infinite; the
            // native one stores the C cast's infinity.
            if mode != Mode::Native && y.is_infinite() && x.is_finite() {
                return overflow_error("float too large to pack with f format");
            }
            put_bytes(out, &y.to_bits().to_le_bytes(), little);
        }
        _ => {
            let bits = if x.is_nan() {
                if x.is_sign_negative() {
                    0xfff8_0000_0000_0000u64
                } else {
                    0x7ff8_0000_0000_0000
                }
            } else {
                x.to_bits()
            };
            put_bytes(out, &bits.to_le_bytes(), little);
        }
    }
    Ok(())
}

// --- Packing -------------------------------------------------------------------------------

/// Packs value `v` of `code` (item `k` of it) into `out` (the item's bytes; for `s` and `p`
/// all `count` bytes). `out` starts zeroed.
fn pack_item(mode: Mode, code: &Code, v: Value, out: &mut [u8]) -> R<()> {
    match code.c {
        b'c' => match bytes_like(v) {
            Some(b) if is_bytes(v) && b.len() == 1 => {
                out[0] = b[0];
                Ok(())
            }
            _ => struct_error("char format requires a bytes object of length 1"),
        },
        b's' | b'p' => {
            let Some(b) = bytes_like(v) else {
                return struct_error(format!(
                    "argument for '{}' must be a bytes object",
                    code.c as char
                ));
            };
            if code.c == b's' {
                let n = b.len().min(out.len());
                out[..n].copy_from_slice(&b[..n]);
            } else if !out.is_empty() {
                let n = b.len().min(out.len() - 1);
                out[1..=n].copy_from_slice(&b[..n]);
                out[0] = n.min(255) as u8;
            }
            Ok(())
        }
        b'?' => {
            out[0] = u8::from(crate::ops::is_true(v)?);
            Ok(())
        }
        b'e' | b'f' | b'd' => pack_float(mode, code.c, v, out),
        c => pack_int(mode, c, v, out),
    }
}

/// [`pack_item`], with CPython's replacement of an `OverflowError` raised for an int
/// argument (`struct.pack('<e', 70000)`) by `struct.error: int too large to convert`.
fn pack_checked(mode: Mode, code: &Code, v: Value, out: &mut [u8]) -> R<()> {
    let r = pack_item(mode, code, v, out);
    if r.is_err() && int_view(v).is_some() && crate::exceptions::pending_is(ExcKind::OverflowError)
    {
        drop(take_pending());
        return struct_error("int too large to convert");
    }
    r
}

/// Packs `values` (exactly the layout's item count) item by item, calling `put(offset,
/// bytes)` after each (offsets from the start of the packed bytes).
fn pack_values(
    layout: &Layout,
    values: &[Value],
    mut put: impl FnMut(usize, &[u8]) -> R<()>,
) -> R<()> {
    let mut next = values.iter();
    let mut scratch = [0u8; 16];
    for code in &layout.codes {
        match code.c {
            b'x' => {}
            b's' | b'p' => {
                let v = *next.next().unwrap_or(&Value::NONE);
                let mut buf = crate::int::try_zeroed(code.count)?;
                pack_checked(layout.mode, code, v, &mut buf)?;
                put(code.offset, &buf)?;
            }
            _ => {
                for k in 0..code.count {
                    let v = *next.next().unwrap_or(&Value::NONE);
                    let out = &mut scratch[..code.size];
                    out.fill(0);
                    pack_checked(layout.mode, code, v, out)?;
                    put(code.offset + k * code.size, out)?;
                }
            }
        }
    }
    Ok(())
}

fn tuple_arg<'a>(v: Value) -> R<&'a [Value]> {
    if is_tuple(v) {
        Ok(tuple_items(v))
    } else {
        type_error("molt: _molt_struct needs a tuple of values")
    }
}

/// `_molt_struct.init(error)`: registers the class `struct.error`.
fn s_init(_: Value, args: Args<'_>) -> R<Ref> {
    let [cls] = args.exact("init")?;
    let old = ERROR.with(|e| e.replace(crate::object::incref(cls)));
    crate::object::decref(old);
    Ok(Ref::NONE)
}

/// `_molt_struct.init_array(array, read, write)`: registers `array.array` and the
/// functions reading (`read(arr) -> bytes`) and replacing (`write(arr, bytes)`) an array's
/// machine bytes, so that every consumer of bytes-like objects takes arrays (see
/// `crate::bytes::buffer_of`).
fn s_init_array(_: Value, args: Args<'_>) -> R<Ref> {
    let [cls, read, write] = args.exact("init_array")?;
    crate::bytes::register_array(cls, read, write);
    Ok(Ref::NONE)
}

/// `_molt_struct.nbytes(buffer)`: the length in bytes of a bytes-like object (an array's
/// too), or CPython's `a bytes-like object is required` TypeError.
fn s_nbytes(_: Value, args: Args<'_>) -> R<Ref> {
    let [buffer] = args.exact("nbytes")?;
    Ok(int_from_i128(bytes_arg(buffer)?.len() as i128))
}

/// `_molt_struct.is_buffer(v)`: whether `v` is a bytes-like object (bytes, bytearray or
/// an `array.array`).
fn s_is_buffer(_: Value, args: Args<'_>) -> R<Ref> {
    let [v] = args.exact("is_buffer")?;
    Ok(Ref::new(Value::from_bool(crate::bytes::is_buffer(v))))
}

/// `_molt_struct.layout(fmt)`: `(size, items)` of format `fmt` (bytes), or its
/// `struct.error`.
fn s_layout(_: Value, args: Args<'_>) -> R<Ref> {
    let [fmt] = args.exact("layout")?;
    let layout = parse(format_arg(fmt)?)?;
    Ok(crate::tuple::tuple_from_array([
        int_from_i128(layout.size as i128),
        int_from_i128(layout.items as i128),
    ]))
}

/// `_molt_struct.pack(fmt, values)`: the bytes of the tuple `values` packed by `fmt`;
/// `struct.error: pack expected N items for packing (got M)` first.
fn s_pack(_: Value, args: Args<'_>) -> R<Ref> {
    let [fmt, values] = args.exact("pack")?;
    let layout = parse(format_arg(fmt)?)?;
    let values = tuple_arg(values)?.to_vec();
    if values.len() != layout.items {
        return struct_error(format!(
            "pack expected {} items for packing (got {})",
            layout.items,
            values.len()
        ));
    }
    let mut out = crate::int::try_zeroed(layout.size)?;
    pack_values(&layout, &values, |off, b| {
        out[off..off + b.len()].copy_from_slice(b);
        Ok(())
    })?;
    Ok(bytes_from_vec(out))
}

/// `_molt_struct.pack_into(fmt, args)`: CPython's `pack_into(buffer, offset, *values)` with
/// `args` the tuple of all three: the argument count, the writable buffer (a bytearray),
/// the offset (negative from the end), the room left, then the values packed in place
/// (the target bytes zeroed first; a failing value leaves the ones before it written).
fn s_pack_into(_: Value, args: Args<'_>) -> R<Ref> {
    let [fmt, all] = args.exact("pack_into")?;
    let layout = parse(format_arg(fmt)?)?;
    let all = tuple_arg(all)?.to_vec();
    if all.len() != layout.items + 2 {
        return match all.len() {
            0 => struct_error("pack_into expected buffer argument"),
            1 => struct_error("pack_into expected offset argument"),
            n => struct_error(format!(
                "pack_into expected {} items for packing (got {})",
                layout.items,
                n - 2
            )),
        };
    }
    let buffer = all[0];
    // A bytearray is written in place; an `array.array` (a Python class in molt) through a
    // copy of its bytes, written back once packed.
    let mut copy: Option<Vec<u8>> = None;
    if !is_bytearray(buffer) {
        let view = crate::memoryview::is_memoryview(buffer)
            && crate::memoryview::is_writable(buffer)
            && crate::memoryview::contiguous_bytes(buffer).is_some();
        if !view && !crate::bytes::is_array(buffer) {
            return type_error(format!(
                "argument must be read-write bytes-like object, not {}",
                crate::class::type_name(buffer)
            ));
        }
        copy = crate::bytes::buffer_of(buffer)?.map(|d| d.into_owned());
    }
    let mut offset = crate::int::as_ssize(all[1], Some(ExcKind::IndexError))?;
    let len = match &copy {
        Some(d) => d.len(),
        None => bytearray_vec(buffer).len(),
    } as i64;
    let size = layout.size as i64;
    if offset < 0 {
        if offset + size > 0 {
            return struct_error(format!("no space to pack {size} bytes at offset {offset}"));
        }
        if offset + len < 0 {
            return struct_error(format!(
                "offset {offset} out of range for {len}-byte buffer"
            ));
        }
        offset += len;
    }
    if len - offset < size {
        return struct_error(format!(
            "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} (actual buffer size is {len})",
            size + offset
        ));
    }
    let start = offset as usize;
    const RESIZED: &str = "molt: the buffer was resized while packing into it";
    if let Some(mut data) = copy {
        data[start..start + layout.size].fill(0);
        let packed = pack_values(&layout, &all[2..], |off, b| {
            data[start + off..start + off + b.len()].copy_from_slice(b);
            Ok(())
        });
        // On an error, the values before it are written (CPython packs in place), and the
        // error is raised once they are.
        let failed = if packed.is_err() {
            take_pending()
        } else {
            None
        };
        // A conversion ran Python code, which may have resized the array (CPython's export
        // lock would have refused that).
        let now = crate::bytes::buffer_of(buffer)?.map_or(0, |d| d.len());
        if now != data.len() {
            return raise(ExcKind::BufferError, RESIZED);
        }
        if crate::memoryview::is_memoryview(buffer) {
            crate::memoryview::write_contiguous(buffer, &data)?;
        } else {
            crate::bytes::write_array(buffer, data)?;
        }
        if let Some(e) = failed {
            crate::exceptions::set_pending(e);
            return Err(Raised);
        }
        packed?;
        return Ok(Ref::NONE);
    }
    bytearray_vec(buffer)[start..start + layout.size].fill(0);
    pack_values(&layout, &all[2..], |off, b| {
        // A conversion ran Python code, which may have resized the buffer (CPython's
        // export lock would have refused that).
        let data = bytearray_vec(buffer);
        if data.len() as i64 != len {
            return raise(ExcKind::BufferError, RESIZED);
        }
        data[start + off..start + off + b.len()].copy_from_slice(b);
        Ok(())
    })?;
    Ok(Ref::NONE)
}

fn bytes_arg(v: Value) -> R<Vec<u8>> {
    crate::memoryview::require_contiguous(v)?;
    match crate::bytes::buffer_of(v)? {
        Some(b) => Ok(b.into_owned()),
        None => type_error(format!(
            "a bytes-like object is required, not '{}'",
            crate::class::type_name(v)
        )),
    }
}

/// Unpacks `data` (exactly the layout's size) into a tuple.
fn unpack_data(layout: &Layout, data: &[u8]) -> R<Ref> {
    let mut out = Vec::with_capacity(layout.items);
    let little = layout.mode.little();
    for code in &layout.codes {
        let at = code.offset;
        match code.c {
            b'x' => {}
            b's' => out.push(bytes_from_vec(data[at..at + code.count].to_vec())),
            b'p' => {
                if code.count == 0 {
                    return raise(
                        ExcKind::SystemError,
                        "Negative size passed to PyBytes_FromStringAndSize",
                    );
                }
                let n = usize::from(data[at]).min(code.count - 1);
                out.push(bytes_from_vec(data[at + 1..at + 1 + n].to_vec()));
            }
            c => {
                for k in 0..code.count {
                    let start = at + k * code.size;
                    let item = &data[start..start + code.size];
                    let mut le = [0u8; 16];
                    if little {
                        le[..code.size].copy_from_slice(item);
                    } else {
                        for (o, b) in le.iter_mut().zip(item.iter().rev()) {
                            *o = *b;
                        }
                    }
                    let raw = u128::from_le_bytes(le);
                    out.push(match c {
                        b'c' => bytes_from_vec(item.to_vec()),
                        b'?' => Ref::new(Value::from_bool(raw != 0)),
                        b'e' => Ref::new(Value::from_f64(half_to_f64(raw as u16))),
                        b'f' => Ref::new(Value::from_f64(f64::from(f32::from_bits(raw as u32)))),
                        b'd' => Ref::new(Value::from_f64(f64::from_bits(raw as u64))),
                        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
                            let bits = 8 * code.size as u32;
                            let x = ((raw << (128 - bits)) as i128) >> (128 - bits);
                            int_from_i128(x)
                        }
                        _ => {
                            if raw > i128::MAX as u128 {
                                int_from_big(num_bigint::BigInt::from(raw))
                            } else {
                                int_from_i128(raw as i128)
                            }
                        }
                    });
                }
            }
        }
    }
    Ok(tuple_from_vec(out))
}

/// `_molt_struct.unpack(fmt, buffer)`: the tuple of values of `buffer` (bytes or
/// bytearray of exactly the format's size).
fn s_unpack(_: Value, args: Args<'_>) -> R<Ref> {
    let [fmt, buffer] = args.exact("unpack")?;
    let layout = parse(format_arg(fmt)?)?;
    let data = bytes_arg(buffer)?;
    if data.len() != layout.size {
        return struct_error(format!("unpack requires a buffer of {} bytes", layout.size));
    }
    unpack_data(&layout, &data)
}

/// `_molt_struct.unpack_from(fmt, buffer, offset)`: the values at `offset` (an int;
/// negative from the end) of `buffer`, with CPython's messages when it is too short.
fn s_unpack_from(_: Value, args: Args<'_>) -> R<Ref> {
    let [fmt, buffer, offset] = args.exact("unpack_from")?;
    let layout = parse(format_arg(fmt)?)?;
    let data = bytes_arg(buffer)?;
    let mut offset = crate::int::index_i64(offset)?;
    let len = data.len() as i64;
    let size = layout.size as i64;
    if offset < 0 {
        if offset + size > 0 {
            return struct_error(format!(
                "not enough data to unpack {size} bytes at offset {offset}"
            ));
        }
        if offset + len < 0 {
            return struct_error(format!(
                "offset {offset} out of range for {len}-byte buffer"
            ));
        }
        offset += len;
    }
    if len - offset < size {
        return struct_error(format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {offset} (actual buffer size is {len})",
            size + offset
        ));
    }
    let start = offset as usize;
    unpack_data(&layout, &data[start..start + layout.size])
}

/// The module object of `_molt_struct`.
pub fn make_struct_core() -> Ref {
    let m = crate::modules::module_new("_molt_struct");
    crate::modules::add_fns(
        m.v(),
        &[
            ("init", s_init),
            ("init_array", s_init_array),
            ("nbytes", s_nbytes),
            ("is_buffer", s_is_buffer),
            ("layout", s_layout),
            ("pack", s_pack),
            ("pack_into", s_pack_into),
            ("unpack", s_unpack),
            ("unpack_from", s_unpack_from),
        ],
    );
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_rounding() {
        // Values checked against CPython 3.11's struct.pack('<e', x).
        let table: &[(f64, Option<u16>)] = &[
            (1.0, Some(0x3c00)),
            (0.5, Some(0x3800)),
            (1.0 / 3.0, Some(0x3555)),
            (1e-7, Some(0x0002)),
            (65504.0, Some(0x7bff)),
            (65519.99, Some(0x7bff)),
            (65520.0, None),
            (5e-8, Some(0x0001)),
            (2.98e-8, Some(0x0000)),
            (2.99e-8, Some(0x0001)),
            (0.1, Some(0x2e66)),
            (-0.0, Some(0x8000)),
            (f64::INFINITY, Some(0x7c00)),
        ];
        for (x, h) in table {
            assert_eq!(f64_to_half(*x), *h, "half of {x:e}");
        }
        for h in 0u16..=0xffff {
            if (h >> 10) & 0x1f == 0x1f && h & 0x3ff != 0 {
                continue;
            }
            assert_eq!(f64_to_half(half_to_f64(h)), Some(h), "round trip of {h:#x}");
        }
    }

    #[test]
    fn native_layout() {
        let l = parse(b"ciq0l").unwrap();
        assert_eq!((l.size, l.items), (16, 3));
        let l = parse(b"<ciq").unwrap();
        assert_eq!((l.size, l.items), (13, 3));
    }
}
