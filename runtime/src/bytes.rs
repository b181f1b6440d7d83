//! `bytes` (immutable) and `bytearray` (mutable): construction, `repr`, indexing and
//! slicing, concatenation and repetition, comparison, hashing, `in`, iteration and the
//! methods of both types (ASCII-only case and predicate methods, as CPython's).
//!
//! Both kinds share one payload, [`BytesData`]; `Kind::Bytes` objects never change after
//! they are made, `Kind::ByteArray` objects do. The text codecs (`str.encode`,
//! `bytes.decode`) are in `crate::codecs`.

use std::cell::{Cell, UnsafeCell};

use crate::exceptions::{ExcKind, R, index_error, raise, type_error, value_error};
use crate::int::{IntV, int_from_i64, int_view};
use crate::object::{Args, IterType, Kind, Ref, alloc_ref, is_kind, payload};
use crate::value::Value;

/// The payload of `bytes` and `bytearray` objects.
pub struct BytesData {
    /// The bytes (only a `bytearray`'s ever change).
    pub data: UnsafeCell<Vec<u8>>,
    /// Cached hash of a `bytes` (0 = not computed yet).
    pub hash: Cell<i64>,
    /// The live `memoryview`s of a `bytearray` (its buffer exports): while there are any,
    /// its length cannot change ([`check_resize`]).
    pub exports: Cell<u32>,
}

/// Counts `delta` (1 or -1) more buffer exports of bytearray `v` (a memoryview made or
/// released).
pub fn add_export(v: Value, delta: i32) {
    debug_assert!(is_bytearray(v));
    // SAFETY: `v` is a live bytearray.
    let d = unsafe { payload::<BytesData>(v) };
    d.exports.set(d.exports.get().wrapping_add_signed(delta));
}

/// CPython's refusal to resize an exported bytearray: `BufferError: Existing exports of
/// data: object cannot be re-sized` when bytearray `v` has a live memoryview and its length
/// would become `new_len` (a length change only: same-size writes are allowed).
pub fn check_resize(v: Value, new_len: usize) -> R<()> {
    // SAFETY: `v` is a live bytearray.
    let d = unsafe { payload::<BytesData>(v) };
    if d.exports.get() > 0 && bytes_data(v).len() != new_len {
        return raise(
            ExcKind::BufferError,
            "Existing exports of data: object cannot be re-sized",
        );
    }
    Ok(())
}

/// `Ok(())` when bytearray `v` has no buffer export, else the `BufferError` of
/// [`check_resize`] (CPython's `_canresize`, checked before operations that may shrink).
pub fn check_can_resize(v: Value) -> R<()> {
    // SAFETY: `v` is a live bytearray.
    let d = unsafe { payload::<BytesData>(v) };
    if d.exports.get() > 0 {
        return raise(
            ExcKind::BufferError,
            "Existing exports of data: object cannot be re-sized",
        );
    }
    Ok(())
}

/// Whether `v` is a `bytes`.
#[inline]
pub fn is_bytes(v: Value) -> bool {
    is_kind(v, Kind::Bytes)
}

/// Whether `v` is a `bytearray`.
#[inline]
pub fn is_bytearray(v: Value) -> bool {
    is_kind(v, Kind::ByteArray)
}

/// The bytes of a `bytes` or `bytearray` (CPython's bytes-like objects), else `None`.
///
/// The borrow must not be held across anything that can run Python code (a bytearray may
/// change meanwhile).
#[inline]
pub fn bytes_like<'a>(v: Value) -> Option<&'a [u8]> {
    if is_bytes(v) || is_bytearray(v) {
        Some(bytes_data(v))
    } else {
        None
    }
}

thread_local! {
    /// `array.array` and its two buffer functions, registered by the `array` module
    /// through `_molt_struct.init_array` (one reference each, held for the program's life);
    /// `Value::NONE` until then.
    static ARRAY: Cell<ArrayHooks> = const {
        Cell::new(ArrayHooks { class: Value::NONE, read: Value::NONE, write: Value::NONE })
    };
}

/// The class `array.array` and the functions that read and replace an array's bytes.
#[derive(Clone, Copy)]
struct ArrayHooks {
    class: Value,
    /// `read(arr) -> bytes`: the machine bytes of the items (`array.tobytes` of the base
    /// class, so a subclass's override is not used, as CPython's buffer).
    read: Value,
    /// `write(arr, data)`: replaces the items by those `data` (as long as the array's
    /// bytes) holds.
    write: Value,
}

/// Registers `array.array` (`class`) and its buffer functions `read(arr) -> bytes` and
/// `write(arr, bytes)` so that every bytes-like consumer accepts arrays (molt's array is
/// a Python class over a list, not a C buffer). Takes one reference to each.
pub fn register_array(class: Value, read: Value, write: Value) {
    let new = ArrayHooks {
        class: crate::object::incref(class),
        read: crate::object::incref(read),
        write: crate::object::incref(write),
    };
    let old = ARRAY.with(|a| a.replace(new));
    crate::object::decref(old.class);
    crate::object::decref(old.read);
    crate::object::decref(old.write);
}

/// Whether `cls` is `array.array` itself (whose CPython `tp_name` carries its module).
pub fn is_array_class(cls: Value) -> bool {
    let c = ARRAY.with(Cell::get).class;
    !c.is_none() && c == cls
}

/// Whether `v` is an `array.array` (or an instance of a subclass): a bytes-like object
/// in CPython.
pub fn is_array(v: Value) -> bool {
    if !is_kind(v, Kind::Instance) {
        return false;
    }
    let cls = ARRAY.with(Cell::get).class;
    !cls.is_none() && crate::class::isinstance_class(v, cls)
}

/// The bytes of any object CPython reads through the buffer protocol that molt knows: a
/// `bytes` or `bytearray` (borrowed, with [`bytes_like`]'s rule), a C-contiguous
/// `memoryview` (borrowed likewise) or an `array.array` (its items' machine bytes, as
/// `tobytes()`, copied); `Ok(None)` for other objects and for a view that is not
/// C-contiguous or was released (CPython's simple buffer request fails for it; see
/// `crate::memoryview::require_contiguous` for the consumers that report that error).
///
/// Errors: whatever reading an array raises (its items are checked when stored, so
/// nothing in practice).
pub fn buffer_of<'a>(v: Value) -> R<Option<std::borrow::Cow<'a, [u8]>>> {
    if let Some(d) = bytes_like(v) {
        return Ok(Some(std::borrow::Cow::Borrowed(d)));
    }
    if crate::memoryview::is_memoryview(v) {
        return Ok(crate::memoryview::contiguous_bytes(v).map(std::borrow::Cow::Borrowed));
    }
    if !is_array(v) {
        return Ok(None);
    }
    let read = ARRAY.with(Cell::get).read;
    let r = crate::call::call(read, Args::positional(&[v]))?;
    match bytes_like(r.v()) {
        Some(d) => Ok(Some(std::borrow::Cow::Owned(d.to_vec()))),
        None => type_error("molt: array's buffer reader must return bytes"),
    }
}

/// Whether `v` is a bytes-like object ([`buffer_of`] would give its bytes) without
/// reading it.
pub fn is_buffer(v: Value) -> bool {
    bytes_like(v).is_some() || crate::memoryview::is_memoryview(v) || is_array(v)
}

/// `ba OP other` for a bytearray `ba` and an object `other` with a buffer (an array):
/// CPython's bytearray compares any buffer's bytes (`bytes` does not). `opc` is a
/// `crate::ops::cmp` code.
pub fn bytearray_buffer_compare(opc: u32, ba: Value, other: Value) -> R<bool> {
    let Some(y) = buffer_of(other)? else {
        return type_error("molt: bytearray_buffer_compare needs a buffer");
    };
    Ok(crate::ops::ord_result(opc, bytes_data(ba).cmp(&y)))
}

/// The text of the bytes of a number `int(b)` / `float(b)` parse, when it can be one:
/// CPython parses those bytes as ASCII, with only the C library's white space (so a
/// non-ASCII byte or one of `\x1c`..`\x1f`, white space in a str, makes it invalid).
pub fn number_text(d: &[u8]) -> Option<&str> {
    if d.iter().any(|b| !b.is_ascii() || (0x1c..=0x1f).contains(b)) {
        return None;
    }
    std::str::from_utf8(d).ok()
}

/// Replaces the bytes of array `v` (an [`is_array`] object) by `data`, as long as its
/// current bytes: a write through CPython's writable buffer of an array.
///
/// Errors: a `molt:` NotImplementedError when an `array('u')` item would not be a
/// character molt's str holds (from the array module).
pub fn write_array(v: Value, data: Vec<u8>) -> R<()> {
    let write = ARRAY.with(Cell::get).write;
    if write.is_none() {
        return raise(
            ExcKind::SystemError,
            "molt: array buffers are not registered",
        );
    }
    let b = bytes_from_vec(data);
    crate::call::call(write, Args::positional(&[v, b.v()]))?;
    Ok(())
}

