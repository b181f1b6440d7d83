//! `str`: construction (with cached one-character strings), indexing and slicing by code
//! point (with an ASCII fast path), `repr`, and the str methods.

use crate::exceptions::{ExcKind, R, index_error, raise, type_error, value_error};
use crate::list::list_from_raw;
use crate::object::{Args, Kind, Ref, StrBuilder, StrData, is_kind};
use crate::state::rt;
use crate::tuple::tuple_from_vec;
use crate::unicode;
use crate::value::Value;

/// A new str object with the text of `s` (never cached; safe to call while the runtime
/// initializes). The text is copied into the object: code that knows the length of what it
/// builds writes it into a [`StrBuilder`] directly.
pub fn str_from_string(s: String) -> Ref {
    str_new(&s)
}

/// A new str with the text of the str `v` (the empty str is shared).
pub fn str_copy(v: Value) -> Ref {
    let d = str_data(v);
    if d.byte_len() == 0 {
        return Ref::dup(rt().empty_str);
    }
    str_known(d.as_str(), d.char_len, d.is_ascii)
}

/// A new str object with the text `s` (never cached).
fn str_new(s: &str) -> Ref {
    let is_ascii = s.is_ascii();
    let char_len = if is_ascii { s.len() } else { s.chars().count() };
    str_known(s, char_len, is_ascii)
}

/// A new str object with the text `s`, whose code point count and ASCII-ness the caller
/// already knows, so the text is not scanned again (never cached).
fn str_known(s: &str, char_len: usize, is_ascii: bool) -> Ref {
    let mut b = StrBuilder::new(s.len());
    b.push_str(s);
    b.finish(char_len, is_ascii)
}

/// A str that is a slice `sub` of the text of `parent`: a slice of an ASCII str is ASCII, so
/// its length in code points is its length in bytes and it is not scanned.
#[inline]
fn substr(parent: &StrData, sub: &str) -> Ref {
    if parent.is_ascii && sub.len() > 1 {
        str_known(sub, sub.len(), true)
    } else {
        str_from(sub)
    }
}

/// A str with the given text (one-character and empty strs come from a cache).
pub fn str_from(s: &str) -> Ref {
    let b = s.as_bytes();
    if b.is_empty() {
        return Ref::dup(rt().empty_str);
    }
    if b.len() == 1 {
        return Ref::dup(rt().chars[b[0] as usize]);
    }
    str_new(s)
}

/// A str with the text of `s` (one-character and empty strs come from a cache).
pub fn str_from_owned(s: String) -> Ref {
    str_from(&s)
}

/// The `molt:` `NotImplementedError` for `what` (e.g. `chr()`), whose CPython result would
/// hold the lone surrogate `cp` (U+D800..=U+DFFF): a str of the runtime is UTF-8 text, which
/// cannot hold one.
pub fn lone_surrogate_error<T>(what: &str, cp: u32) -> R<T> {
    raise(
        ExcKind::NotImplementedError,
        format!(
            "molt: {what} would make a str with the lone surrogate U+{cp:04X}, which molt's str cannot hold"
        ),
    )
}

/// The one-character str for `c`.
pub fn str_from_char(c: char) -> Ref {
    let cp = c as u32;
    if cp < 256 {
        return Ref::dup(rt().chars[cp as usize]);
    }
    str_known(c.encode_utf8(&mut [0; 4]), 1, false)
}

/// An immortal str interned by content (names, constants).
pub fn str_intern(s: &str) -> Value {
    let r = rt();
    if s.is_empty() {
        // The one empty str, as in CPython (`"" is str()`).
        return r.empty_str;
    }
    if let Some(v) = r.interned.borrow().get(s) {
        return *v;
    }
    let v = crate::object::immortalize(str_new(s).into_raw());
    r.interned.borrow_mut().insert(s.into(), v);
    v
}

/// `a + b` for two exact strs when `a` is referenced only by the caller, who gives that
/// reference up: `b`'s text is appended to `a`'s in place (amortized O(len(b)) through the
/// allocator's in-place growth: [`crate::object::str_append`]) and `a`, possibly moved, is
/// the result, as CPython's `+=` on a str whose only reference is the variable being
/// assigned. `None` (nothing done) otherwise.
pub fn concat_in_place(a: Value, b: Value) -> Option<Value> {
    if a == b || !is_str(a) || !is_str(b) || crate::object::refcount(a) != 1 {
        return None;
    }
    let sb = str_data(b);
    // SAFETY: kinds checked; the caller's reference is the only one (immortal strs, shared by
    // construction, never have a count of 1), given up here, and `b` is another object.
    Some(unsafe { crate::object::str_append(a, sb.as_str(), sb.char_len, sb.is_ascii) })
}

/// Whether `v` is a str.
#[inline]
pub fn is_str(v: Value) -> bool {
    is_kind(v, Kind::Str)
}

/// The payload of a str value (the caller checked the kind).
#[inline]
pub fn str_data<'a>(v: Value) -> &'a StrData {
    debug_assert!(is_str(v));
    // SAFETY: `v` is a live str (callers check the kind).
    unsafe { crate::object::str_payload(v) }
}

/// The text of a str value (the caller checked the kind).
#[inline]
pub fn as_str<'a>(v: Value) -> &'a str {
    str_data(v).as_str()
}

/// The text of `v` if it is a str.
#[inline]
///
/// An instance of a subclass of `str` gives the text it carries, as CPython's functions
/// accept str subclasses wherever they take a str; code that must honour such a subclass's
/// overrides (`str()`, `print`, `format`) tests [`is_str`] (an exact str) first.
pub fn str_opt<'a>(v: Value) -> Option<&'a str> {
    if is_str(v) {
        Some(as_str(v))
    } else {
        str_subclass_opt(v)
    }
}

/// The text carried by an instance of a subclass of `str`.
#[cold]
fn str_subclass_opt<'a>(v: Value) -> Option<&'a str> {
    let b = crate::class::builtin_value(v)?;
    if is_str(b) { Some(as_str(b)) } else { None }
}

/// Length in code points.
#[inline]
pub fn str_len(v: Value) -> usize {
    str_data(v).char_len
}

/// Python's `str.isspace` for one character.
#[inline]
pub fn py_isspace(c: char) -> bool {
    unicode::has(c, unicode::SPACE)
}

/// Starts of the runs of decimal digits (category `Nd`) that Unicode 15 and 16 added:
/// CPython 3.11 uses Unicode 14.0, where these are not digits.
const ND_AFTER_UNICODE_14: &[u32] = &[
    0x10d40, 0x11bf0, 0x116d0, 0x116da, 0x11f50, 0x16130, 0x16d70, 0x1ccf0, 0x1e4f0, 0x1e5f1,
];

fn is_nd(c: char) -> bool {
    unicode_general_category::get_general_category(c)
        == unicode_general_category::GeneralCategory::DecimalNumber
}

/// The value 0..=9 of a decimal digit: any character of Unicode category `Nd` (as of
/// Unicode 14.0, CPython 3.11's database), `None` for anything else.
///
/// Unicode encodes decimal digits only in contiguous runs of ten, 0 to 9, some runs
/// directly after others (the mathematical digits), so a digit's value is the number of
/// `Nd` characters right before it, modulo 10.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    if !is_nd(c) {
        return None;
    }
    let cp = c as u32;
    let mut before = 0;
    while char::from_u32(cp - before - 1).is_some_and(is_nd) {
        before += 1;
    }
    let value = before % 10;
    if ND_AFTER_UNICODE_14.contains(&(cp - value)) {
        return None;
    }
    Some(value)
}

/// The text `int()` and `float()` parse, as CPython transforms it first: ASCII characters
/// stay, other Unicode whitespace becomes a space, decimal digits become ASCII digits, and
/// anything else becomes `?` (never valid). Borrowed when `s` is ASCII.
pub fn ascii_numeric_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if py_isspace(c) {
                ' '
            } else if let Some(d) = decimal_value(c) {
                char::from_digit(d, 10).unwrap_or('?')
            } else {
                '?'
            }
        })
        .collect()
}

/// The whitespace `int()` and `float()` strip after [`ascii_numeric_text`] (C's `isspace`).
pub fn is_c_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

/// Whether `c` is printable in CPython's sense (`str.isprintable`, and `repr` keeps it
/// unescaped): not a control, format, surrogate, private-use, unassigned or separator
/// character, except the space.
#[inline]
pub fn is_printable(c: char) -> bool {
    unicode::has(c, unicode::PRINTABLE)
}

/// `repr(s)` of a str's text (`ascii_only` for `ascii()`).
pub fn repr_text(s: &str, ascii_only: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x7f && (c as u32) >= 0x20 => out.push(c),
            c if !ascii_only && is_printable(c) => out.push(c),
            c => {
                let cp = c as u32;
                if cp <= 0xff {
                    out.push_str(&format!("\\x{cp:02x}"));
                } else if cp <= 0xffff {
                    out.push_str(&format!("\\u{cp:04x}"));
                } else {
                    out.push_str(&format!("\\U{cp:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// Code points between two breadcrumbs of a [`StrIndex`] (a power of two). Measured
/// (`advance` from the breadcrumb before every index of a 2.4M-code-point text mixing 1- to
/// 4-byte characters, x86_64): about 10 ns per index at 16, 16 ns at 32, 33 ns at 64, 55 ns
/// at 128; 32 keeps an index well under the cost of the rest of a `t[i]` operation while the
/// table costs 4 bytes per 32 code points (1/8 byte per code point, at most 1/8 of the text's
/// own size since every code point takes at least one byte).
const CRUMB_SHIFT: u32 = 5;
/// `1 << CRUMB_SHIFT`.
const CRUMB: usize = 1 << CRUMB_SHIFT;

/// Breadcrumbs of a non-ASCII str: the byte offset of every [`CRUMB`]-th code point (entry
/// `k` is the offset of code point `k * CRUMB`), so converting a code point index to a byte
/// offset walks at most `CRUMB - 1` code points from the nearest breadcrumb, and converting a
/// byte offset back is a binary search plus such a walk. Built once per str, on the first
/// conversion of an index at or beyond [`CRUMB`] (`O(len)` bytes scanned), and freed with the
/// str. Texts up to 4 GiB keep 32-bit offsets.
pub enum StrIndex {
    /// Offsets of a text shorter than 4 GiB.
    Small(Box<[u32]>),
    /// Offsets of a longer text.
    Large(Box<[usize]>),
}

impl StrIndex {
    /// The breadcrumbs of `text` (which holds `char_len` code points).
    fn build(text: &str, char_len: usize) -> StrIndex {
        let mut crumbs: Vec<usize> = Vec::with_capacity(char_len / CRUMB + 1);
        let mut count = 0usize;
        for (b, &x) in text.as_bytes().iter().enumerate() {
            if is_char_start(x) {
                if count % CRUMB == 0 {
                    crumbs.push(b);
                }
                count += 1;
            }
        }
        if text.len() <= u32::MAX as usize {
            StrIndex::Small(crumbs.into_iter().map(|b| b as u32).collect())
        } else {
            StrIndex::Large(crumbs.into_boxed_slice())
        }
    }

    /// Byte offset of code point `k * CRUMB`.
    #[inline]
    fn crumb(&self, k: usize) -> usize {
        match self {
            StrIndex::Small(c) => c[k] as usize,
            StrIndex::Large(c) => c[k],
        }
    }

    /// Index of the last breadcrumb at or before byte offset `b`.
    fn crumb_before(&self, b: usize) -> usize {
        let after = match self {
            StrIndex::Small(c) => c.partition_point(|&x| x as usize <= b),
            StrIndex::Large(c) => c.partition_point(|&x| x <= b),
        };
        after.saturating_sub(1)
    }
}

/// Whether byte `x` of UTF-8 text starts a code point (is not a continuation byte).
#[inline]
fn is_char_start(x: u8) -> bool {
    (x as i8) >= -0x40
}

/// Byte offset `n` code points after byte offset `b` of `text` (a code point boundary; there
/// are more than `n` code points after it): eight bytes at a time while at least eight code
/// points remain (a word's code point starts are the bytes that are not continuation bytes
/// `0b10xx_xxxx`, counted with a mask and a popcount), then byte by byte.
#[inline]
fn advance(text: &[u8], mut b: usize, mut n: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while n >= 8 && b + 8 <= text.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&text[b..b + 8]);
        let w = u64::from_le_bytes(word);
        // Bit 7 set and bit 6 clear: a continuation byte. At most 8 starts, so `n` stays
        // at or after the word's end.
        let continuations = (w & !(w << 1) & HIGH).count_ones() as usize;
        n -= 8 - continuations;
        b += 8;
    }
    loop {
        if is_char_start(text[b]) {
            if n == 0 {
                return b;
            }
            n -= 1;
        }
        b += 1;
    }
}

/// The breadcrumbs of a non-ASCII str, built on first use.
#[inline]
fn str_index(d: &StrData) -> &StrIndex {
    d.index
        .get_or_init(|| Box::new(StrIndex::build(d.as_str(), d.char_len)))
}

/// Byte offset of code point `i` in `d` (`i <= char_len`): `O(1)` for an ASCII str, at most
/// [`CRUMB`] code points walked for another (see [`StrIndex`]).
pub fn byte_offset(d: &StrData, i: usize) -> usize {
    if d.is_ascii {
        return i;
    }
    if i >= d.char_len {
        return d.byte_len();
    }
    let bytes = d.as_str().as_bytes();
    if i < CRUMB {
        return advance(bytes, 0, i);
    }
    let k = i >> CRUMB_SHIFT;
    advance(bytes, str_index(d).crumb(k), i & (CRUMB - 1))
}

/// Code point index of byte offset `b` in `d` (a code point boundary, `b <= text.len()`):
/// `O(1)` for an ASCII str, a binary search and at most [`CRUMB`] code points counted for
/// another (see [`StrIndex`]).
pub fn char_index(d: &StrData, b: usize) -> usize {
    if d.is_ascii {
        return b;
    }
    if b >= d.byte_len() {
        return d.char_len;
    }
    let bytes = d.as_str().as_bytes();
    let count = |from: usize| bytes[from..b].iter().filter(|&&x| is_char_start(x)).count();
    // Near the start, or in a text of at most one breadcrumb's span (at most `4 * CRUMB`
    // bytes, which never gets a table), count from the start.
    if b < CRUMB || d.char_len <= CRUMB {
        return count(0);
    }
    let index = str_index(d);
    let k = index.crumb_before(b);
    (k << CRUMB_SHIFT) + count(index.crumb(k))
}

/// `s[i]` (negative indices count from the end).
pub fn str_getindex(s: Value, i: i64) -> R<Ref> {
    let d = str_data(s);
    let n = d.char_len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return index_error("string index out of range");
    }
    if d.is_ascii {
        return Ok(Ref::dup(
            rt().chars[d.as_str().as_bytes()[j as usize] as usize],
        ));
    }
    let b = byte_offset(d, j as usize);
    match d.as_str()[b..].chars().next() {
        Some(c) => Ok(str_from_char(c)),
        None => index_error("string index out of range"),
    }
}

/// `s[start:stop:step]` with indices already adjusted (see [`crate::ops::slice_indices`]).
pub fn str_getslice(s: Value, start: i64, stop: i64, step: i64) -> Ref {
    let d = str_data(s);
    if step == 1 {
        if start >= stop {
            return Ref::dup(rt().empty_str);
        }
        if start == 0 && stop as usize == d.char_len {
            return Ref::dup(s);
        }
        let (b0, b1) = if d.is_ascii {
            (start as usize, stop as usize)
        } else {
            (
                byte_offset(d, start as usize),
                byte_offset(d, stop as usize),
            )
        };
        let sub = &d.as_str()[b0..b1];
        // The code point count is known: the slice is not scanned.
        let count = (stop - start) as usize;
        return if sub.len() <= 1 {
            str_from(sub)
        } else {
            str_known(sub, count, sub.len() == count)
        };
    }
    let idx = crate::ops::slice_positions(start, stop, step);
    if d.is_ascii {
        let count = crate::ops::slice_len(start, stop, step);
        let text = d.as_str();
        if count <= 1 {
            return match idx.into_iter().next() {
                Some(i) => str_from(&text[i..=i]),
                None => Ref::dup(rt().empty_str),
            };
        }
        let mut out = StrBuilder::new(count);
        for i in idx {
            out.push_str(&text[i..=i]);
        }
        return out.finish(count, true);
    }
    // Only the code points the slice spans are walked, from the first one it takes.
    let count = crate::ops::slice_len(start, stop, step);
    if count == 0 {
        return Ref::dup(rt().empty_str);
    }
    let mut out = String::new();
    let first = byte_offset(d, start as usize);
    // A step beyond `usize` (a 32-bit target) takes one code point, as the count says.
    let stride = usize::try_from(step.unsigned_abs()).unwrap_or(usize::MAX);
    if step > 0 {
        let chars = d.as_str()[first..].chars().step_by(stride);
        out.extend(chars.take(count));
    } else {
        let end = first + d.as_str()[first..].chars().next().map_or(0, char::len_utf8);
        let chars = d.as_str()[..end].chars().rev().step_by(stride);
        out.extend(chars.take(count));
    }
    str_from_owned(out)
}

/// Concatenation of two strs, written straight into the new object.
pub fn str_concat(a: Value, b: Value) -> Ref {
    let (da, db) = (str_data(a), str_data(b));
    let (x, y) = (da.as_str(), db.as_str());
    if x.is_empty() {
        return Ref::dup(b);
    }
    if y.is_empty() {
        return Ref::dup(a);
    }
    let mut out = StrBuilder::new(x.len() + y.len());
    out.push_str(x);
    out.push_str(y);
    out.finish(da.char_len + db.char_len, da.is_ascii && db.is_ascii)
}

/// `s * n`.
pub fn str_repeat(s: Value, n: i64) -> R<Ref> {
    if n <= 0 {
        return Ok(Ref::dup(rt().empty_str));
    }
    let t = as_str(s);
    if n == 1 {
        return Ok(Ref::dup(s));
    }
    if t.is_empty() {
        return Ok(Ref::dup(rt().empty_str));
    }
    let d = str_data(s);
    // CPython counts characters against `Py_ssize_t` (64-bit); what does not fit in memory
    // (or in a wasm32 `usize`) is a `MemoryError`.
    if (d.char_len as u128) * (n as u128) > i64::MAX as u128 {
        return crate::exceptions::overflow_error("repeated string is too long");
    }
    let n = crate::int::size_of_count(n)?;
    let Some(bytes) = t.len().checked_mul(n) else {
        return crate::int::memory_error();
    };
    let mut out = StrBuilder::try_new(bytes)?;
    for _ in 0..n {
        out.push_str(t);
    }
    Ok(out.finish(d.char_len * n, d.is_ascii))
}

/// `sub in s`.
pub fn str_contains(s: Value, sub: Value) -> R<bool> {
    match str_opt(sub) {
        Some(t) => Ok(find_bytes(as_str(s).as_bytes(), t.as_bytes()).is_some()),
        None => type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            crate::class::type_name(sub)
        )),
    }
}

/// `str(...)` constructor: `str()`, `str(x)`.
pub fn str_new_ctor(_cls: Value, args: Args<'_>) -> R<Ref> {
    if args.len() > 3 {
        return type_error(format!(
            "str() takes at most 3 arguments ({} given)",
            args.len()
        ));
    }
    // `str(object='', encoding=..., errors=...)`.
    let mut slots: [Option<Value>; 3] = [None; 3];
    for (slot, v) in slots.iter_mut().zip(args.pos) {
        *slot = Some(*v);
    }
    const NAMES: [&str; 3] = ["object", "encoding", "errors"];
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        let key = as_str(*k);
        let Some(i) = NAMES.iter().position(|n| *n == key) else {
            return type_error(format!("'{key}' is an invalid keyword argument for str()"));
        };
        if slots[i].is_some() {
            return type_error(format!(
                "argument for str() given by name ('{key}') and position ({})",
                i + 1
            ));
        }
        slots[i] = Some(*v);
    }
    for i in 1..3 {
        if let Some(v) = slots[i]
            && str_opt(v).is_none()
        {
            return type_error(format!(
                "str() argument '{}' must be str, not {}",
                NAMES[i],
                crate::class::arg_type_name(v)
            ));
        }
    }
    match slots {
        [None, _, _] => Ok(Ref::dup(rt().empty_str)),
        [Some(v), None, None] => crate::ops::py_str(v),
        [Some(v), enc, err] if crate::bytes::is_buffer(v) => {
            let enc = enc.map_or("utf-8", as_str);
            let err = err.map_or("strict", as_str);
            let Some(data) = crate::bytes::buffer_of(v)? else {
                // A view that is not C-contiguous has no simple buffer.
                return type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    crate::class::type_name(v)
                ));
            };
            let data = data.into_owned();
            crate::codecs::decode_value(v, &data, enc, err)
        }
        [Some(v), _, _] if is_str(v) => type_error("decoding str is not supported"),
        [Some(v), _, _] => type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            crate::class::type_name(v)
        )),
    }
}