/// The bytes of a `bytes` or `bytearray` (the caller checked the kind).
#[inline]
pub fn bytes_data<'a>(v: Value) -> &'a [u8] {
    debug_assert!(is_bytes(v) || is_bytearray(v));
    // SAFETY: `v` is a live bytes-like object; single-threaded (see `bytes_like`).
    unsafe { &*payload::<BytesData>(v).data.get() }
}

/// The bytes of a `bytearray` for mutation (the same rule as [`bytes_like`]).
#[inline]
#[allow(clippy::mut_from_ref)]
pub fn bytearray_vec<'a>(v: Value) -> &'a mut Vec<u8> {
    debug_assert!(is_bytearray(v));
    // SAFETY: `v` is a live bytearray; single-threaded.
    unsafe { &mut *payload::<BytesData>(v).data.get() }
}

fn alloc_bytes(k: Kind, data: Vec<u8>) -> Ref {
    alloc_ref(
        k,
        BytesData {
            data: UnsafeCell::new(data),
            hash: Cell::new(0),
            exports: Cell::new(0),
        },
    )
}

/// A `bytes` holding `data`: new, except that the empty bytes and those of one byte are
/// shared (as CPython's).
pub fn bytes_from_vec(data: Vec<u8>) -> Ref {
    let slot = match data[..] {
        [] => 256,
        [b] => b as usize,
        _ => return alloc_bytes(Kind::Bytes, data),
    };
    let cell = &crate::state::rt().small_bytes[slot];
    if cell.get() == Value::UNBOUND {
        cell.set(crate::object::immortalize(
            alloc_bytes(Kind::Bytes, data).into_raw(),
        ));
    }
    Ref::dup(cell.get())
}

/// A new `bytearray` holding `data`.
pub fn bytearray_from_vec(data: Vec<u8>) -> Ref {
    alloc_bytes(Kind::ByteArray, data)
}

/// [`same_type`], except that an exact bytes `like` whose bytes are `data` is returned
/// itself: CPython's bytes methods that change nothing (`strip`, `center`, `translate`,
/// ...) return their receiver (a bytearray's, a copy).
fn same_or_new(like: Value, data: Vec<u8>) -> Ref {
    if is_bytes(like) && bytes_data(like) == &data[..] {
        return Ref::dup(like);
    }
    same_type(like, data)
}

/// A new object of the same type as `like` (`bytes` or `bytearray`) holding `data`.
fn same_type(like: Value, data: Vec<u8>) -> Ref {
    if is_bytearray(like) {
        bytearray_from_vec(data)
    } else {
        bytes_from_vec(data)
    }
}

fn type_label(v: Value) -> &'static str {
    if is_bytearray(v) {
        "bytearray"
    } else {
        "bytes"
    }
}

/// `hash(b)` of a `bytes` (cached): 0 when empty, else the hash of a str whose CPython
/// storage holds these bytes (`hash(b"abc") == hash("abc")`, as in CPython; see
/// [`crate::hash::hash_text`]).
pub fn bytes_hash(v: Value) -> i64 {
    // SAFETY: `v` is a bytes object.
    let d = unsafe { payload::<BytesData>(v) };
    let h = d.hash.get();
    if h != 0 {
        return h;
    }
    let data = bytes_data(v);
    if data.is_empty() {
        return 0;
    }
    let h = crate::hash::hash_bytes(data);
    d.hash.set(h);
    h
}

// ---------------------------------------------------------------------------------------
// repr

/// The `b'...'` text of `data` as `repr` of a bytes shows it: single quotes unless the data
/// has a `'` and no `"`, `\t`, `\n`, `\r`, `\\` and the quote escaped, other bytes outside
/// 0x20..0x7f as `\xhh`.
pub fn bytes_literal(data: &[u8]) -> String {
    literal_text(data, false)
}

/// [`bytes_literal`], or with `always_escape_single` the text inside `bytearray(...)`:
/// CPython's bytearray repr escapes every `'` whatever quote it chose.
fn literal_text(data: &[u8], always_escape_single: bool) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in data {
        match c {
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\\' => out.push_str("\\\\"),
            _ if c == quote || (always_escape_single && c == b'\'') => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// `repr(v)` of a bytes or bytearray.
pub fn bytes_repr(v: Value) -> String {
    if is_bytearray(v) {
        format!("bytearray({})", literal_text(bytes_data(v), true))
    } else {
        bytes_literal(bytes_data(v))
    }
}

// ---------------------------------------------------------------------------------------
// construction

/// A byte value from an int-like `v`: `msg` is the `ValueError` text when out of range.
pub fn byte_value(v: Value, msg: &str) -> R<u8> {
    let i = match int_view(v) {
        Some(IntV::Small(i)) => i,
        Some(IntV::Big(_)) => -1,
        None => {
            let r = crate::int::index_value(v)?;
            match int_view(r.v()) {
                Some(IntV::Small(i)) => i,
                _ => -1,
            }
        }
    };
    if (0..256).contains(&i) {
        Ok(i as u8)
    } else {
        value_error(msg)
    }
}

/// The bytes of `source` as `bytes(source)` / `bytearray(source)` take them (without an
/// encoding): a count of zero bytes, a bytes-like object, or an iterable of ints.
fn bytes_from_source(source: Value, name: &str) -> R<Vec<u8>> {
    if crate::memoryview::is_memoryview(source) {
        // Any view, contiguous or not (CPython copies a full buffer).
        return crate::memoryview::view_bytes(source);
    }
    if let Some(d) = buffer_of(source)? {
        return Ok(d.into_owned());
    }
    if crate::str::is_str(source) {
        return type_error("string argument without an encoding");
    }
    if crate::int::has_index(source) {
        let n = crate::int::as_ssize(source, Some(ExcKind::OverflowError))?;
        if n < 0 {
            return value_error("negative count");
        }
        return crate::int::try_zeroed(crate::int::size_of_count(n)?);
    }
    if !crate::iter::has_iter_protocol(source) {
        return type_error(format!(
            "cannot convert '{}' object to {name}",
            crate::class::type_name(source)
        ));
    }
    let msg = if name == "bytes" {
        "bytes must be in range(0, 256)"
    } else {
        "byte must be in range(0, 256)"
    };
    let it = crate::iter::py_iter(source)?;
    let mut out = Vec::new();
    while let Some(x) = crate::iter::py_next(it.v())? {
        out.push(byte_value(x.v(), msg)?);
    }
    Ok(out)
}

fn construct(name: &str, args: Args<'_>) -> R<Vec<u8>> {
    let [source, encoding, errors] = args.bind(name, &["source", "encoding", "errors"], 0)?;
    let Some(source) = source else {
        if encoding.is_some() {
            return type_error("encoding without a string argument");
        }
        if errors.is_some() {
            return type_error("errors without a string argument");
        }
        return Ok(Vec::new());
    };
    if encoding.is_some() || errors.is_some() {
        if !crate::str::is_str(source) {
            return type_error(if encoding.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            });
        }
        let Some(encoding) = encoding else {
            return type_error("string argument without an encoding");
        };
        let enc = str_arg(name, "encoding", encoding)?;
        let err = match errors {
            Some(e) => str_arg(name, "errors", e)?,
            None => "strict",
        };
        return crate::codecs::encode(crate::str::as_str(source), enc, err);
    }
    // An object with `__bytes__` converts itself (only for `bytes`).
    if name == "bytes"
        && is_kind(source, Kind::Instance)
        && let Some(r) = crate::class::call_dunder(source, "__bytes__", &[])?
    {
        return match bytes_like(r.v()) {
            Some(d) if is_bytes(r.v()) => Ok(d.to_vec()),
            _ => type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                crate::class::type_name(r.v())
            )),
        };
    }
    bytes_from_source(source, name)
}

fn str_arg<'a>(fname: &str, what: &str, v: Value) -> R<&'a str> {
    match crate::str::str_opt(v) {
        Some(s) => Ok(s),
        None => type_error(format!(
            "{fname}() argument '{what}' must be str, not {}",
            crate::class::arg_type_name(v)
        )),
    }
}

/// `bytes(...)`: `bytes()`, `bytes(n)`, `bytes(iterable_of_ints)`, `bytes(bytes_like)`,
/// `bytes(str, encoding[, errors])`, `bytes(obj_with___bytes__)`.
pub fn bytes_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    // `bytes(b)` of an exact bytes is `b` itself, as in CPython.
    if let ([x], []) = (args.pos, args.kwnames)
        && is_bytes(*x)
    {
        return Ok(Ref::dup(*x));
    }
    let data = construct("bytes", args)?;
    Ok(bytes_from_vec(data))
}

/// `bytearray(...)`, with the same forms as `bytes(...)`.
pub fn bytearray_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    let data = construct("bytearray", args)?;
    Ok(bytearray_from_vec(data))
}

// ---------------------------------------------------------------------------------------
// operators

/// `b[i]` (an int).
pub fn bytes_getindex(v: Value, i: i64) -> R<Ref> {
    let d = bytes_data(v);
    let n = d.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return index_error(if is_bytearray(v) {
            "bytearray index out of range"
        } else {
            "index out of range"
        });
    }
    Ok(int_from_i64(d[j as usize] as i64))
}

/// `b[k]` for an index or a slice.
pub fn bytes_getitem(v: Value, k: Value) -> R<Ref> {
    if is_kind(k, Kind::Slice) {
        let (a, b, c) = crate::ops::slice_indices(k, bytes_data(v).len())?;
        let d = bytes_data(v);
        // A slice of all of an exact bytes is the object itself, as in CPython.
        if is_bytes(v) && a == 0 && c == 1 && b as usize >= d.len() {
            return Ok(Ref::dup(v));
        }
        let out: Vec<u8> = crate::ops::slice_positions(a, b, c).map(|i| d[i]).collect();
        return Ok(same_type(v, out));
    }
    if !crate::int::has_index(k) {
        return type_error(format!(
            "{} indices must be integers or slices, not {}",
            if is_bytearray(v) { "bytearray" } else { "byte" },
            crate::class::type_name(k)
        ));
    }
    let i = crate::int::seq_index(k, "bytearray")?;
    bytes_getindex(v, i)
}

/// The bytes `ba[...] = src` assigns: a bytes-like object or an iterable of ints.
fn assigned_bytes(src: Value) -> R<Vec<u8>> {
    if let Some(d) = buffer_of(src)? {
        return Ok(d.into_owned());
    }
    // CPython refuses strs and numbers (`PyNumber_Check`), then converts as `bytearray(src)`
    // does, with its errors.
    let number = src.is_float()
        || crate::int::is_int(src)
        || crate::complex::is_complex(src)
        || crate::int::has_index(src)
        || crate::class::has_dunder(src, "__int__")
        || crate::class::has_dunder(src, "__float__");
    if crate::str::str_opt(src).is_some() || number {
        return type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    }
    bytes_from_source(src, "bytearray")
}

/// `ba[k] = x` of a bytearray.
pub fn bytearray_setitem(v: Value, k: Value, x: Value) -> R<()> {
    if is_kind(k, Kind::Slice) {
        let new = assigned_bytes(x)?;
        let (start, stop, step) = crate::ops::slice_indices(k, bytearray_vec(v).len())?;
        let items = bytearray_vec(v);
        if step == 1 {
            let lo = (start.max(0) as usize).min(items.len());
            let hi = (stop.max(start).max(0) as usize).min(items.len());
            check_resize(v, items.len() - (hi - lo) + new.len())?;
            let items = bytearray_vec(v);
            items.splice(lo..hi, new);
            return Ok(());
        }
        if new.is_empty() {
            // CPython deletes an extended slice that is assigned no bytes.
            return bytearray_delitem(v, k);
        }
        let positions: Vec<usize> = crate::ops::slice_positions(start, stop, step).collect();
        if positions.len() != new.len() {
            return value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                positions.len()
            ));
        }
        for (p, b) in positions.into_iter().zip(new) {
            items[p] = b;
        }
        return Ok(());
    }
    if !crate::int::has_index(k) {
        return type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            crate::class::type_name(k)
        ));
    }
    let i = crate::int::seq_index(k, "bytearray")?;
    let b = byte_value(x, "byte must be in range(0, 256)")?;
    let items = bytearray_vec(v);
    let n = items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return index_error("bytearray index out of range");
    }
    items[j as usize] = b;
    Ok(())
}

/// `del ba[k]` of a bytearray.
pub fn bytearray_delitem(v: Value, k: Value) -> R<()> {
    if is_kind(k, Kind::Slice) {
        let (start, stop, step) = crate::ops::slice_indices(k, bytearray_vec(v).len())?;
        let mut positions: Vec<usize> = crate::ops::slice_positions(start, stop, step).collect();
        // CPython checks the exports before an extended slice's length, and only a
        // non-empty simple slice.
        if step != 1 || !positions.is_empty() {
            check_can_resize(v)?;
        }
        positions.sort_unstable();
        let items = bytearray_vec(v);
        let mut p = positions.into_iter().peekable();
        let mut keep = Vec::with_capacity(items.len());
        for (i, b) in items.iter().enumerate() {
            if p.peek() == Some(&i) {
                p.next();
            } else {
                keep.push(*b);
            }
        }
        *items = keep;
        return Ok(());
    }
    if !crate::int::has_index(k) {
        return type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            crate::class::type_name(k)
        ));
    }
    let i = crate::int::seq_index(k, "bytearray")?;
    let items = bytearray_vec(v);
    let n = items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return index_error("bytearray index out of range");
    }
    check_can_resize(v)?;
    items.remove(j as usize);
    Ok(())
}

/// `a + b` where `a` is bytes-like (`inplace`: `a += b` of a bytearray extends `a`).
/// `None` when `a` is not bytes-like.
pub fn bytes_concat(a: Value, b: Value, inplace: bool) -> R<Option<Ref>> {
    if bytes_like(a).is_none() {
        return Ok(None);
    }
    let Some(y) = buffer_of(b)? else {
        if is_kind(b, Kind::Instance) {
            return Ok(None);
        }
        return type_error(format!(
            "can't concat {} to {}",
            crate::class::type_name(b),
            type_label(a)
        ));
    };
    if inplace && is_bytearray(a) {
        let y = y.into_owned();
        check_resize(a, bytes_data(a).len() + y.len())?;
        bytearray_vec(a).extend_from_slice(&y);
        return Ok(Some(Ref::dup(a)));
    }
    let x = bytes_data(a);
    // Concatenating an empty bytes to an exact bytes gives the latter, as in CPython.
    if is_bytes(a) {
        if x.is_empty() && is_bytes(b) {
            return Ok(Some(Ref::dup(b)));
        }
        if y.is_empty() {
            return Ok(Some(Ref::dup(a)));
        }
    }
    let mut out = Vec::with_capacity(x.len() + y.len());
    out.extend_from_slice(x);
    out.extend_from_slice(&y);
    Ok(Some(same_type(a, out)))
}

/// `b * n` (`inplace`: `ba *= n` repeats `ba` itself).
pub fn bytes_repeat(v: Value, n: i64, inplace: bool) -> R<Ref> {
    let d = bytes_data(v);
    let n = n.max(0);
    // CPython: `Py_ssize_t` overflow of the total is an `OverflowError` for bytes and a
    // `MemoryError` for bytearray; a total that cannot be allocated is a `MemoryError`.
    if (d.len() as u128) * (n as u128) > i64::MAX as u128 && !is_bytearray(v) {
        return crate::exceptions::overflow_error("repeated bytes are too long");
    }
    if inplace && is_bytearray(v) && (d.len() as u128) * (n as u128) != d.len() as u128 {
        check_can_resize(v)?;
    }
    if is_bytes(v) && (n == 1 || d.is_empty()) {
        // CPython's bytes repetition returns the object itself when the size is unchanged,
        // and otherwise a new object (also when empty: `b * 0 is b""` is False).
        return Ok(Ref::dup(v));
    }
    let out = crate::int::try_repeat(d, crate::int::size_of_count(n)?)?;
    if inplace && is_bytearray(v) {
        *bytearray_vec(v) = out;
        return Ok(Ref::dup(v));
    }
    if is_bytes(v) && out.len() <= 1 {
        return Ok(alloc_bytes(Kind::Bytes, out));
    }
    Ok(same_type(v, out))
}

/// `item in b`: an int (a byte value) or a bytes-like object.
pub fn bytes_contains(v: Value, item: Value) -> R<bool> {
    crate::memoryview::require_contiguous(item)?;
    if let Some(sub) = buffer_of(item)? {
        return Ok(find(bytes_data(v), &sub, 0, usize::MAX).is_some());
    }
    if crate::int::has_index(item) {
        let b = byte_value(item, "byte must be in range(0, 256)")?;
        return Ok(bytes_data(v).contains(&b));
    }
    type_error(format!(
        "a bytes-like object is required, not '{}'",
        crate::class::type_name(item)
    ))
}

/// Iterates the bytes of `v` as ints (a bytearray is read at each step).
pub fn bytes_iter(v: Value) -> Ref {
    let owner = Ref::dup(v);
    let mut i = 0usize;
    let ty = if is_bytearray(v) {
        IterType::ByteArrayIterator
    } else {
        IterType::BytesIterator
    };
    crate::iter::native_iter(ty, move || {
        let d = bytes_data(owner.v());
        if i < d.len() {
            i += 1;
            Ok(Some(int_from_i64(d[i - 1] as i64)))
        } else {
            Ok(None)
        }
    })
}