fn recv_str(recv: Value) -> R<&'static str> {
    match str_opt(recv) {
        Some(s) => Ok(s),
        None => type_error(format!(
            "descriptor requires a 'str' object but received a '{}'",
            crate::class::type_name(recv)
        )),
    }
}

fn arg_str<'a>(v: Value, what: &str) -> R<&'a str> {
    match str_opt(v) {
        Some(s) => Ok(s),
        None => type_error(format!("{what} arg must be None or str")),
    }
}

fn must_str<'a>(v: Value, fname: &str) -> R<&'a str> {
    match str_opt(v) {
        Some(s) => Ok(s),
        None => type_error(format!(
            "{fname}() argument must be str, not {}",
            crate::class::arg_type_name(v)
        )),
    }
}

/// A str argument of the methods that CPython converts without naming them (`find`,
/// `count`, `partition`): `TypeError: must be str, not int`.
fn plain_str<'a>(v: Value, or_none: bool) -> R<&'a str> {
    match str_opt(v) {
        Some(s) => Ok(s),
        None => type_error(format!(
            "must be str{}, not {}",
            if or_none { " or None" } else { "" },
            crate::class::type_name(v)
        )),
    }
}

/// Between `min` and `N` positional arguments, with the messages of CPython's
/// `PyArg_ParseTuple` (`find() takes at least 1 argument (0 given)`).
fn tuple_args<const N: usize>(args: Args<'_>, fname: &str, min: usize) -> R<[Option<Value>; N]> {
    // The class is added by the caller where CPython names it (see
    // `crate::call::qualify_method_error`).
    args.no_kw(fname)?;
    let n = args.pos.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return type_error(format!(
            "{fname}() takes at least {min} argument{} ({n} given)",
            plural(min)
        ));
    }
    if n > N {
        return type_error(format!(
            "{fname}() takes at most {N} argument{} ({n} given)",
            plural(N)
        ));
    }
    let mut out = [None; N];
    for (o, v) in out.iter_mut().zip(args.pos) {
        *o = Some(*v);
    }
    Ok(out)
}

/// Keyword arguments must be among `names` (Argument Clinic's message otherwise:
/// `'x' is an invalid keyword argument for split()`).
fn known_keywords(args: Args<'_>, fname: &str, names: &[&str]) -> R<()> {
    for k in args.kwnames {
        let key = str_opt(*k).unwrap_or("");
        if !names.contains(&key) {
            return type_error(format!(
                "'{key}' is an invalid keyword argument for {fname}()"
            ));
        }
    }
    Ok(())
}

/// Positional argument `n` of `fname` must be a str (`replace() argument 2 must be str`).
fn must_str_n<'a>(v: Value, fname: &str, n: u32) -> R<&'a str> {
    match str_opt(v) {
        Some(s) => Ok(s),
        None => type_error(format!(
            "{fname}() argument {n} must be str, not {}",
            crate::class::arg_type_name(v)
        )),
    }
}

fn bool_ref(b: bool) -> R<Ref> {
    Ok(Ref::new(Value::from_bool(b)))
}

fn int_ref(i: i64) -> R<Ref> {
    Ok(crate::int::int_from_i64(i))
}

/// A list of slices of the text of `parent` (see [`substr`]).
fn substrs_to_list(parent: &StrData, parts: Vec<&str>) -> R<Ref> {
    Ok(list_from_raw(
        parts
            .into_iter()
            .map(|p| substr(parent, p).into_raw())
            .collect(),
    ))
}

/// Haystacks shorter than this (in bytes) are searched without building a substring
/// searcher: for them, building one costs more than the search.
const SHORT_HAYSTACK: usize = 64;

/// Byte offset of the first occurrence of `needle` in `hay` (an empty needle is found at 0).
///
/// Offsets are byte offsets; when both are UTF-8 text, a match always starts and ends on
/// char boundaries (UTF-8 is self-synchronizing). A one-byte needle is a `memchr`; in a
/// short haystack the candidates are the positions of the needle's first byte (each found
/// with `memchr`) whose last byte matches too (at most [`SHORT_HAYSTACK`]² byte
/// comparisons); otherwise `memchr::memmem` (Two-Way with a SIMD prefilter), which is
/// linear in the worst case.
fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [] => Some(0),
        [b] => memchr::memchr(*b, hay),
        _ if needle.len() > hay.len() => None,
        [first, middle @ .., last] if hay.len() < SHORT_HAYSTACK => {
            // The candidates are where the first byte occurs (`memchr` skips to each).
            let n = needle.len();
            let starts = &hay[..=hay.len() - n];
            let mut from = 0;
            while let Some(j) = memchr::memchr(*first, &starts[from..]) {
                let i = from + j;
                if hay[i + n - 1] == *last && &hay[i + 1..i + n - 1] == middle {
                    return Some(i);
                }
                from = i + 1;
            }
            None
        }
        _ => memchr::memmem::find(hay, needle),
    }
}

/// Byte offset of the last occurrence of `needle` in `hay` (an empty needle is found at the
/// end); see [`find_bytes`].
fn rfind_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [] => Some(hay.len()),
        [b] => memchr::memrchr(*b, hay),
        _ if needle.len() > hay.len() => None,
        [first, middle @ .., last] if hay.len() < SHORT_HAYSTACK => {
            // The candidates are where the first byte occurs, last first (`memrchr`).
            let n = needle.len();
            let mut starts = &hay[..=hay.len() - n];
            while let Some(i) = memchr::memrchr(*first, starts) {
                if hay[i + n - 1] == *last && &hay[i + 1..i + n - 1] == middle {
                    return Some(i);
                }
                starts = &starts[..i];
            }
            None
        }
        _ => memchr::memmem::rfind(hay, needle),
    }
}

/// Calls `f` with the byte offset of each non-overlapping occurrence of the non-empty
/// `needle` in `hay`, left to right, until `f` returns false.
fn for_each_match(hay: &[u8], needle: &[u8], mut f: impl FnMut(usize) -> bool) {
    debug_assert!(!needle.is_empty());
    if let ([b], true) = (needle, hay.len() < SHORT_HAYSTACK) {
        for (i, c) in hay.iter().enumerate() {
            if c == b && !f(i) {
                return;
            }
        }
    } else if let [b] = needle {
        for i in memchr::memchr_iter(*b, hay) {
            if !f(i) {
                return;
            }
        }
    } else if hay.len() < SHORT_HAYSTACK {
        let mut pos = 0;
        while let Some(i) = find_bytes(&hay[pos..], needle) {
            if !f(pos + i) {
                return;
            }
            pos += i + needle.len();
        }
    } else {
        for i in memchr::memmem::find_iter(hay, needle) {
            if !f(i) {
                return;
            }
        }
    }
}

/// Calls `f` with the byte offset of each non-overlapping occurrence of the non-empty
/// `needle` in `hay`, right to left (as `str.rsplit` matches), until `f` returns false.
fn for_each_rmatch(hay: &[u8], needle: &[u8], mut f: impl FnMut(usize) -> bool) {
    debug_assert!(!needle.is_empty());
    if let [b] = needle {
        for i in memchr::memrchr_iter(*b, hay) {
            if !f(i) {
                return;
            }
        }
    } else if hay.len() < SHORT_HAYSTACK {
        let mut end = hay.len();
        while let Some(i) = rfind_bytes(&hay[..end], needle) {
            if !f(i) {
                return;
            }
            end = i;
        }
    } else {
        for i in memchr::memmem::rfind_iter(hay, needle) {
            if !f(i) {
                return;
            }
        }
    }
}

/// Resolves optional `start`/`end` (code point indices, None allowed) to a byte range.
fn sub_range(s: Value, start: Option<Value>, end: Option<Value>) -> R<Option<(usize, usize)>> {
    let d = str_data(s);
    if start.is_none_or(|v| v.is_none()) && end.is_none_or(|v| v.is_none()) {
        // The whole str (`s.find(x)`): no code point to convert.
        return Ok(Some((0, d.byte_len())));
    }
    let n = d.char_len as i64;
    let get = |v: Option<Value>, default: i64| -> R<i64> {
        match v {
            None => Ok(default),
            Some(x) if x.is_none() => Ok(default),
            Some(x) if crate::int::has_index(x) => crate::int::as_ssize(x, None),
            Some(_) => {
                type_error("slice indices must be integers or None or have an __index__ method")
            }
        }
    };
    let mut a = get(start, 0)?;
    let mut b = get(end, n)?;
    if a < 0 {
        a = a.saturating_add(n).max(0);
    }
    if b < 0 {
        b = b.saturating_add(n).max(0);
    }
    let b = b.min(n);
    if a > n || a > b {
        return Ok(None);
    }
    Ok(Some((
        byte_offset(d, a as usize),
        byte_offset(d, b as usize),
    )))
}

fn find_impl(recv: Value, args: Args<'_>, name: &str, rev: bool) -> R<Option<usize>> {
    let s = recv_str(recv)?;
    let [sub, start, end] = tuple_args::<3>(args, name, 1)?;
    // CPython converts the bounds before it checks `sub`.
    let range = sub_range(recv, start, end)?;
    let sub = plain_str(sub.unwrap_or(Value::NONE), false)?;
    let Some((b0, b1)) = range else {
        return Ok(None);
    };
    let hay = &s.as_bytes()[b0..b1];
    let found = if rev {
        rfind_bytes(hay, sub.as_bytes())
    } else {
        find_bytes(hay, sub.as_bytes())
    };
    Ok(found.map(|b| char_index(str_data(recv), b0 + b)))
}

fn m_find(recv: Value, args: Args<'_>) -> R<Ref> {
    int_ref(
        find_impl(recv, args, "find", false)?
            .map(|i| i as i64)
            .unwrap_or(-1),
    )
}

fn m_rfind(recv: Value, args: Args<'_>) -> R<Ref> {
    int_ref(
        find_impl(recv, args, "rfind", true)?
            .map(|i| i as i64)
            .unwrap_or(-1),
    )
}

fn m_index(recv: Value, args: Args<'_>) -> R<Ref> {
    match find_impl(recv, args, "index", false)? {
        Some(i) => int_ref(i as i64),
        None => value_error("substring not found"),
    }
}

fn m_rindex(recv: Value, args: Args<'_>) -> R<Ref> {
    match find_impl(recv, args, "rindex", true)? {
        Some(i) => int_ref(i as i64),
        None => value_error("substring not found"),
    }
}

fn m_count(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let [sub, start, end] = tuple_args::<3>(args, "count", 1)?;
    // CPython converts the bounds before it checks `sub`.
    let range = sub_range(recv, start, end)?;
    let sub = plain_str(sub.unwrap_or(Value::NONE), false)?;
    let Some((b0, b1)) = range else {
        return int_ref(0);
    };
    let hay = &s[b0..b1];
    if sub.is_empty() {
        let chars = if str_data(recv).is_ascii {
            hay.len()
        } else {
            hay.chars().count()
        };
        return int_ref(chars as i64 + 1);
    }
    let mut n = 0i64;
    for_each_match(hay.as_bytes(), sub.as_bytes(), |_| {
        n += 1;
        true
    });
    int_ref(n)
}

fn affix_impl(recv: Value, args: Args<'_>, name: &str, suffix: bool) -> R<Ref> {
    let s = recv_str(recv)?;
    let [pat, start, end] = tuple_args::<3>(args, name, 1)?;
    let pat = pat.unwrap_or(Value::NONE);
    // An empty range matches nothing, but the pattern's type is still checked (CPython's
    // `tailmatch` sees the range after the type test).
    let hay = sub_range(recv, start, end)?.map(|(b0, b1)| &s[b0..b1]);
    let check = |p: &str| {
        hay.is_some_and(|hay| {
            if suffix {
                hay.ends_with(p)
            } else {
                hay.starts_with(p)
            }
        })
    };
    if let Some(p) = str_opt(pat) {
        return bool_ref(check(p));
    }
    if is_kind(pat, Kind::Tuple) {
        for item in crate::tuple::tuple_items(pat) {
            match str_opt(*item) {
                Some(p) => {
                    if check(p) {
                        return bool_ref(true);
                    }
                }
                None => {
                    return type_error(format!(
                        "tuple for {name} must only contain str, not {}",
                        crate::class::type_name(*item)
                    ));
                }
            }
        }
        return bool_ref(false);
    }
    type_error(format!(
        "{name} first arg must be str or a tuple of str, not {}",
        crate::class::type_name(pat)
    ))
}

fn m_startswith(recv: Value, args: Args<'_>) -> R<Ref> {
    affix_impl(recv, args, "startswith", false)
}

fn m_endswith(recv: Value, args: Args<'_>) -> R<Ref> {
    affix_impl(recv, args, "endswith", true)
}