// ---------------------------------------------------------------------------------------
// searching helpers

/// Index of the first `sub` in `hay[start..end]`, as an index into `hay`.
fn find(hay: &[u8], sub: &[u8], start: usize, end: usize) -> Option<usize> {
    let end = end.min(hay.len());
    if start > end {
        return None;
    }
    if sub.is_empty() {
        return Some(start);
    }
    memchr::memmem::find(&hay[start..end], sub).map(|i| i + start)
}

fn rfind(hay: &[u8], sub: &[u8], start: usize, end: usize) -> Option<usize> {
    let end = end.min(hay.len());
    if start > end {
        return None;
    }
    if sub.is_empty() {
        return Some(end);
    }
    memchr::memmem::rfind(&hay[start..end], sub).map(|i| i + start)
}

/// The `sub` argument of `find`/`count`/`index`...: bytes-like or an int.
fn sub_arg(v: Value) -> R<Vec<u8>> {
    crate::memoryview::require_contiguous(v)?;
    if let Some(d) = buffer_of(v)? {
        return Ok(d.into_owned());
    }
    if crate::int::has_index(v) {
        return Ok(vec![byte_value(v, "byte must be in range(0, 256)")?]);
    }
    type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        crate::class::type_name(v)
    ))
}

/// A bytes-like argument (`a bytes-like object is required, not 'str'`), copied; the
/// `BufferError`/`ValueError` of a view that is not C-contiguous or was released.
pub fn buffer_arg(v: Value) -> R<Vec<u8>> {
    crate::memoryview::require_contiguous(v)?;
    match buffer_of(v)? {
        Some(d) => Ok(d.into_owned()),
        None => type_error(format!(
            "a bytes-like object is required, not '{}'",
            crate::class::type_name(v)
        )),
    }
}

/// Slice bounds `[start, end)` from optional `start`/`end` arguments (`None` allowed), as
/// CPython's `ADJUST_INDICES`: `end` clamped to `n`, negative values counted from the end;
/// a `start` past `end` is kept (callers treat it as "not found").
fn bounds(start: Option<Value>, end: Option<Value>, n: usize) -> R<(usize, usize)> {
    Ok(adjust_bounds(bound_values(start, end)?, n))
}

/// The `start`/`end` arguments converted to integers (`None` where absent or `None`), as
/// CPython converts them before the `sub` argument; [`adjust_bounds`] applies them.
fn bound_values(start: Option<Value>, end: Option<Value>) -> R<(Option<i64>, Option<i64>)> {
    let conv = |v: Option<Value>| -> R<Option<i64>> {
        match v {
            Some(v) if v.is_none() => Ok(None),
            Some(v) if crate::int::has_index(v) => Ok(Some(crate::int::as_ssize(v, None)?)),
            Some(_) => {
                type_error("slice indices must be integers or None or have an __index__ method")
            }
            None => Ok(None),
        }
    };
    Ok((conv(start)?, conv(end)?))
}

/// [`bounds`] from converted values, for a length of `n` bytes.
fn adjust_bounds((start, end): (Option<i64>, Option<i64>), n: usize) -> (usize, usize) {
    let n = n as i64;
    let adj = |i: i64| if i < 0 { i.saturating_add(n).max(0) } else { i };
    // A start past the end stays past it (`n + 1` at most, which a `usize` holds).
    let s = adj(start.unwrap_or(0)).min(n + 1);
    let e = adj(end.unwrap_or(n)).min(n);
    (s as usize, e as usize)
}

fn recv(v: Value, name: &str) -> R<Value> {
    if is_bytes(v) || is_bytearray(v) {
        Ok(v)
    } else {
        type_error(format!(
            "descriptor '{name}' requires a 'bytes' object but received a '{}'",
            crate::class::type_name(v)
        ))
    }
}

fn recv_ba(v: Value, name: &str) -> R<Value> {
    if is_bytearray(v) {
        Ok(v)
    } else {
        type_error(format!(
            "descriptor '{name}' requires a 'bytearray' object but received a '{}'",
            crate::class::type_name(v)
        ))
    }
}

fn find_like(recv_v: Value, args: Args<'_>, name: &str, reverse: bool) -> R<Option<usize>> {
    let v = recv(recv_v, name)?;
    let [sub, start, end] = args.range::<3>(name, 1)?;
    // CPython converts the bounds before `sub`.
    let range = bound_values(start, end)?;
    let sub = sub_arg(sub.unwrap_or(Value::NONE))?;
    let d = bytes_data(v);
    let (s, e) = adjust_bounds(range, d.len());
    let d = bytes_data(v);
    Ok(if reverse {
        rfind(d, &sub, s, e)
    } else {
        find(d, &sub, s, e)
    })
}

fn pos_result(p: Option<usize>) -> Ref {
    int_from_i64(p.map_or(-1, |i| i as i64))
}

fn m_find(v: Value, args: Args<'_>) -> R<Ref> {
    Ok(pos_result(find_like(v, args, "find", false)?))
}

fn m_rfind(v: Value, args: Args<'_>) -> R<Ref> {
    Ok(pos_result(find_like(v, args, "rfind", true)?))
}

fn m_index(v: Value, args: Args<'_>) -> R<Ref> {
    match find_like(v, args, "index", false)? {
        Some(i) => Ok(int_from_i64(i as i64)),
        None => value_error("subsection not found"),
    }
}

fn m_rindex(v: Value, args: Args<'_>) -> R<Ref> {
    match find_like(v, args, "rindex", true)? {
        Some(i) => Ok(int_from_i64(i as i64)),
        None => value_error("subsection not found"),
    }
}

fn m_count(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "count")?;
    let [sub, start, end] = args.range::<3>("count", 1)?;
    // CPython converts the bounds before `sub`.
    let range = bound_values(start, end)?;
    let sub = sub_arg(sub.unwrap_or(Value::NONE))?;
    let (s, e) = adjust_bounds(range, bytes_data(v).len());
    let d = bytes_data(v);
    if s > e || s > d.len() {
        return Ok(int_from_i64(0));
    }
    let hay = &d[s..e.min(d.len())];
    let n = if sub.is_empty() {
        hay.len() + 1
    } else {
        memchr::memmem::find_iter(hay, &sub).count()
    };
    Ok(int_from_i64(n as i64))
}

fn affix_match(v: Value, args: Args<'_>, name: &str, suffix: bool) -> R<Ref> {
    let v = recv(v, name)?;
    let [what, start, end] = args.range::<3>(name, 1)?;
    let what = what.unwrap_or(Value::NONE);
    let (s, e) = bounds(start, end, bytes_data(v).len())?;
    let test = |p: &[u8]| -> bool {
        let d = bytes_data(v);
        if s > e || s > d.len() {
            return false;
        }
        let seg = &d[s..e];
        if suffix {
            seg.ends_with(p)
        } else {
            seg.starts_with(p)
        }
    };
    crate::memoryview::require_contiguous(what)?;
    if let Some(p) = buffer_of(what)? {
        let p = p.into_owned();
        return Ok(Ref::new(Value::from_bool(test(&p))));
    }
    if is_kind(what, Kind::Tuple) {
        for item in crate::tuple::tuple_items(what) {
            crate::memoryview::require_contiguous(*item)?;
            let Some(p) = buffer_of(*item)? else {
                return type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    crate::class::type_name(*item)
                ));
            };
            let p = p.to_vec();
            if test(&p) {
                return Ok(Ref::new(Value::TRUE));
            }
        }
        return Ok(Ref::new(Value::FALSE));
    }
    type_error(format!(
        "{name} first arg must be bytes or a tuple of bytes, not {}",
        crate::class::type_name(what)
    ))
}

fn m_startswith(v: Value, args: Args<'_>) -> R<Ref> {
    affix_match(v, args, "startswith", false)
}

fn m_endswith(v: Value, args: Args<'_>) -> R<Ref> {
    affix_match(v, args, "endswith", true)
}