/// Splits on runs of whitespace (`str.split()` with no separator).
pub fn split_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(py_isspace);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 >= maxsplit {
            out.push(rest);
            break;
        }
        match rest.find(py_isspace) {
            Some(i) => {
                out.push(&rest[..i]);
                rest = rest[i..].trim_start_matches(py_isspace);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(py_isspace);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 >= maxsplit {
            out.push(rest);
            break;
        }
        match rest.rfind(py_isspace) {
            Some(i) => {
                let c = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                out.push(&rest[i + c..]);
                rest = rest[..i].trim_end_matches(py_isspace);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out.reverse();
    out
}

fn split_args(args: Args<'_>, name: &str) -> R<(Option<&'static str>, i64)> {
    let [sep, maxsplit] = match args.pos {
        // The common call, `s.split(sep)`, skips keyword binding.
        [sep] if args.kwnames.is_empty() => [Some(*sep), None],
        _ => {
            known_keywords(args, name, &["sep", "maxsplit"])?;
            args.bind(name, &["sep", "maxsplit"], 0)?
        }
    };
    // Argument Clinic converts `maxsplit` first; the method checks `sep` after.
    let maxsplit = match maxsplit {
        None => -1,
        Some(v) => crate::int::index_i64(v)?,
    };
    let sep = match sep {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => Some(plain_str(v, true)?),
    };
    if sep == Some("") {
        return value_error("empty separator");
    }
    Ok((sep, maxsplit))
}

/// How many parts a split makes room for before it finds any (CPython's `MAX_PREALLOC`).
const SPLIT_PREALLOC: usize = 12;

/// `s.split(sep, maxsplit)` for a non-empty `sep` (`maxsplit < 0`: no limit), as owned values
/// for a list. A str that is not split is returned itself as the only item, as in CPython.
fn split_sep(recv: Value, sep: &str, maxsplit: i64) -> Vec<Value> {
    let d = str_data(recv);
    let text: &str = d.as_str();
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let mut out = Vec::with_capacity(limit.saturating_add(1).min(SPLIT_PREALLOC));
    if let ([b], true) = (sep.as_bytes(), text.len() >= SHORT_HAYSTACK && maxsplit < 0) {
        // Counting a byte (SIMD) is cheaper than growing the list's vector repeatedly.
        out.reserve_exact(memchr::memchr_iter(*b, text.as_bytes()).count() + 1);
    }
    let mut start = 0;
    if limit > 0 {
        for_each_match(text.as_bytes(), sep.as_bytes(), |i| {
            out.push(substr(d, &text[start..i]).into_raw());
            start = i + sep.len();
            out.len() < limit
        });
    }
    if out.is_empty() {
        out.push(Ref::dup(recv).into_raw());
    } else {
        out.push(substr(d, &text[start..]).into_raw());
    }
    out
}

/// `s.rsplit(sep, maxsplit)` for a non-empty `sep`; see [`split_sep`].
fn rsplit_sep(recv: Value, sep: &str, maxsplit: i64) -> Vec<Value> {
    let d = str_data(recv);
    let text: &str = d.as_str();
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let mut out = Vec::with_capacity(limit.saturating_add(1).min(SPLIT_PREALLOC));
    let mut end = text.len();
    if limit > 0 {
        for_each_rmatch(text.as_bytes(), sep.as_bytes(), |i| {
            out.push(substr(d, &text[i + sep.len()..end]).into_raw());
            end = i;
            out.len() < limit
        });
    }
    if out.is_empty() {
        out.push(Ref::dup(recv).into_raw());
    } else {
        out.push(substr(d, &text[..end]).into_raw());
        out.reverse();
    }
    out
}

/// A list of the parts of a whitespace split of `recv`; a str that is not split is returned
/// itself as the only item, as in CPython (except with `maxsplit=0`, where CPython copies).
fn whitespace_parts_to_list(recv: Value, parts: Vec<&str>, maxsplit: i64) -> R<Ref> {
    let d = str_data(recv);
    if let [only] = parts.as_slice()
        && only.len() == d.byte_len()
        && maxsplit != 0
    {
        return Ok(list_from_raw(vec![Ref::dup(recv).into_raw()]));
    }
    substrs_to_list(d, parts)
}

fn m_split(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let (sep, maxsplit) = split_args(args, "split")?;
    match sep {
        None => whitespace_parts_to_list(recv, split_whitespace(s, maxsplit), maxsplit),
        Some(sep) => Ok(list_from_raw(split_sep(recv, sep, maxsplit))),
    }
}

fn m_rsplit(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let (sep, maxsplit) = split_args(args, "rsplit")?;
    match sep {
        None => whitespace_parts_to_list(recv, rsplit_whitespace(s, maxsplit), maxsplit),
        Some(sep) => Ok(list_from_raw(rsplit_sep(recv, sep, maxsplit))),
    }
}

/// Line boundaries of `str.splitlines`.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn m_splitlines(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    known_keywords(args, "splitlines", &["keepends"])?;
    let [keepends] = args.bind("splitlines", &["keepends"], 0)?;
    let keep = match keepends {
        Some(v) => crate::int::index_i64(v)? != 0,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_line_break(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some((_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            out.push(if keep { &s[start..end] } else { &s[start..i] });
            start = end;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    if let [only] = out[..]
        && only.len() == s.len()
    {
        // One line that is all of the str: the str itself, as in CPython.
        return Ok(list_from_raw(vec![Ref::dup(recv).into_raw()]));
    }
    substrs_to_list(str_data(recv), out)
}

fn m_join(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_str(recv)?;
    let [it] = args.exact("str.join")?;
    if crate::list::is_list(it) || is_kind(it, Kind::Tuple) {
        // Joining runs no Python code, so the borrowed items cannot change under us.
        return join_values(recv, crate::iter::seq_items(it));
    }
    let items = crate::iter::collect_for_join(it)?;
    let values: Vec<Value> = items.iter().map(Ref::v).collect();
    join_values(recv, &values)
}

/// `sep.join(items)`. A first pass checks the items and adds up their lengths in bytes and
/// code points, so the text is built in a buffer of the exact size and not scanned again.
/// One item is returned itself, as in CPython.
fn join_values(sep: Value, items: &[Value]) -> R<Ref> {
    // Instances of str subclasses join as the text they carry (one alone gives a new exact
    // str, as in CPython).
    let unwrapped: Vec<Value>;
    let items = if items.iter().any(|v| is_kind(*v, Kind::Instance)) {
        unwrapped = items
            .iter()
            .map(|v| crate::class::unwrap_value(*v))
            .collect();
        if let [only] = unwrapped[..]
            && is_str(only)
        {
            return Ok(str_copy(only));
        }
        &unwrapped[..]
    } else {
        items
    };
    join_strs(str_data(sep), items)
}

/// The concatenation of `items`, all exact strs (f-strings: `molt_build_string`), written
/// straight into the new object; one item is returned itself.
pub fn str_concat_all(items: &[Value]) -> R<Ref> {
    debug_assert!(items.iter().all(|v| is_str(*v)));
    join_strs(str_data(rt().empty_str), items)
}

/// [`join_values`] once str subclass instances are unwrapped.
fn join_strs(sep: &StrData, items: &[Value]) -> R<Ref> {
    let mut bytes = 0usize;
    let mut chars = 0usize;
    let mut is_ascii = sep.is_ascii;
    for (i, item) in items.iter().enumerate() {
        if !is_str(*item) {
            return type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                crate::class::type_name(*item)
            ));
        }
        let d = str_data(*item);
        bytes += d.byte_len();
        chars += d.char_len;
        is_ascii &= d.is_ascii;
    }
    let gaps = match items {
        [] => return Ok(Ref::dup(rt().empty_str)),
        [only] => return Ok(Ref::dup(*only)),
        _ => items.len() - 1,
    };
    let total = sep
        .byte_len()
        .checked_mul(gaps)
        .and_then(|n| n.checked_add(bytes))
        .filter(|n| *n <= isize::MAX as usize);
    let Some(bytes) = total else {
        return raise(ExcKind::MemoryError, "");
    };
    chars += sep.char_len * gaps;
    if bytes <= 1 {
        // Empty, or one ASCII character (the separator's or an item's): from the caches.
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(sep.as_str());
            }
            out.push_str(as_str(*item));
        }
        return Ok(str_from(&out));
    }
    let mut out = StrBuilder::try_new(bytes)?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        out.push_str(as_str(*item));
    }
    Ok(out.finish(chars, is_ascii))
}

fn strip_impl(recv: Value, args: Args<'_>, name: &str, left: bool, right: bool) -> R<Ref> {
    let s = recv_str(recv)?;
    if !args.kwnames.is_empty() {
        args.no_kw(&format!("str.{name}"))?;
    }
    let [chars] = args.range::<1>(name, 0)?;
    let out = match chars {
        Some(c) if !c.is_none() => {
            let set: Vec<char> = arg_str(c, name)?.chars().collect();
            let f = |ch: char| set.contains(&ch);
            match (left, right) {
                (true, true) => s.trim_matches(f),
                (true, false) => s.trim_start_matches(f),
                _ => s.trim_end_matches(f),
            }
        }
        _ => match (left, right) {
            (true, true) => s.trim_matches(py_isspace),
            (true, false) => s.trim_start_matches(py_isspace),
            _ => s.trim_end_matches(py_isspace),
        },
    };
    if out.len() == s.len() {
        Ok(Ref::dup(recv))
    } else {
        Ok(str_from(out))
    }
}

fn m_strip(recv: Value, args: Args<'_>) -> R<Ref> {
    strip_impl(recv, args, "strip", true, true)
}

fn m_lstrip(recv: Value, args: Args<'_>) -> R<Ref> {
    strip_impl(recv, args, "lstrip", true, false)
}

fn m_rstrip(recv: Value, args: Args<'_>) -> R<Ref> {
    strip_impl(recv, args, "rstrip", false, true)
}

fn m_replace(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.no_kw("str.replace")?;
    let [old, new, count] = args.range::<3>("replace", 2)?;
    let (old_v, new_v) = (old.unwrap_or(Value::NONE), new.unwrap_or(Value::NONE));
    let old = must_str_n(old_v, "replace", 1)?;
    let new = must_str_n(new_v, "replace", 2)?;
    let count = match count {
        Some(c) => crate::int::index_i64(c)?,
        None => -1,
    };
    // Nothing replaced (no count, the same object for both, no occurrence): the str
    // itself, as in CPython.
    if count == 0 || old_v == new_v || !old.is_empty() && !s.contains(old) {
        return Ok(Ref::dup(recv));
    }
    if count < 0 {
        Ok(str_from_owned(s.replace(old, new)))
    } else {
        // A count above `usize::MAX` (wasm32) is as good as no limit.
        let count = usize::try_from(count).unwrap_or(usize::MAX);
        Ok(str_from_owned(s.replacen(old, new, count)))
    }
}

fn m_upper(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("str.upper")?;
    Ok(str_from_owned(unicode::upper(s)))
}

fn m_lower(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("str.lower")?;
    Ok(str_from_owned(unicode::lower(s)))
}

fn m_casefold(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("str.casefold")?;
    Ok(str_from_owned(unicode::casefold(s)))
}

fn m_swapcase(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("str.swapcase")?;
    Ok(str_from_owned(unicode::swapcase(s)))
}

fn m_capitalize(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("str.capitalize")?;
    Ok(str_from_owned(unicode::capitalize(s)))
}

fn m_title(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("str.title")?;
    Ok(str_from_owned(unicode::title(s)))
}

/// `s.isX()` for a per-character property: true when `s` is not empty and every character
/// has one of the `flag` bits.
fn pred_all(recv: Value, args: Args<'_>, name: &str, flag: u16) -> R<Ref> {
    let s = recv_str(recv)?;
    if !args.is_empty() {
        args.none(&format!("str.{name}"))?;
    }
    bool_ref(!s.is_empty() && s.chars().all(|c| unicode::has_any(c, flag)))
}

/// `str.isdigit()` and the other all-characters tests of `molt_abi::str_pred` (`which`) on
/// the exact str `recv` (an ASCII str is tested byte by byte); `None` for another code.
///
/// # Safety
/// `recv` must be a live str object.
pub unsafe fn pred_code(recv: Value, which: u32) -> Option<bool> {
    use molt_abi::str_pred::*;
    use unicode::{ALPHA, DECIMAL, DIGIT, NUMERIC, SPACE};
    let flag = match which {
        ISDIGIT => DIGIT,
        ISDECIMAL => DECIMAL,
        ISNUMERIC => NUMERIC,
        ISALPHA => ALPHA,
        ISALNUM => ALPHA | DECIMAL | DIGIT | NUMERIC,
        ISSPACE => SPACE,
        _ => return None,
    };
    // SAFETY: per the contract.
    let data = unsafe { crate::object::str_payload(recv) };
    let s = data.as_str();
    Some(if data.is_ascii {
        !s.is_empty() && s.bytes().all(|b| unicode::ascii_has_any(b, flag))
    } else {
        s.chars().all(|c| unicode::has_any(c, flag))
    })
}

fn m_isdigit(recv: Value, args: Args<'_>) -> R<Ref> {
    pred_all(recv, args, "isdigit", unicode::DIGIT)
}

fn m_isdecimal(recv: Value, args: Args<'_>) -> R<Ref> {
    pred_all(recv, args, "isdecimal", unicode::DECIMAL)
}

fn m_isnumeric(recv: Value, args: Args<'_>) -> R<Ref> {
    pred_all(recv, args, "isnumeric", unicode::NUMERIC)
}

fn m_isalpha(recv: Value, args: Args<'_>) -> R<Ref> {
    pred_all(recv, args, "isalpha", unicode::ALPHA)
}

fn m_isalnum(recv: Value, args: Args<'_>) -> R<Ref> {
    use unicode::{ALPHA, DECIMAL, DIGIT, NUMERIC};
    pred_all(recv, args, "isalnum", ALPHA | DECIMAL | DIGIT | NUMERIC)
}

fn m_isspace(recv: Value, args: Args<'_>) -> R<Ref> {
    pred_all(recv, args, "isspace", unicode::SPACE)
}

fn m_isascii(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("str.isascii")?;
    bool_ref(s.is_ascii())
}

fn m_isupper(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("str.isupper")?;
    bool_ref(unicode::is_upper(s))
}

fn m_islower(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("str.islower")?;
    bool_ref(unicode::is_lower(s))
}

fn m_istitle(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("str.istitle")?;
    bool_ref(unicode::is_title(s))
}

fn m_isidentifier(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("str.isidentifier")?;
    bool_ref(unicode::is_identifier(s))
}

fn m_isprintable(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("str.isprintable")?;
    bool_ref(s.chars().all(is_printable))
}

fn partition_impl(recv: Value, args: Args<'_>, name: &str, rev: bool) -> R<Ref> {
    let s = recv_str(recv)?;
    let sep = match (args.pos, args.kwnames.is_empty()) {
        ([sep], true) => *sep,
        // The qualified name is formatted only for the error.
        _ => args.exact::<1>(&format!("str.{name}"))?[0],
    };
    let sep = plain_str(sep, false)?;
    if sep.is_empty() {
        return value_error("empty separator");
    }
    let found = if rev {
        rfind_bytes(s.as_bytes(), sep.as_bytes())
    } else {
        find_bytes(s.as_bytes(), sep.as_bytes())
    };
    let d = str_data(recv);
    let parts = match found {
        Some(i) => vec![
            substr(d, &s[..i]),
            str_from(sep),
            substr(d, &s[i + sep.len()..]),
        ],
        None if rev => vec![str_from(""), str_from(""), Ref::dup(recv)],
        None => vec![Ref::dup(recv), str_from(""), str_from("")],
    };
    Ok(tuple_from_vec(parts))
}

fn m_partition(recv: Value, args: Args<'_>) -> R<Ref> {
    partition_impl(recv, args, "partition", false)
}

fn m_rpartition(recv: Value, args: Args<'_>) -> R<Ref> {
    partition_impl(recv, args, "rpartition", true)
}

fn m_zfill(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let [w] = args.exact("str.zfill")?;
    let width = crate::int::index_i64(w)?;
    let n = str_len(recv) as i64;
    if width <= n {
        return Ok(Ref::dup(recv));
    }
    let fill = crate::int::size_of_count(width - n)?;
    let out = match s.chars().next() {
        Some(c @ ('+' | '-')) => {
            let mut out = crate::int::try_string(fill.saturating_add(s.len()))?;
            out.push(c);
            out.extend(std::iter::repeat_n('0', fill));
            out.push_str(&s[1..]);
            out
        }
        _ => crate::int::try_pad(fill, '0', s, 0)?,
    };
    Ok(str_from_owned(out))
}

fn pad_args(recv: Value, args: Args<'_>, name: &str) -> R<(i64, char)> {
    if !args.kwnames.is_empty() {
        args.no_kw(&format!("str.{name}"))?;
    }
    let [w, fill] = args.range::<2>(name, 1)?;
    let width = crate::int::index_i64(w.unwrap_or(Value::NONE))?;
    let fill = match fill {
        None => ' ',
        Some(f) => {
            let t = match str_opt(f) {
                Some(t) => t,
                None => {
                    return type_error(format!(
                        "The fill character must be a unicode character, not {}",
                        crate::class::type_name(f)
                    ));
                }
            };
            let mut cs = t.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => return type_error("The fill character must be exactly one character long"),
            }
        }
    };
    let _ = recv;
    Ok((width, fill))
}

fn m_center(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let (width, fill) = pad_args(recv, args, "center")?;
    let n = str_len(recv) as i64;
    if width <= n {
        return Ok(Ref::dup(recv));
    }
    let marg = width - n;
    let left = marg / 2 + (marg & width & 1);
    let (left, right) = (
        crate::int::size_of_count(left)?,
        crate::int::size_of_count(marg - left)?,
    );
    Ok(str_from_owned(crate::int::try_pad(left, fill, s, right)?))
}

fn m_ljust(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let (width, fill) = pad_args(recv, args, "ljust")?;
    let n = str_len(recv) as i64;
    if width <= n {
        return Ok(Ref::dup(recv));
    }
    let right = crate::int::size_of_count(width - n)?;
    Ok(str_from_owned(crate::int::try_pad(0, fill, s, right)?))
}

fn m_rjust(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let (width, fill) = pad_args(recv, args, "rjust")?;
    let n = str_len(recv) as i64;
    if width <= n {
        return Ok(Ref::dup(recv));
    }
    let left = crate::int::size_of_count(width - n)?;
    Ok(str_from_owned(crate::int::try_pad(left, fill, s, 0)?))
}

fn m_expandtabs(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    known_keywords(args, "expandtabs", &["tabsize"])?;
    let [ts] = args.bind("expandtabs", &["tabsize"], 0)?;
    let ts = match ts {
        Some(v) => crate::int::index_i64(v)?,
        None => 8,
    };
    // CPython takes the tab size as a C `int`.
    if i32::try_from(ts).is_err() {
        return crate::exceptions::overflow_error("Python int too large to convert to C int");
    }
    if !s.contains('\t') {
        // Nothing to expand: the str itself, as in CPython.
        return Ok(Ref::dup(recv));
    }
    let mut out = String::new();
    let mut col = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    let spaces = crate::int::size_of_count(n)?;
                    if out.try_reserve(spaces).is_err() {
                        return crate::int::memory_error();
                    }
                    out.extend(std::iter::repeat_n(' ', spaces));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(str_from_owned(out))
}

fn m_removeprefix(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let [p] = args.exact("str.removeprefix")?;
    let p = must_str(p, "removeprefix")?;
    match s.strip_prefix(p) {
        Some(rest) if !p.is_empty() => Ok(str_from(rest)),
        _ => Ok(Ref::dup(recv)),
    }
}

fn m_removesuffix(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let [p] = args.exact("str.removesuffix")?;
    let p = must_str(p, "removesuffix")?;
    match s.strip_suffix(p) {
        Some(rest) if !p.is_empty() => Ok(str_from(rest)),
        _ => Ok(Ref::dup(recv)),
    }
}

fn m_format(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    if !s.contains(['{', '}']) {
        // No field: the template itself, whatever the arguments (as CPython).
        return Ok(Ref::dup(recv));
    }
    crate::format::str_format(s, args)
}

fn m_format_map(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let [mapping] = args.exact("str.format_map")?;
    if !s.contains(['{', '}']) {
        return Ok(Ref::dup(recv));
    }
    crate::format::str_format_map(s, mapping)
}

/// `str.maketrans(x[, y[, z]])` (a static method): a dict from code points to code points,
/// strs or `None`.
fn s_maketrans(_recv: Value, args: Args<'_>) -> R<Ref> {
    args.no_kw("str.maketrans")?;
    let [x, y, z] = args.range::<3>("maketrans", 1)?;
    let table = crate::dict::dict_new();
    let d = crate::dict::dict_data(table.v());
    let x = x.unwrap_or(Value::NONE);
    let Some(y) = y else {
        if !crate::dict::is_dict(x) {
            return type_error("if you give only one argument to maketrans it must be a dict");
        }
        for (k, v) in crate::dict::dict_data(x).items() {
            if let Some(ks) = str_opt(k) {
                let mut chars = ks.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => {
                        let key = crate::int::int_from_i64(c as i64);
                        d.set(key.v(), v)?;
                    }
                    _ => {
                        return value_error("string keys in translate table must be of length 1");
                    }
                }
            } else if crate::int::int_view(k).is_some() {
                d.set(k, v)?;
            } else {
                return type_error("keys in translate table must be strings or integers");
            }
        }
        return Ok(table);
    };
    let Some(from) = str_opt(x) else {
        return type_error(
            "first maketrans argument must be a string if there is a second argument",
        );
    };
    let arg_str = |v: Value, n: u32| match str_opt(v) {
        Some(s) => Ok(s),
        None => type_error(format!(
            "maketrans() argument {n} must be str, not {}",
            crate::class::arg_type_name(v)
        )),
    };
    let to = arg_str(y, 2)?;
    if from.chars().count() != to.chars().count() {
        return value_error("the first two maketrans arguments must have equal length");
    }
    for (a, b) in from.chars().zip(to.chars()) {
        let (ka, vb) = (
            crate::int::int_from_i64(a as i64),
            crate::int::int_from_i64(b as i64),
        );
        d.set(ka.v(), vb.v())?;
    }
    if let Some(z) = z {
        for c in arg_str(z, 3)?.chars() {
            let k = crate::int::int_from_i64(c as i64);
            d.set(k.v(), Value::NONE)?;
        }
    }
    Ok(table)
}

/// `s.translate(table)`: each character is looked up as `table[ord(c)]`; a `LookupError`
/// keeps it, `None` deletes it, an int or a str replaces it.
fn m_translate(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let [table] = args.exact("str.translate")?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = crate::int::int_from_i64(c as i64);
        let m = match crate::ops::getitem(table, key.v()) {
            Ok(m) => m,
            Err(e) => {
                if crate::exceptions::pending_is(ExcKind::LookupError) {
                    drop(crate::exceptions::take_pending());
                    out.push(c);
                    continue;
                }
                return Err(e);
            }
        };
        let m = m.v();
        if m.is_none() {
            continue;
        }
        if let Some(t) = str_opt(m) {
            out.push_str(t);
        } else if let Some(i) = crate::int::int_view(m) {
            match i.to_i64().and_then(|i| u32::try_from(i).ok()) {
                Some(cp @ 0xD800..=0xDFFF) => {
                    return lone_surrogate_error("str.translate()", cp);
                }
                Some(cp) => match char::from_u32(cp) {
                    Some(t) => out.push(t),
                    None => {
                        return value_error("character mapping must be in range(0x110000)");
                    }
                },
                None => return value_error("character mapping must be in range(0x110000)"),
            }
        } else {
            return type_error("character mapping must return integer, None or str");
        }
    }
    Ok(str_from_owned(out))
}

fn m_encode(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let [encoding, errors] = args.bind("encode", &["encoding", "errors"], 0)?;
    let arg = |v: Option<Value>, what: &str, default: &'static str| -> R<&'static str> {
        match v {
            None => Ok(default),
            Some(v) => match str_opt(v) {
                Some(t) => Ok(t),
                None => type_error(format!(
                    "encode() argument '{what}' must be str, not {}",
                    crate::class::arg_type_name(v)
                )),
            },
        }
    };
    let enc = arg(encoding, "encoding", "utf-8")?;
    let err = arg(errors, "errors", "strict")?;
    let data = crate::codecs::encode(s, enc, err)?;
    Ok(crate::bytes::bytes_from_vec(data))
}

/// The methods of `str`.
pub const METHODS: &[(&str, crate::object::BuiltinFn)] = &[
    ("find", m_find),
    ("rfind", m_rfind),
    ("index", m_index),
    ("rindex", m_rindex),
    ("count", m_count),
    ("startswith", m_startswith),
    ("endswith", m_endswith),
    ("split", m_split),
    ("rsplit", m_rsplit),
    ("splitlines", m_splitlines),
    ("join", m_join),
    ("strip", m_strip),
    ("lstrip", m_lstrip),
    ("rstrip", m_rstrip),
    ("replace", m_replace),
    ("upper", m_upper),
    ("lower", m_lower),
    ("casefold", m_casefold),
    ("swapcase", m_swapcase),
    ("capitalize", m_capitalize),
    ("title", m_title),
    ("isdigit", m_isdigit),
    ("isdecimal", m_isdecimal),
    ("isnumeric", m_isnumeric),
    ("isalpha", m_isalpha),
    ("isalnum", m_isalnum),
    ("isspace", m_isspace),
    ("isascii", m_isascii),
    ("isupper", m_isupper),
    ("islower", m_islower),
    ("istitle", m_istitle),
    ("isidentifier", m_isidentifier),
    ("isprintable", m_isprintable),
    ("partition", m_partition),
    ("rpartition", m_rpartition),
    ("zfill", m_zfill),
    ("center", m_center),
    ("ljust", m_ljust),
    ("rjust", m_rjust),
    ("expandtabs", m_expandtabs),
    ("removeprefix", m_removeprefix),
    ("removesuffix", m_removesuffix),
    ("format", m_format),
    ("format_map", m_format_map),
    ("translate", m_translate),
    ("encode", m_encode),
];