fn m_replace(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "replace")?;
    let [old, new, count] = args.range::<3>("replace", 2)?;
    let old = buffer_arg(old.unwrap_or(Value::NONE))?;
    let new = buffer_arg(new.unwrap_or(Value::NONE))?;
    let count = match count {
        Some(c) => crate::int::as_ssize(c, Some(ExcKind::OverflowError))?,
        None => -1,
    };
    let d = bytes_data(v);
    // Nothing to replace gives an exact bytes itself, as in CPython.
    if is_bytes(v)
        && (count == 0
            || old.is_empty() && new.is_empty()
            || !old.is_empty() && memchr::memmem::find(d, &old).is_none())
    {
        return Ok(Ref::dup(v));
    }
    // A count above `usize::MAX` (wasm32) is as good as no limit.
    let mut left = usize::try_from(count).unwrap_or(usize::MAX);
    let mut out = Vec::with_capacity(d.len());
    if old.is_empty() {
        // Inserted before every byte and at the end.
        for b in d {
            if left > 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(*b);
        }
        if left > 0 {
            out.extend_from_slice(&new);
        }
        return Ok(same_type(v, out));
    }
    let mut i = 0;
    while left > 0 {
        match memchr::memmem::find(&d[i..], &old) {
            Some(p) => {
                out.extend_from_slice(&d[i..i + p]);
                out.extend_from_slice(&new);
                i += p + old.len();
                left -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&d[i..]);
    Ok(same_type(v, out))
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn split_args(args: Args<'_>, name: &str) -> R<(Option<Vec<u8>>, i64)> {
    let [sep, maxsplit] = args.bind(name, &["sep", "maxsplit"], 0)?;
    // Argument Clinic converts `maxsplit` first; the method checks `sep` after.
    let maxsplit = match maxsplit {
        Some(m) => crate::int::as_ssize(m, Some(ExcKind::OverflowError))?,
        None => -1,
    };
    let sep = match sep {
        Some(s) if !s.is_none() => {
            let s = buffer_arg(s)?;
            if s.is_empty() {
                return value_error("empty separator");
            }
            Some(s)
        }
        _ => None,
    };
    Ok((sep, maxsplit))
}

/// The list of `parts` of `like`; a part that is all of an exact bytes `like` is `like`
/// itself when `whole_is_self` (CPython's splits, except a whitespace split with
/// `maxsplit=0`).
fn parts_list(like: Value, parts: Vec<Vec<u8>>, whole_is_self: bool) -> Ref {
    crate::list::list_from_vec(
        parts
            .into_iter()
            .map(|p| {
                if whole_is_self {
                    same_or_new(like, p)
                } else {
                    same_type(like, p)
                }
            })
            .collect(),
    )
}

fn m_split(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "split")?;
    let (sep, maxsplit) = split_args(args, "split")?;
    let whole_is_self = sep.is_some() || maxsplit != 0;
    let d = bytes_data(v);
    let mut left = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let mut parts = Vec::new();
    match sep {
        Some(sep) => {
            let mut i = 0;
            while left > 0 {
                match memchr::memmem::find(&d[i..], &sep) {
                    Some(p) => {
                        parts.push(d[i..i + p].to_vec());
                        i += p + sep.len();
                        left -= 1;
                    }
                    None => break,
                }
            }
            parts.push(d[i..].to_vec());
        }
        None => {
            let mut i = 0;
            loop {
                while i < d.len() && is_space(d[i]) {
                    i += 1;
                }
                if i == d.len() {
                    break;
                }
                if left == 0 {
                    // The rest as it is (trailing whitespace kept), as CPython does.
                    parts.push(d[i..].to_vec());
                    break;
                }
                let s = i;
                while i < d.len() && !is_space(d[i]) {
                    i += 1;
                }
                parts.push(d[s..i].to_vec());
                left -= 1;
            }
        }
    }
    Ok(parts_list(v, parts, whole_is_self))
}

fn m_rsplit(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "rsplit")?;
    let (sep, maxsplit) = split_args(args, "rsplit")?;
    let whole_is_self = sep.is_some() || maxsplit != 0;
    let d = bytes_data(v);
    let mut left = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let mut parts = Vec::new();
    match sep {
        Some(sep) => {
            let mut end = d.len();
            while left > 0 {
                match memchr::memmem::rfind(&d[..end], &sep) {
                    Some(p) => {
                        parts.push(d[p + sep.len()..end].to_vec());
                        end = p;
                        left -= 1;
                    }
                    None => break,
                }
            }
            parts.push(d[..end].to_vec());
        }
        None => {
            let mut i = d.len();
            loop {
                while i > 0 && is_space(d[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if left == 0 {
                    parts.push(d[..i].to_vec());
                    break;
                }
                let e = i;
                while i > 0 && !is_space(d[i - 1]) {
                    i -= 1;
                }
                parts.push(d[i..e].to_vec());
                left -= 1;
            }
        }
    }
    parts.reverse();
    Ok(parts_list(v, parts, whole_is_self))
}

fn m_join(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "join")?;
    let [it] = args.exact("join")?;
    let items = crate::iter::collect_for_join(it)?;
    // One exact bytes item is the result itself (for a bytes separator), as in CPython.
    if let [only] = &items[..]
        && is_bytes(v)
        && is_bytes(only.v())
    {
        return Ok(only.clone());
    }
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        let Some(d) = buffer_of(x.v())? else {
            return type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                crate::class::type_name(x.v())
            ));
        };
        if i > 0 {
            out.extend_from_slice(bytes_data(v));
        }
        out.extend_from_slice(&d);
    }
    Ok(same_type(v, out))
}