/// The static methods of `str`.
pub const STATIC_METHODS: &[(&str, crate::object::BuiltinFn)] = &[("maketrans", s_maketrans)];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_are_numbered_as_the_abi_says() {
        // `molt_method_str` indexes `METHODS` with the codes of `molt_abi::str_method`.
        let names: Vec<&str> = METHODS.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, molt_abi::str_method::NAMES);
    }

    #[test]
    fn repr_quotes_and_escapes_like_cpython() {
        assert_eq!(repr_text("a'b", false), "\"a'b\"");
        assert_eq!(repr_text("a\"b'", false), "'a\"b\\''");
        assert_eq!(
            repr_text("\x00\t\n\u{e9}\u{200b}\u{1f600}", false),
            "'\\x00\\t\\n\u{e9}\\u200b\u{1f600}'"
        );
        assert_eq!(repr_text("\u{e9}", true), "'\\xe9'");
    }

    #[test]
    fn breadcrumbs_convert_every_index_both_ways() {
        // Mixed 1- to 4-byte code points, with lengths around the breadcrumb spacing and the
        // eight-byte steps of `advance`.
        let pieces = [
            "a",
            "\u{e9}",
            "\u{20ac}",
            "\u{1d11e}",
            "bc",
            "\u{10ffff}",
            "\u{7ff}",
        ];
        for len in [0, 1, 7, 8, 9, 31, 32, 33, 63, 64, 65, 200, 1000] {
            let text: String = (0..len)
                .map(|i| pieces[(i * i + 3 * i) % pieces.len()])
                .collect();
            let text: String = text.chars().take(len).collect();
            let s = str_from_string(text.clone());
            let d = str_data(s.v());
            let starts: Vec<usize> = text
                .char_indices()
                .map(|(b, _)| b)
                .chain([text.len()])
                .collect();
            for (i, &b) in starts.iter().enumerate() {
                assert_eq!(byte_offset(d, i), b, "{text:?} index {i}");
                assert_eq!(char_index(d, b), i, "{text:?} byte {b}");
            }
            for (i, c) in text.chars().enumerate() {
                let got = str_getindex(s.v(), i as i64).unwrap();
                assert_eq!(as_str(got.v()).chars().collect::<Vec<_>>(), [c]);
                let neg = str_getindex(s.v(), i as i64 - len as i64).unwrap();
                assert_eq!(as_str(neg.v()).chars().collect::<Vec<_>>(), [c]);
            }
            // Only a non-ASCII str long enough builds a table.
            assert_eq!(
                d.index.get().is_some(),
                !d.is_ascii && len > CRUMB,
                "{text:?}"
            );
        }
    }

    /// Short, size-class-boundary and long texts, ASCII and not.
    fn sample_texts() -> Vec<String> {
        let mut out = Vec::new();
        for len in [
            0, 1, 2, 7, 8, 14, 15, 16, 17, 31, 32, 33, 200, 207, 208, 300, 5000, 70_000,
        ] {
            out.push("abcdefghij".chars().cycle().take(len).collect());
            out.push(
                "a\u{e9}\u{20ac}\u{1d11e}"
                    .chars()
                    .cycle()
                    .take(len)
                    .collect(),
            );
        }
        out
    }

    #[test]
    fn a_str_is_one_block_with_its_text_inline() {
        let _ = rt();
        let before = crate::object::live::count();
        for text in sample_texts() {
            let s = str_from_string(text.clone());
            let d = str_data(s.v());
            assert_eq!(d.as_str(), text);
            assert_eq!(d.byte_len(), text.len());
            assert_eq!(d.char_len, text.chars().count(), "{text:?}");
            assert_eq!(d.is_ascii, text.is_ascii(), "{text:?}");
            assert_eq!(d.hash.get(), 0);
            if text.len() >= 2 {
                // The text follows the fixed fields in the object's own block.
                assert_eq!(
                    d.as_str().as_ptr() as usize,
                    s.v().as_ptr() as usize + crate::object::STR_TEXT_OFFSET,
                );
            }
            // Build the index of a non-ASCII str, and hash it: both go away with the str.
            if !d.is_ascii {
                assert_eq!(
                    char_index(d, byte_offset(d, d.char_len / 2)),
                    d.char_len / 2
                );
            }
            assert_eq!(crate::hash::hash_str(s.v()), crate::hash::hash_text(&text));
            // Every constructor agrees on the facts.
            for other in [str_from(&text), str_from_owned(text.clone())] {
                let o = str_data(other.v());
                assert_eq!(
                    (o.as_str(), o.char_len, o.is_ascii),
                    (d.as_str(), d.char_len, d.is_ascii)
                );
            }
        }
        assert_eq!(crate::object::live::count(), before, "every str was freed");
    }

    #[test]
    fn in_place_concatenation_grows_the_block_and_resets_the_caches() {
        let _ = rt();
        let before = crate::object::live::count();
        let mut s = str_from(&"\u{e9}".repeat(100)).into_raw();
        let d = str_data(s);
        assert_eq!(byte_offset(d, 50), 100);
        assert!(d.index.get().is_some());
        crate::hash::hash_str(s);
        let mut want = "\u{e9}".repeat(100);
        let pieces = ["x".repeat(100), "\u{20ac}y".to_string(), "z".repeat(3000)];
        for piece in &pieces {
            let b = str_from(piece);
            s = concat_in_place(s, b.v()).expect("the only reference grows in place");
            want.push_str(piece);
            let d = str_data(s);
            assert_eq!(d.as_str(), want);
            assert_eq!(d.char_len, want.chars().count());
            assert!(!d.is_ascii);
            // The hash and the index of the old text were dropped.
            assert_eq!(d.hash.get(), 0);
            assert!(d.index.get().is_none());
            assert_eq!(crate::hash::hash_str(s), crate::hash::hash_text(&want));
            let i = d.char_len - 2;
            assert_eq!(byte_offset(d, i), want.char_indices().nth(i).unwrap().0);
        }
        // Not in place: a shared str, or the str added to itself.
        let other = str_from("ab");
        let shared = Ref::dup(s);
        assert!(concat_in_place(s, other.v()).is_none());
        drop(shared);
        assert!(concat_in_place(s, s).is_none());
        assert!(concat_in_place(s, Value::NONE).is_none());
        crate::object::decref(s);
        drop(other);
        assert_eq!(crate::object::live::count(), before, "every str was freed");
    }

    #[test]
    fn built_strs_take_exactly_their_length() {
        let _ = rt();
        let mut b = StrBuilder::new(5);
        b.push_str("ab");
        b.push_str("\u{e9}c");
        let s = b.finish(4, false);
        assert_eq!((as_str(s.v()), str_len(s.v())), ("ab\u{e9}c", 4));
        // A builder dropped before it finished frees its block.
        let mut unfinished = StrBuilder::new(100);
        unfinished.push_str("abc");
        drop(unfinished);
        let more = std::panic::catch_unwind(|| {
            let mut b = StrBuilder::new(2);
            b.push_str("abc");
        });
        assert!(more.is_err(), "writing past the length panics");
        let fewer = std::panic::catch_unwind(|| StrBuilder::new(2).finish(0, true).into_raw());
        assert!(fewer.is_err(), "finishing short of the length panics");
        // A size beyond memory is a `MemoryError`, not an abort.
        assert!(StrBuilder::try_new(usize::MAX - 8).is_err());
        drop(crate::exceptions::take_pending());
    }

    #[test]
    fn repeat_join_concat_and_stepped_slices_build_the_exact_text() {
        let _ = rt();
        let before = crate::object::live::count();
        for (text, n) in [("ab", 3), ("\u{e9}", 2), ("x", 300), ("", 5)] {
            let s = str_from(text);
            let r = str_repeat(s.v(), n).unwrap();
            assert_eq!(as_str(r.v()), text.repeat(n as usize));
            assert_eq!(str_len(r.v()), text.chars().count() * n as usize);
        }
        let a = str_from("h\u{e9}");
        let b = str_from("llo");
        let c = str_concat(a.v(), b.v());
        assert_eq!(
            (as_str(c.v()), str_len(c.v()), str_data(c.v()).is_ascii),
            ("h\u{e9}llo", 5, false)
        );
        // A one-byte join result is the cached character.
        let sep = str_from(",");
        let empties = list_from_raw(vec![str_from("").into_raw(), str_from("").into_raw()]);
        let j = join_values(sep.v(), crate::iter::seq_items(empties.v())).unwrap();
        assert_eq!(j.v(), rt().chars[b',' as usize]);
        let ascii = str_from("abcdefghij");
        assert_eq!(as_str(str_getslice(ascii.v(), 9, -1, -3).v()), "jgda");
        assert_eq!(
            str_getslice(ascii.v(), 2, 3, 5).v(),
            rt().chars[b'c' as usize]
        );
        drop((a, b, c, sep, empties, j, ascii));
        assert_eq!(crate::object::live::count(), before, "every str was freed");
    }

    #[test]
    fn stepped_slices_of_non_ascii_text() {
        let text = "a\u{e9}\u{20ac}\u{1d11e}b".repeat(30);
        let chars: Vec<char> = text.chars().collect();
        let s = str_from(&text);
        let n = chars.len() as i64;
        for (start, stop, step) in [
            (0, n, 2),
            (3, 100, 7),
            (n - 1, -1, -1),
            (n - 2, 5, -3),
            (70, 0, -33),
        ] {
            let want: String = crate::ops::slice_positions(start, stop, step)
                .map(|i| chars[i])
                .collect();
            let got = str_getslice(s.v(), start, stop, step);
            assert_eq!(as_str(got.v()), want, "{start}:{stop}:{step}");
        }
    }

    #[test]
    fn slicing_counts_code_points() {
        let s = str_from("h\u{e9}llo w\u{f6}rld");
        let sl = str_getslice(s.v(), 1, 5, 1);
        assert_eq!(as_str(sl.v()), "\u{e9}llo");
        let rev = str_getslice(s.v(), 10, -1, -1);
        assert_eq!(as_str(rev.v()), "dlr\u{f6}w oll\u{e9}h");
        let c = str_getindex(s.v(), -4).unwrap();
        assert_eq!(as_str(c.v()), "\u{f6}");
        assert!(str_getindex(s.v(), 11).is_err());
        drop(crate::exceptions::take_pending());
        let ascii = str_from("abcdef");
        assert_eq!(as_str(str_getslice(ascii.v(), 0, 6, 2).v()), "ace");
    }

    /// Calls the str method `f` on `recv` with positional `args`, panicking on an exception.
    fn call(f: crate::object::BuiltinFn, recv: &str, args: &[Value]) -> Ref {
        let recv = str_from(recv);
        match f(recv.v(), Args::positional(args)) {
            Ok(r) => r,
            Err(_) => {
                let e = crate::exceptions::take_pending().map(|e| e.v());
                panic!(
                    "unexpected exception: {:?}",
                    e.map(crate::exceptions::exception_line)
                );
            }
        }
    }

    /// The exception line `f` raises on `recv` with positional `args`.
    fn call_err(f: crate::object::BuiltinFn, recv: &str, args: &[Value]) -> String {
        let recv = str_from(recv);
        assert!(f(recv.v(), Args::positional(args)).is_err());
        let e = crate::exceptions::take_pending().expect("an exception is pending");
        crate::exceptions::exception_line(e.v())
    }

    fn texts(list: &Ref) -> Vec<String> {
        crate::list::list_vec(list.v())
            .iter()
            .map(|v| {
                let d = str_data(*v);
                // The cached length and ASCII flag agree with the text.
                assert_eq!(d.char_len, d.as_str().chars().count(), "{:?}", d.as_str());
                assert_eq!(d.is_ascii, d.as_str().is_ascii(), "{:?}", d.as_str());
                d.as_str().to_string()
            })
            .collect()
    }

    fn int(i: i64) -> Value {
        Value::inline_int(i).unwrap_or(Value::NONE)
    }

    fn check_split(f: crate::object::BuiltinFn, recv: &str, sep: &str, max: i64, want: &[&str]) {
        let sep = str_from(sep);
        let got = call(f, recv, &[sep.v(), int(max)]);
        assert_eq!(
            texts(&got),
            want,
            "{recv:?} sep {:?} maxsplit {max}",
            as_str(sep.v())
        );
    }

    #[test]
    fn split_with_separator_matches_cpython() {
        check_split(
            m_split,
            "alpha beta gamma",
            " ",
            -1,
            &["alpha", "beta", "gamma"],
        );
        check_split(m_split, ",a,,b,", ",", -1, &["", "a", "", "b", ""]);
        check_split(m_split, "a,b,c,d", ",", 2, &["a", "b", "c,d"]);
        check_split(m_split, "a,b,c", ",", 0, &["a,b,c"]);
        check_split(m_split, "abc", ",", -1, &["abc"]);
        check_split(m_split, "", ",", -1, &[""]);
        check_split(m_split, "aaa", "aa", -1, &["", "a"]);
        check_split(m_rsplit, "aaa", "aa", -1, &["a", ""]);
        check_split(m_rsplit, "a,b,c,d", ",", 2, &["a,b", "c", "d"]);
        check_split(m_rsplit, ",a,,b,", ",", -1, &["", "a", "", "b", ""]);
        check_split(m_split, "x::y::z", "::", 1, &["x", "y::z"]);
        check_split(m_rsplit, "x::y::z", "::", 1, &["x::y", "z"]);
        // Non-ASCII text and separators.
        check_split(
            m_split,
            "h\u{e9}\u{e9}llo \u{e9} w",
            "\u{e9}",
            -1,
            &["h", "", "llo ", " w"],
        );
        check_split(
            m_split,
            "a\u{2192}b\u{2192}c",
            "\u{2192}",
            -1,
            &["a", "b", "c"],
        );
        check_split(
            m_rsplit,
            "\u{1f600}x\u{1f600}",
            "x",
            -1,
            &["\u{1f600}", "\u{1f600}"],
        );
        // Haystacks past the short-haystack cut use the prebuilt searchers.
        let long = "ab--".repeat(40);
        let mut want = vec!["ab"; 40];
        want.push("");
        check_split(m_split, &long, "--", -1, &want);
        check_split(m_rsplit, &long, "--", -1, &want);
        check_split(m_split, &long, "--", 3, &["ab", "ab", "ab", &long[12..]]);
        check_split(m_rsplit, &long, "--", 1, &[&long[..long.len() - 2], ""]);
        assert!(call_err(m_split, "abc", &[str_from("").v()]).contains("empty separator"));
    }

    #[test]
    fn unsplit_str_is_returned_itself() {
        let recv = str_from("no separator here");
        let sep = str_from(",");
        let list = m_split(recv.v(), Args::positional(&[sep.v()])).unwrap();
        assert_eq!(&crate::list::list_vec(list.v())[..], &[recv.v()]);
        let list = m_split(recv.v(), Args::positional(&[])).unwrap();
        assert_eq!(texts(&list), ["no", "separator", "here"]);
        let word = str_from("word");
        let list = m_rsplit(word.v(), Args::positional(&[])).unwrap();
        assert_eq!(&crate::list::list_vec(list.v())[..], &[word.v()]);
    }

    fn find_with(f: crate::object::BuiltinFn, recv: &str, sub: &str, range: &[Value]) -> i64 {
        let sub = str_from(sub);
        let mut args = vec![sub.v()];
        args.extend_from_slice(range);
        call(f, recv, &args).v().as_inline_int()
    }

    #[test]
    fn find_counts_code_points_like_cpython() {
        assert_eq!(find_with(m_find, "alpha,beta,delta", "delta", &[]), 11);
        assert_eq!(find_with(m_find, "abcabc", "c", &[]), 2);
        assert_eq!(find_with(m_find, "abcabc", "c", &[int(3)]), 5);
        assert_eq!(find_with(m_find, "abcabc", "c", &[int(3), int(5)]), -1);
        assert_eq!(find_with(m_find, "abcabc", "bc", &[int(-3)]), 4);
        assert_eq!(find_with(m_find, "abc", "", &[int(3)]), 3);
        assert_eq!(find_with(m_find, "abc", "", &[int(4)]), -1);
        assert_eq!(find_with(m_find, "ab", "abc", &[]), -1);
        assert_eq!(find_with(m_rfind, "abcabc", "bc", &[]), 4);
        assert_eq!(find_with(m_rfind, "abcabc", "", &[]), 6);
        assert_eq!(find_with(m_rfind, "abcabc", "a", &[Value::NONE, int(3)]), 0);
        // Code points, not bytes.
        let s = "\u{e9}t\u{e9} \u{1f600} caf\u{e9}";
        assert_eq!(find_with(m_find, s, "caf", &[]), 6);
        assert_eq!(find_with(m_find, s, "\u{e9}", &[int(1)]), 2);
        assert_eq!(find_with(m_rfind, s, "\u{e9}", &[]), 9);
        assert_eq!(find_with(m_rfind, s, "\u{e9}", &[int(0), int(9)]), 2);
        assert_eq!(find_with(m_index, s, "\u{1f600}", &[]), 4);
        assert_eq!(find_with(m_rindex, s, "t", &[]), 1);
        assert!(call_err(m_index, s, &[str_from("zz").v()]).contains("substring not found"));
        assert_eq!(find_with(m_find, "ayb axb", "axb", &[]), 4);
        assert_eq!(find_with(m_rfind, "axb ayb", "axb", &[]), 0);
        assert_eq!(find_with(m_find, "abab", "abab", &[]), 0);
        assert_eq!(find_with(m_rfind, "xabab", "abab", &[]), 1);
        let long = format!("{}needle", "x".repeat(100));
        assert_eq!(find_with(m_find, &long, "needle", &[]), 100);
        assert_eq!(find_with(m_rfind, &long, "xn", &[]), 99);
    }

    #[test]
    fn count_and_contains_match_cpython() {
        assert_eq!(find_with(m_count, "aaaa", "aa", &[]), 2);
        assert_eq!(find_with(m_count, "aaaa", "a", &[int(1)]), 3);
        assert_eq!(find_with(m_count, "abc", "", &[]), 4);
        assert_eq!(find_with(m_count, "\u{e9}\u{e9}", "", &[]), 3);
        assert_eq!(find_with(m_count, "abc", "", &[int(4)]), 0);
        assert_eq!(find_with(m_count, &"ab".repeat(50), "ab", &[]), 50);
        assert_eq!(find_with(m_count, "\u{e9}a\u{e9}", "\u{e9}", &[int(1)]), 1);
        let hay = str_from("h\u{e9}llo world");
        for (sub, want) in [("llo", true), ("\u{e9}", true), ("", true), ("xyz", false)] {
            assert_eq!(
                str_contains(hay.v(), str_from(sub).v()).unwrap(),
                want,
                "{sub:?}"
            );
        }
    }

    #[test]
    fn join_sizes_and_flags_its_result() {
        let items: Vec<Ref> = ["alpha", "b", "", "\u{e9}t\u{e9}"]
            .into_iter()
            .map(str_from)
            .collect();
        let list = list_from_raw(items.iter().map(|r| Ref::dup(r.v()).into_raw()).collect());
        let joined = call(m_join, ", ", &[list.v()]);
        let d = str_data(joined.v());
        assert_eq!(d.as_str(), "alpha, b, , \u{e9}t\u{e9}");
        assert_eq!(d.char_len, d.as_str().chars().count());
        assert!(!d.is_ascii);
        let ascii = call(
            m_join,
            "-",
            &[crate::list::list_from_raw(vec![
                str_from("ab").into_raw(),
                str_from("cd").into_raw(),
            ])
            .v()],
        );
        assert_eq!(
            (as_str(ascii.v()), str_data(ascii.v()).is_ascii),
            ("ab-cd", true)
        );
        // One item is returned itself; no items give the empty str.
        let one = list_from_raw(vec![Ref::dup(items[0].v()).into_raw()]);
        assert_eq!(call(m_join, ",", &[one.v()]).v(), items[0].v());
        assert_eq!(
            as_str(call(m_join, ",", &[list_from_raw(vec![]).v()]).v()),
            ""
        );
        let tuple = crate::tuple::tuple_from_array([str_from("x"), str_from("y")]);
        assert_eq!(as_str(call(m_join, "", &[tuple.v()]).v()), "xy");
        let bad = list_from_raw(vec![str_from("a").into_raw(), int(3)]);
        let err = call_err(m_join, ",", &[bad.v()]);
        assert!(
            err.contains("sequence item 1: expected str instance, int found"),
            "{err}"
        );
    }

    #[test]
    fn whitespace_split_matches_cpython() {
        assert_eq!(split_whitespace(" a b ", -1), vec!["a", "b"]);
        assert_eq!(split_whitespace("a b c ", 1), vec!["a", "b c "]);
        assert_eq!(rsplit_whitespace(" a b c", 1), vec![" a b", "c"]);
        assert!(split_whitespace("   ", -1).is_empty());
    }
}