fn strip_impl(v: Value, args: Args<'_>, name: &str, left: bool, right: bool) -> R<Ref> {
    let v = recv(v, name)?;
    let [chars] = args.range::<1>(name, 0)?;
    let chars = match chars {
        Some(c) if !c.is_none() => Some(buffer_arg(c)?),
        _ => None,
    };
    let strip = |b: u8| match &chars {
        Some(c) => c.contains(&b),
        None => is_space(b),
    };
    let d = bytes_data(v);
    let mut s = 0;
    let mut e = d.len();
    if left {
        while s < e && strip(d[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(d[e - 1]) {
            e -= 1;
        }
    }
    Ok(same_or_new(v, d[s..e].to_vec()))
}

fn m_strip(v: Value, args: Args<'_>) -> R<Ref> {
    strip_impl(v, args, "strip", true, true)
}

fn m_lstrip(v: Value, args: Args<'_>) -> R<Ref> {
    strip_impl(v, args, "lstrip", true, false)
}

fn m_rstrip(v: Value, args: Args<'_>) -> R<Ref> {
    strip_impl(v, args, "rstrip", false, true)
}

fn map_bytes(v: Value, args: Args<'_>, name: &str, f: fn(&[u8]) -> Vec<u8>) -> R<Ref> {
    let v = recv(v, name)?;
    args.none(name)?;
    Ok(same_type(v, f(bytes_data(v))))
}

fn m_upper(v: Value, args: Args<'_>) -> R<Ref> {
    map_bytes(v, args, "upper", |d| d.to_ascii_uppercase())
}

fn m_lower(v: Value, args: Args<'_>) -> R<Ref> {
    map_bytes(v, args, "lower", |d| d.to_ascii_lowercase())
}

fn m_swapcase(v: Value, args: Args<'_>) -> R<Ref> {
    map_bytes(v, args, "swapcase", |d| {
        d.iter()
            .map(|b| {
                if b.is_ascii_lowercase() {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn m_capitalize(v: Value, args: Args<'_>) -> R<Ref> {
    map_bytes(v, args, "capitalize", |d| {
        d.iter()
            .enumerate()
            .map(|(i, b)| {
                if i == 0 {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn m_title(v: Value, args: Args<'_>) -> R<Ref> {
    map_bytes(v, args, "title", |d| {
        let mut prev_cased = false;
        d.iter()
            .map(|b| {
                let out = if prev_cased {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                };
                prev_cased = b.is_ascii_alphabetic();
                out
            })
            .collect()
    })
}

fn predicate(v: Value, args: Args<'_>, name: &str, f: fn(&[u8]) -> bool) -> R<Ref> {
    let v = recv(v, name)?;
    args.none(name)?;
    Ok(Ref::new(Value::from_bool(f(bytes_data(v)))))
}

fn all_nonempty(d: &[u8], f: fn(&u8) -> bool) -> bool {
    !d.is_empty() && d.iter().all(f)
}

fn m_isdigit(v: Value, args: Args<'_>) -> R<Ref> {
    predicate(v, args, "isdigit", |d| all_nonempty(d, u8::is_ascii_digit))
}

fn m_isalpha(v: Value, args: Args<'_>) -> R<Ref> {
    predicate(v, args, "isalpha", |d| {
        all_nonempty(d, u8::is_ascii_alphabetic)
    })
}

fn m_isalnum(v: Value, args: Args<'_>) -> R<Ref> {
    predicate(v, args, "isalnum", |d| {
        all_nonempty(d, u8::is_ascii_alphanumeric)
    })
}

fn m_isspace(v: Value, args: Args<'_>) -> R<Ref> {
    predicate(v, args, "isspace", |d| all_nonempty(d, |b| is_space(*b)))
}

fn m_isascii(v: Value, args: Args<'_>) -> R<Ref> {
    predicate(v, args, "isascii", |d| d.is_ascii())
}

fn m_islower(v: Value, args: Args<'_>) -> R<Ref> {
    predicate(v, args, "islower", |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}

fn m_isupper(v: Value, args: Args<'_>) -> R<Ref> {
    predicate(v, args, "isupper", |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}

fn m_istitle(v: Value, args: Args<'_>) -> R<Ref> {
    predicate(v, args, "istitle", |d| {
        let mut cased = false;
        let mut prev_cased = false;
        for b in d {
            if b.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if b.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

fn partition_impl(v: Value, args: Args<'_>, name: &str, reverse: bool) -> R<Ref> {
    let v = recv(v, name)?;
    let [sep] = args.exact(name)?;
    let sep_obj = sep;
    let sep = buffer_arg(sep)?;
    if sep.is_empty() {
        return value_error("empty separator");
    }
    let d = bytes_data(v);
    let found = if reverse {
        memchr::memmem::rfind(d, &sep)
    } else {
        memchr::memmem::find(d, &sep)
    };
    let parts: [Vec<u8>; 3] = match found {
        Some(p) => [d[..p].to_vec(), sep.clone(), d[p + sep.len()..].to_vec()],
        None if reverse => [Vec::new(), Vec::new(), d.to_vec()],
        None => [d.to_vec(), Vec::new(), Vec::new()],
    };
    let mut items: Vec<Ref> = parts.into_iter().map(|p| same_or_new(v, p)).collect();
    if found.is_some() && is_bytes(v) {
        // A bytes's partition gives the separator object itself (a bytearray's, a copy).
        items[1] = Ref::dup(sep_obj);
    }
    Ok(crate::tuple::tuple_from_vec(items))
}

fn m_partition(v: Value, args: Args<'_>) -> R<Ref> {
    partition_impl(v, args, "partition", false)
}

fn m_rpartition(v: Value, args: Args<'_>) -> R<Ref> {
    partition_impl(v, args, "rpartition", true)
}

fn m_splitlines(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "splitlines")?;
    let [keepends] = args.bind("splitlines", &["keepends"], 0)?;
    let keep = match keepends {
        Some(k) => crate::ops::is_true(k)?,
        None => false,
    };
    let d = bytes_data(v);
    let mut parts = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < d.len() {
        let eol = match d[i] {
            b'\r' if d.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => 0,
        };
        if eol == 0 {
            i += 1;
            continue;
        }
        let end = if keep { i + eol } else { i };
        parts.push(d[start..end].to_vec());
        i += eol;
        start = i;
    }
    if start < d.len() {
        parts.push(d[start..].to_vec());
    }
    Ok(parts_list(v, parts, true))
}

fn fill_arg(name: &str, fill: Option<Value>) -> R<u8> {
    match fill {
        None => Ok(b' '),
        Some(f) => match bytes_like(f) {
            Some(d) if d.len() == 1 => Ok(d[0]),
            _ => type_error(format!(
                "{name}() argument 2 must be a byte string of length 1, not {}",
                crate::class::arg_type_name(f)
            )),
        },
    }
}

fn pad(v: Value, args: Args<'_>, name: &str, how: u8) -> R<Ref> {
    let v = recv(v, name)?;
    let [width, fill] = args.range::<2>(name, 1)?;
    let width = crate::int::as_ssize(width.unwrap_or(Value::NONE), None)?;
    let fill = fill_arg(name, fill)?;
    let d = bytes_data(v);
    let n = d.len() as i64;
    if width <= n {
        return Ok(same_or_new(v, d.to_vec()));
    }
    let total = crate::int::size_of_count(width - n)?;
    let left = match how {
        b'l' => 0,
        b'r' => total,
        // CPython's centering rule: the odd byte goes left only when the width is odd.
        _ => total / 2 + (total & (width as usize) & 1),
    };
    let mut out = crate::int::try_vec(crate::int::size_of_count(width)?)?;
    out.resize(left, fill);
    out.extend_from_slice(d);
    out.resize(width as usize, fill);
    Ok(same_type(v, out))
}

fn m_center(v: Value, args: Args<'_>) -> R<Ref> {
    pad(v, args, "center", b'c')
}

fn m_ljust(v: Value, args: Args<'_>) -> R<Ref> {
    pad(v, args, "ljust", b'l')
}

fn m_rjust(v: Value, args: Args<'_>) -> R<Ref> {
    pad(v, args, "rjust", b'r')
}

fn m_zfill(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "zfill")?;
    let [width] = args.exact("zfill")?;
    let width = crate::int::as_ssize(width, None)?;
    let d = bytes_data(v);
    if width <= d.len() as i64 {
        return Ok(same_or_new(v, d.to_vec()));
    }
    let fill = crate::int::size_of_count(width)? - d.len();
    let mut out = crate::int::try_vec(width as usize)?;
    out.resize(fill, b'0');
    out.extend_from_slice(d);
    if !d.is_empty() && matches!(d[0], b'+' | b'-') {
        out[0] = d[0];
        out[fill] = b'0';
    }
    Ok(same_type(v, out))
}

fn m_removeprefix(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "removeprefix")?;
    let [p] = args.exact("removeprefix")?;
    let p = buffer_arg(p)?;
    let d = bytes_data(v);
    Ok(same_or_new(v, d.strip_prefix(&p[..]).unwrap_or(d).to_vec()))
}

fn m_removesuffix(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "removesuffix")?;
    let [p] = args.exact("removesuffix")?;
    let p = buffer_arg(p)?;
    let d = bytes_data(v);
    Ok(same_or_new(v, d.strip_suffix(&p[..]).unwrap_or(d).to_vec()))
}

fn m_expandtabs(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "expandtabs")?;
    let [size] = args.bind("expandtabs", &["tabsize"], 0)?;
    let size = match size {
        Some(s) => crate::int::as_ssize(s, Some(ExcKind::OverflowError))?,
        None => 8,
    };
    let d = bytes_data(v);
    let mut out = Vec::with_capacity(d.len());
    let mut col = 0i64;
    for &b in d {
        match b {
            b'\t' => {
                if size > 0 {
                    let n = size - col % size;
                    let spaces = crate::int::size_of_count(n)?;
                    if out.try_reserve(spaces).is_err() {
                        return crate::int::memory_error();
                    }
                    out.extend(std::iter::repeat_n(b' ', spaces));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(same_type(v, out))
}

fn m_hex(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "hex")?;
    let [sep, per] = args.bind("hex", &["sep", "bytes_per_sep"], 0)?;
    let d = bytes_data(v).to_vec();
    hex_text(&d, sep, per)
}

/// `b.hex(sep, bytes_per_sep)` of the bytes `d` (also `memoryview.hex`).
pub fn hex_text(d: &[u8], sep: Option<Value>, per: Option<Value>) -> R<Ref> {
    let sep: Option<u8> = match sep {
        None => None,
        Some(s) => {
            // CPython takes the separator's length first (any object), then its type
            // (a str or a bytes only).
            if crate::ops::py_len(s)? != 1 {
                return value_error("sep must be length 1.");
            }
            let text: Vec<u8> = if let Some(t) = crate::str::str_opt(s) {
                t.as_bytes().to_vec()
            } else if is_bytes(s) {
                bytes_data(s).to_vec()
            } else {
                return type_error("sep must be str or bytes.");
            };
            if !text[0].is_ascii() {
                return value_error("sep must be ASCII.");
            }
            Some(text[0])
        }
    };
    let per = match per {
        Some(p) => crate::int::as_ssize(p, Some(ExcKind::OverflowError))?,
        None => 1,
    };
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(d.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, b) in d.iter().enumerate() {
        if let Some(s) = sep
            && i > 0
            && group > 0
        {
            // Groups count from the right for a positive `bytes_per_sep`, from the left
            // for a negative one.
            let boundary = if per > 0 {
                (d.len() - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(s as char);
            }
        }
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    Ok(crate::str::str_from_owned(out))
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)` (class methods).
fn fromhex(cls: Value, args: Args<'_>) -> R<Ref> {
    let [s] = args.exact("fromhex")?;
    let Some(text) = crate::str::str_opt(s) else {
        return type_error(format!(
            "fromhex() argument must be str, not {}",
            crate::class::arg_type_name(s)
        ));
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let digit = |c: char| c.to_digit(16).filter(|_| c.is_ascii());
    while i < chars.len() {
        if matches!(chars[i], ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c') {
            i += 1;
            continue;
        }
        let Some(hi) = digit(chars[i]) else {
            return value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {i}"
            ));
        };
        let Some(lo) = chars.get(i + 1).and_then(|c| digit(*c)) else {
            return value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {}",
                i + 1
            ));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let t = &crate::state::rt().t;
    let made = if crate::class::is_class(cls) && crate::class::is_subclass(cls, t.bytearray) {
        bytearray_from_vec(out)
    } else {
        bytes_from_vec(out)
    };
    // Through a subclass: `cls(made)`, as CPython.
    if cls == t.bytes || cls == t.bytearray || !crate::class::is_class(cls) {
        return Ok(made);
    }
    crate::call::call(cls, Args::positional(&[made.v()]))
}

fn m_decode(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "decode")?;
    let [encoding, errors] = args.bind("decode", &["encoding", "errors"], 0)?;
    let enc = match encoding {
        Some(e) => str_arg("decode", "encoding", e)?,
        None => "utf-8",
    };
    let err = match errors {
        Some(e) => str_arg("decode", "errors", e)?,
        None => "strict",
    };
    let data = bytes_data(v).to_vec();
    crate::codecs::decode_value(v, &data, enc, err)
}

/// The 256-byte translation table argument of `translate` (`None`: no table).
fn table_arg(v: Value) -> R<Option<Vec<u8>>> {
    if v.is_none() {
        return Ok(None);
    }
    let t = buffer_arg(v)?;
    if t.len() != 256 {
        return value_error("translation table must be 256 characters long");
    }
    Ok(Some(t))
}

fn m_translate(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "translate")?;
    let [table, delete] = args.bind("translate", &["table", "delete"], 1)?;
    let table = table_arg(table.unwrap_or(Value::NONE))?;
    let delete = match delete {
        Some(d) => buffer_arg(d)?,
        None => Vec::new(),
    };
    let out: Vec<u8> = bytes_data(v)
        .iter()
        .filter(|b| !delete.contains(*b))
        .map(|b| table.as_ref().map_or(*b, |t| t[*b as usize]))
        .collect();
    Ok(same_or_new(v, out))
}

/// `bytes.maketrans(frm, to)` (a static method): the identity table with `frm[i]` mapped to
/// `to[i]`.
fn maketrans(_cls: Value, args: Args<'_>) -> R<Ref> {
    let [frm, to] = args.exact("maketrans")?;
    let frm = buffer_arg(frm)?;
    let to = buffer_arg(to)?;
    if frm.len() != to.len() {
        return value_error("maketrans arguments must have same length");
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in frm.iter().zip(&to) {
        table[*f as usize] = *t;
    }
    Ok(bytes_from_vec(table))
}

fn m_getnewargs(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__getnewargs__")?;
    args.none("__getnewargs__")?;
    let b = bytes_from_vec(bytes_data(v).to_vec());
    Ok(crate::tuple::tuple_from_array([b]))
}

// ---------------------------------------------------------------------------------------
// bytearray mutation

fn m_append(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv_ba(v, "append")?;
    let [x] = args.exact("append")?;
    let b = byte_value(x, "byte must be in range(0, 256)")?;
    check_resize(v, bytes_data(v).len() + 1)?;
    bytearray_vec(v).push(b);
    Ok(Ref::NONE)
}

/// `ba.extend(it)` / `ba += ...` of an iterable of ints or a bytes-like object.
fn m_extend(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv_ba(v, "extend")?;
    let [x] = args.exact("extend")?;
    if crate::int::has_index(x) && !crate::iter::has_iter_protocol(x) {
        return type_error(format!(
            "can't extend bytearray with {}",
            crate::class::type_name(x)
        ));
    }
    let new = if let Some(d) = buffer_of(x)? {
        d.into_owned()
    } else if crate::memoryview::is_memoryview(x) {
        // CPython asks a buffer for a simple slice assignment (not C-contiguous, released).
        return type_error("can't set bytearray slice from memoryview");
    } else if crate::str::is_str(x) {
        // CPython iterates the str and fails on its first item.
        if crate::str::str_len(x) == 0 {
            return Ok(Ref::NONE);
        }
        return type_error("'str' object cannot be interpreted as an integer");
    } else if !crate::iter::has_iter_protocol(x) {
        return type_error(format!(
            "can't extend bytearray with {}",
            crate::class::type_name(x)
        ));
    } else {
        bytes_from_source(x, "bytearray")?
    };
    check_resize(v, bytes_data(v).len() + new.len())?;
    bytearray_vec(v).extend_from_slice(&new);
    Ok(Ref::NONE)
}

fn m_pop(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv_ba(v, "pop")?;
    let [i] = args.range::<1>("pop", 0)?;
    let i = match i {
        Some(i) => crate::int::as_ssize(i, Some(ExcKind::IndexError))?,
        None => -1,
    };
    let items = bytearray_vec(v);
    if items.is_empty() {
        return index_error("pop from empty bytearray");
    }
    let n = items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return index_error("pop index out of range");
    }
    check_can_resize(v)?;
    Ok(int_from_i64(items.remove(j as usize) as i64))
}

fn m_insert(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv_ba(v, "insert")?;
    let [i, x] = args.exact("insert")?;
    let i = crate::int::as_ssize(i, Some(ExcKind::OverflowError))?;
    let b = byte_value(x, "byte must be in range(0, 256)")?;
    check_resize(v, bytes_data(v).len() + 1)?;
    let items = bytearray_vec(v);
    let n = items.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(j as usize, b);
    Ok(Ref::NONE)
}

fn m_remove(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv_ba(v, "remove")?;
    let [x] = args.exact("remove")?;
    let b = byte_value(x, "byte must be in range(0, 256)")?;
    let items = bytearray_vec(v);
    match items.iter().position(|c| *c == b) {
        Some(p) => {
            check_can_resize(v)?;
            items.remove(p);
            Ok(Ref::NONE)
        }
        None => value_error("value not found in bytearray"),
    }
}

fn m_clear(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv_ba(v, "clear")?;
    args.none("clear")?;
    check_resize(v, 0)?;
    bytearray_vec(v).clear();
    Ok(Ref::NONE)
}

fn m_reverse(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv_ba(v, "reverse")?;
    args.none("reverse")?;
    bytearray_vec(v).reverse();
    Ok(Ref::NONE)
}

fn m_copy(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv_ba(v, "copy")?;
    args.none("copy")?;
    Ok(bytearray_from_vec(bytearray_vec(v).clone()))
}

/// The methods `bytes` and `bytearray` share.
const COMMON: &[(&str, crate::object::BuiltinFn)] = &[
    ("find", m_find),
    ("rfind", m_rfind),
    ("index", m_index),
    ("rindex", m_rindex),
    ("count", m_count),
    ("startswith", m_startswith),
    ("endswith", m_endswith),
    ("replace", m_replace),
    ("split", m_split),
    ("rsplit", m_rsplit),
    ("join", m_join),
    ("strip", m_strip),
    ("lstrip", m_lstrip),
    ("rstrip", m_rstrip),
    ("upper", m_upper),
    ("lower", m_lower),
    ("swapcase", m_swapcase),
    ("capitalize", m_capitalize),
    ("title", m_title),
    ("isdigit", m_isdigit),
    ("isalpha", m_isalpha),
    ("isalnum", m_isalnum),
    ("isspace", m_isspace),
    ("isascii", m_isascii),
    ("islower", m_islower),
    ("isupper", m_isupper),
    ("istitle", m_istitle),
    ("partition", m_partition),
    ("rpartition", m_rpartition),
    ("splitlines", m_splitlines),
    ("center", m_center),
    ("ljust", m_ljust),
    ("rjust", m_rjust),
    ("zfill", m_zfill),
    ("removeprefix", m_removeprefix),
    ("removesuffix", m_removesuffix),
    ("expandtabs", m_expandtabs),
    ("hex", m_hex),
    ("decode", m_decode),
    ("translate", m_translate),
];

/// The methods of `bytes`.
pub fn bytes_methods() -> Vec<(&'static str, crate::object::BuiltinFn)> {
    let mut m = COMMON.to_vec();
    m.extend_from_slice(DUNDERS);
    m.push(("__getnewargs__", m_getnewargs));
    m.push(("__hash__", d_hash));
    m.push(("__bytes__", d_bytes));
    m
}

/// The methods of `bytearray`.
pub fn bytearray_methods() -> Vec<(&'static str, crate::object::BuiltinFn)> {
    let mut m = COMMON.to_vec();
    m.extend_from_slice(DUNDERS);
    m.extend_from_slice(&[
        ("__setitem__", d_setitem as crate::object::BuiltinFn),
        ("__delitem__", d_delitem),
        ("__iadd__", d_iadd),
        ("__imul__", d_imul),
        ("append", m_append as crate::object::BuiltinFn),
        ("extend", m_extend),
        ("pop", m_pop),
        ("insert", m_insert),
        ("remove", m_remove),
        ("clear", m_clear),
        ("reverse", m_reverse),
        ("copy", m_copy),
    ]);
    m
}

/// The class methods of `bytes` and `bytearray`.
pub const CLASS_METHODS: &[(&str, crate::object::BuiltinFn)] = &[("fromhex", fromhex)];

/// The static methods of `bytes` and `bytearray`.
pub const STATIC_METHODS: &[(&str, crate::object::BuiltinFn)] = &[("maketrans", maketrans)];

// ---------------------------------------------------------------------------------------
// special methods (`b.__eq__(x)`, `bytes.__len__(b)`, ...)

fn not_implemented() -> Ref {
    Ref::dup(crate::state::rt().not_implemented)
}

fn d_compare<const OPC: u32>(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__eq__")?;
    let [other] = args.exact("__eq__")?;
    if is_bytearray(v) && is_array(other) {
        return Ok(Ref::new(Value::from_bool(bytearray_buffer_compare(
            OPC, v, other,
        )?)));
    }
    if bytes_like(other).is_none() {
        return Ok(not_implemented());
    }
    crate::ops::rich_compare(OPC, v, other)
}

fn d_len(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__len__")?;
    args.none("__len__")?;
    Ok(int_from_i64(bytes_data(v).len() as i64))
}

fn d_hash(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__hash__")?;
    args.none("__hash__")?;
    Ok(int_from_i64(crate::hash::py_hash(v)?))
}

fn d_iter(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__iter__")?;
    args.none("__iter__")?;
    Ok(bytes_iter(v))
}

fn d_repr(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__repr__")?;
    args.none("__repr__")?;
    Ok(crate::str::str_from_owned(bytes_repr(v)))
}

fn d_contains(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__contains__")?;
    let [x] = args.exact("__contains__")?;
    Ok(Ref::new(Value::from_bool(bytes_contains(v, x)?)))
}

fn d_getitem(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__getitem__")?;
    let [k] = args.exact("__getitem__")?;
    bytes_getitem(v, k)
}

fn d_add(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__add__")?;
    let [other] = args.exact("__add__")?;
    if !is_buffer(other) {
        return Ok(not_implemented());
    }
    Ok(bytes_concat(v, other, false)?.unwrap_or_else(not_implemented))
}

fn d_mul(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__mul__")?;
    let [n] = args.exact("__mul__")?;
    if !crate::int::has_index(n) {
        return Ok(not_implemented());
    }
    let n = crate::int::as_ssize(n, Some(ExcKind::OverflowError))?;
    bytes_repeat(v, n, false)
}

fn d_mod(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__mod__")?;
    let [x] = args.exact("__mod__")?;
    let data = bytes_data(v).to_vec();
    Ok(same_type(v, crate::format::bytes_percent_format(&data, x)?))
}

fn d_bytes(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__bytes__")?;
    args.none("__bytes__")?;
    if is_bytes(v) {
        return Ok(Ref::dup(v));
    }
    Ok(bytes_from_vec(bytes_data(v).to_vec()))
}

fn d_rmod(v: Value, args: Args<'_>) -> R<Ref> {
    recv(v, "__rmod__")?;
    let [_] = args.exact("__rmod__")?;
    Ok(not_implemented())
}

fn d_setitem(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv_ba(v, "__setitem__")?;
    let [k, x] = args.exact("__setitem__")?;
    bytearray_setitem(v, k, x)?;
    Ok(Ref::NONE)
}

fn d_delitem(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv_ba(v, "__delitem__")?;
    let [k] = args.exact("__delitem__")?;
    bytearray_delitem(v, k)?;
    Ok(Ref::NONE)
}

fn d_iadd(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv_ba(v, "__iadd__")?;
    let [other] = args.exact("__iadd__")?;
    Ok(bytes_concat(v, other, true)?.unwrap_or_else(not_implemented))
}

fn d_imul(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv_ba(v, "__imul__")?;
    let [n] = args.exact("__imul__")?;
    if !crate::int::has_index(n) {
        return Ok(not_implemented());
    }
    let n = crate::int::as_ssize(n, Some(ExcKind::OverflowError))?;
    bytes_repeat(v, n, true)
}

/// The special methods `bytes` and `bytearray` share.
const DUNDERS: &[(&str, crate::object::BuiltinFn)] = &[
    ("__eq__", d_compare::<{ crate::ops::cmp::EQ }>),
    ("__ne__", d_compare::<{ crate::ops::cmp::NE }>),
    ("__lt__", d_compare::<{ crate::ops::cmp::LT }>),
    ("__le__", d_compare::<{ crate::ops::cmp::LE }>),
    ("__gt__", d_compare::<{ crate::ops::cmp::GT }>),
    ("__ge__", d_compare::<{ crate::ops::cmp::GE }>),
    ("__len__", d_len),
    ("__iter__", d_iter),
    ("__repr__", d_repr),
    ("__str__", d_repr),
    ("__contains__", d_contains),
    ("__getitem__", d_getitem),
    ("__add__", d_add),
    ("__mul__", d_mul),
    ("__rmul__", d_mul),
    ("__mod__", d_mod),
    ("__rmod__", d_rmod),
];

// ---------------------------------------------------------------------------------------
// int.to_bytes / int.from_bytes

fn byteorder_arg(v: Option<Value>) -> R<bool> {
    let Some(v) = v else {
        return Ok(false);
    };
    match crate::str::str_opt(v) {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => value_error("byteorder must be either 'little' or 'big'"),
        None => type_error(format!(
            "to_bytes() argument 'byteorder' must be str, not {}",
            crate::class::arg_type_name(v)
        )),
    }
}

/// `n.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(recv: Value, args: Args<'_>) -> R<Ref> {
    let [length, order, signed] = args.bind("to_bytes", &["length", "byteorder", "signed"], 0)?;
    let n = crate::class::unwrap_value(recv);
    let Some(iv) = int_view(n) else {
        return type_error("descriptor 'to_bytes' requires an 'int' object");
    };
    let big = iv.to_big();
    let length = match length {
        Some(l) => crate::int::index_i64(l)?,
        None => 1,
    };
    if length < 0 {
        return value_error("length argument must be non-negative");
    }
    let little = byteorder_arg(order)?;
    let signed = match signed {
        Some(s) => crate::ops::is_true(s)?,
        None => false,
    };
    if !signed && big.sign() == num_bigint::Sign::Minus {
        return crate::exceptions::overflow_error("can't convert negative int to unsigned");
    }
    let mut le = if signed {
        big.to_signed_bytes_le()
    } else {
        big.to_bytes_le().1
    };
    // `0` is one zero byte; a zero-length result is fine for it.
    if big == num_bigint::BigInt::from(0) {
        le.clear();
    }
    if le.len() as u64 > length as u64 {
        return crate::exceptions::overflow_error("int too big to convert");
    }
    let length = crate::int::size_of_count(length)?;
    let extra = length - le.len();
    crate::int::try_reserve(&mut le, extra)?;
    let fill = if signed && big.sign() == num_bigint::Sign::Minus {
        0xff
    } else {
        0
    };
    le.resize(length, fill);
    if !little {
        le.reverse();
    }
    Ok(bytes_from_vec(le))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a class method).
fn int_from_bytes(cls: Value, args: Args<'_>) -> R<Ref> {
    let [source, order, signed] = args.bind("from_bytes", &["bytes", "byteorder", "signed"], 1)?;
    let source = source.unwrap_or(Value::NONE);
    let data = match buffer_of(source)? {
        Some(d) => d.into_owned(),
        None if is_kind(source, Kind::Instance) => construct_from_bytes_dunder(source)?,
        None => bytes_from_source(source, "bytes")?,
    };
    let little = byteorder_arg(order)?;
    let signed = match signed {
        Some(s) => crate::ops::is_true(s)?,
        None => false,
    };
    let n = match (little, signed) {
        (true, true) => num_bigint::BigInt::from_signed_bytes_le(&data),
        (true, false) => num_bigint::BigInt::from_bytes_le(num_bigint::Sign::Plus, &data),
        (false, true) => num_bigint::BigInt::from_signed_bytes_be(&data),
        (false, false) => num_bigint::BigInt::from_bytes_be(num_bigint::Sign::Plus, &data),
    };
    let n = crate::int::int_from_big(n);
    if cls == crate::state::rt().t.int {
        return Ok(n);
    }
    crate::call::call(cls, Args::positional(&[n.v()]))
}

fn construct_from_bytes_dunder(source: Value) -> R<Vec<u8>> {
    construct("bytes", Args::positional(&[source]))
}

/// The methods `int` gets from this module.
pub const INT_METHODS: &[(&str, crate::object::BuiltinFn)] = &[("to_bytes", int_to_bytes)];

/// The class methods `int` gets from this module.
pub const INT_CLASS_METHODS: &[(&str, crate::object::BuiltinFn)] =
    &[("from_bytes", int_from_bytes)];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_quotes_and_escapes_like_cpython() {
        assert_eq!(bytes_literal(b"ab"), "b'ab'");
        assert_eq!(bytes_literal(b"'"), "b\"'\"");
        assert_eq!(bytes_literal(b"'\""), "b'\\'\"'");
        assert_eq!(
            bytes_literal(b"\\\t\n\r\x00\x7f\x80\xff"),
            "b'\\\\\\t\\n\\r\\x00\\x7f\\x80\\xff'"
        );
    }
}
