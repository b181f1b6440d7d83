//! `memoryview`: a view of the bytes of a `bytes` or `bytearray` (or of another view),
//! with CPython 3.11's shapes, strides, formats, casts, comparisons, hashing, release and
//! error messages.
//!
//! A view never copies: it keeps its exporting object (`obj`) and reads and writes that
//! object's bytes at `start + sum(index[d] * strides[d])` for every item (strides in bytes,
//! possibly negative after a slice with a negative step). Slicing and `cast` make new views
//! of the same object. A view of a `bytearray` counts as one *export* of it
//! ([`crate::bytes::BytesData::exports`]) until it is released (`release()`, the end of a
//! `with` block) or freed; while a bytearray has exports, every operation that would change
//! its length raises CPython's `BufferError` ([`crate::bytes::check_resize`]).
//!
//! Items are the native C types of the `struct` module's `@` formats on the target (the
//! sizes `struct.calcsize` gives), packed in native byte order. The rules and messages are
//! facts observed on CPython 3.11 (`Objects/memoryobject.c`'s behaviour); the code is
//! molt's own.

use std::cell::Cell;

use crate::bytes::{bytearray_vec, bytes_data, bytes_from_vec, is_bytearray, is_bytes};
use crate::exceptions::{
    ExcKind, R, Raised, index_error, pending_is, raise, take_pending, type_error, value_error,
};
use crate::int::{int_from_i64, int_from_i128};
use crate::object::{Args, IterType, Kind, Ref, alloc_ref, incref, is_kind, payload};
use crate::value::Value;

/// The payload of a `memoryview`.
pub struct MemData {
    /// The exporting `bytes` or `bytearray` (one reference), `Value::NONE` once released.
    obj: Cell<Value>,
    /// Byte offset in `obj`'s data of the first item (all indices 0).
    start: usize,
    /// Bytes per item.
    itemsize: usize,
    /// The format as given (`"B"`, `"@i"`, ...).
    format: Box<str>,
    /// The format's code (`b'B'`, `b'i'`, ...).
    code: u8,
    /// Whether writes are refused.
    readonly: bool,
    /// Items per dimension (empty for a 0-dimensional view).
    shape: Box<[i64]>,
    /// Bytes between consecutive items per dimension.
    strides: Box<[i64]>,
    /// The hash once computed (CPython caches it, and a released view keeps it).
    hash: Cell<Option<i64>>,
}

/// Whether `v` is a `memoryview`.
#[inline]
pub fn is_memoryview(v: Value) -> bool {
    is_kind(v, Kind::MemoryView)
}

fn data_of<'a>(v: Value) -> &'a MemData {
    // SAFETY: callers check the kind.
    unsafe { payload::<MemData>(v) }
}

const RELEASED: &str = "operation forbidden on released memoryview object";

/// The view of `v` unless it was released (`ValueError` then).
fn live<'a>(v: Value) -> R<&'a MemData> {
    let m = data_of(v);
    if m.obj.get().is_none() {
        return value_error(RELEASED);
    }
    Ok(m)
}

/// `(size, alignment)`-free size of a native format code, `None` for codes a memoryview
/// does not take.
fn code_size(c: u8) -> Option<usize> {
    use std::ffi::{c_int, c_long, c_longlong, c_short};
    use std::mem::size_of;
    Some(match c {
        b'c' | b'b' | b'B' | b'?' => 1,
        b'h' | b'H' => size_of::<c_short>(),
        b'i' | b'I' => size_of::<c_int>(),
        b'l' | b'L' => size_of::<c_long>(),
        b'q' | b'Q' => size_of::<c_longlong>(),
        b'n' | b'N' => size_of::<usize>(),
        b'P' => size_of::<*const u8>(),
        b'f' => 4,
        b'd' => 8,
        _ => return None,
    })
}

/// The code of a native single-character format (`"B"` or `"@B"`), else `None`.
fn native_code(fmt: &str) -> Option<u8> {
    let f = fmt.strip_prefix('@').unwrap_or(fmt).as_bytes();
    if f.len() == 1 && code_size(f[0]).is_some() {
        Some(f[0])
    } else {
        None
    }
}

fn is_byte_code(c: u8) -> bool {
    matches!(c, b'b' | b'B' | b'c')
}

impl MemData {
    fn nitems(&self) -> i64 {
        self.shape.iter().product()
    }

    fn nbytes(&self) -> i64 {
        self.nitems() * self.itemsize as i64
    }

    fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// CPython's `PyBuffer_IsContiguous(view, 'C')`.
    fn c_contiguous(&self) -> bool {
        if self.nitems() == 0 {
            return true;
        }
        let mut sd = self.itemsize as i64;
        for d in (0..self.ndim()).rev() {
            if self.shape[d] > 1 && self.strides[d] != sd {
                return false;
            }
            sd *= self.shape[d];
        }
        true
    }

    /// CPython's `PyBuffer_IsContiguous(view, 'F')`.
    fn f_contiguous(&self) -> bool {
        if self.nitems() == 0 {
            return true;
        }
        let mut sd = self.itemsize as i64;
        for d in 0..self.ndim() {
            if self.shape[d] > 1 && self.strides[d] != sd {
                return false;
            }
            sd *= self.shape[d];
        }
        true
    }

    /// The exporter's bytes (the view is live).
    fn buf<'a>(&self) -> &'a [u8] {
        bytes_data(self.obj.get())
    }

    /// The byte offsets of every item, in C (row-major) or Fortran order.
    fn offsets(&self, fortran: bool) -> Vec<usize> {
        let n = self.nitems().max(0) as usize;
        let mut out = Vec::with_capacity(n);
        if n == 0 {
            return out;
        }
        let nd = self.ndim();
        let mut idx = vec![0i64; nd];
        loop {
            let mut off = self.start as i64;
            for d in 0..nd {
                off += idx[d] * self.strides[d];
            }
            out.push(off as usize);
            // Advance the odometer: the last dimension fastest in C order, the first in
            // Fortran order.
            let mut k = 0;
            loop {
                if k == nd {
                    return out;
                }
                let d = if fortran { k } else { nd - 1 - k };
                idx[d] += 1;
                if idx[d] < self.shape[d] {
                    break;
                }
                idx[d] = 0;
                k += 1;
            }
        }
    }

    /// The bytes of the items in C order (CPython's `tobytes()`).
    fn to_vec(&self, fortran: bool) -> Vec<u8> {
        let buf = self.buf();
        if !fortran && self.c_contiguous() {
            let n = self.nbytes() as usize;
            return buf[self.start..self.start + n].to_vec();
        }
        let mut out = Vec::with_capacity(self.nbytes() as usize);
        for off in self.offsets(fortran) {
            out.extend_from_slice(&buf[off..off + self.itemsize]);
        }
        out
    }
}

/// Allocates a view of `obj` (counting an export of a bytearray).
#[allow(clippy::too_many_arguments)]
fn new_view(
    obj: Value,
    start: usize,
    itemsize: usize,
    format: Box<str>,
    code: u8,
    readonly: bool,
    shape: Box<[i64]>,
    strides: Box<[i64]>,
) -> Ref {
    if is_bytearray(obj) {
        crate::bytes::add_export(obj, 1);
    }
    alloc_ref(
        Kind::MemoryView,
        MemData {
            obj: Cell::new(incref(obj)),
            start,
            itemsize,
            format,
            code,
            readonly,
            shape,
            strides,
            hash: Cell::new(None),
        },
    )
}

/// A new view like `m` with another start, shape and strides.
fn derived(m: &MemData, start: usize, shape: Box<[i64]>, strides: Box<[i64]>) -> Ref {
    new_view(
        m.obj.get(),
        start,
        m.itemsize,
        m.format.clone(),
        m.code,
        m.readonly,
        shape,
        strides,
    )
}

/// Ends the view's export (`release()`, or freeing): drops its reference to the exporter.
fn release_view(m: &MemData) {
    let obj = m.obj.replace(Value::NONE);
    if obj.is_none() {
        return;
    }
    if is_bytearray(obj) {
        crate::bytes::add_export(obj, -1);
    }
    crate::object::decref(obj);
}

/// Frees a view's payload: [`crate::object`]'s deallocation of `Kind::MemoryView`.
///
/// # Safety
/// `p` is a memoryview object whose reference count reached zero.
pub unsafe fn free(p: *mut crate::object::ObjHeader) {
    // SAFETY: the caller passes a memoryview allocated by `alloc_ref`.
    let obj = unsafe { Box::from_raw(p as *mut crate::object::Obj<MemData>) };
    release_view(&obj.data);
}

/// `memoryview(object)`: a view of a `bytes`, `bytearray` or `memoryview`.
pub fn memoryview_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    let [object] = args.clinic("memoryview", &["object"], 0, 1, 1)?;
    let object = object.unwrap_or(Value::NONE);
    if is_memoryview(object) {
        let m = live(object)?;
        return Ok(derived(m, m.start, m.shape.clone(), m.strides.clone()));
    }
    if is_bytes(object) || is_bytearray(object) {
        let n = bytes_data(object).len() as i64;
        return Ok(new_view(
            object,
            0,
            1,
            "B".into(),
            b'B',
            is_bytes(object),
            Box::new([n]),
            Box::new([1]),
        ));
    }
    if crate::bytes::is_array(object) {
        return raise(
            ExcKind::NotImplementedError,
            "molt: memoryview of an array.array is not supported yet",
        );
    }
    type_error(format!(
        "memoryview: a bytes-like object is required, not '{}'",
        crate::class::type_name(object)
    ))
}

/// The bytes a C-contiguous, live view shows (a borrow of its exporter's data), for the
/// consumers that take a simple buffer: `None` for a view that is not C-contiguous or
/// was released (those consumers raise their own `TypeError`s then, as CPython's replace
/// the buffer request's error; the others call [`require_contiguous`] first).
pub fn contiguous_bytes<'a>(v: Value) -> Option<&'a [u8]> {
    let m = data_of(v);
    if m.obj.get().is_none() || !m.c_contiguous() {
        return None;
    }
    let n = m.nbytes() as usize;
    Some(&m.buf()[m.start..m.start + n])
}

/// `BufferError: memoryview: underlying buffer is not C-contiguous` for a view that is
/// not, `ValueError` for a released view: the errors of a simple buffer request, for the
/// consumers that let them through (the `bytes` search methods, `in`, `struct`).
pub fn require_contiguous(v: Value) -> R<()> {
    if is_memoryview(v) && !live(v)?.c_contiguous() {
        return raise(
            ExcKind::BufferError,
            "memoryview: underlying buffer is not C-contiguous",
        );
    }
    Ok(())
}

/// Whether view `v` is writable (false for a released view).
pub fn is_writable(v: Value) -> bool {
    let m = data_of(v);
    !m.obj.get().is_none() && !m.readonly
}

/// Replaces the bytes of the writable, C-contiguous view `v` by `data` (as long as the
/// view): a write through CPython's writable simple buffer (`struct.pack_into`).
pub fn write_contiguous(v: Value, data: &[u8]) -> R<()> {
    let m = live(v)?;
    if m.readonly || !m.c_contiguous() || m.nbytes() as usize != data.len() {
        return raise(ExcKind::SystemError, "molt: bad write through a memoryview");
    }
    bytearray_vec(m.obj.get())[m.start..m.start + data.len()].copy_from_slice(data);
    Ok(())
}

/// The bytes of the view's items in C order, copied (what `bytes(mv)` takes).
pub fn view_bytes(v: Value) -> R<Vec<u8>> {
    Ok(live(v)?.to_vec(false))
}

// ---------------------------------------------------------------------------------------
// items

/// The value of the item at byte offset `off` (CPython's `unpack_single`).
fn unpack(m: &MemData, off: usize) -> Ref {
    let item = &m.buf()[off..off + m.itemsize];
    let mut le = [0u8; 16];
    if cfg!(target_endian = "little") {
        le[..m.itemsize].copy_from_slice(item);
    } else {
        for (o, b) in le.iter_mut().zip(item.iter().rev()) {
            *o = *b;
        }
    }
    let raw = u128::from_le_bytes(le);
    match m.code {
        b'c' => bytes_from_vec(item.to_vec()),
        b'?' => Ref::new(Value::from_bool(raw != 0)),
        b'f' => Ref::new(Value::from_f64(f64::from(f32::from_bits(raw as u32)))),
        b'd' => Ref::new(Value::from_f64(f64::from_bits(raw as u64))),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            let bits = 8 * m.itemsize as u32;
            int_from_i128(((raw << (128 - bits)) as i128) >> (128 - bits))
        }
        _ => int_from_i128(raw as i128),
    }
}

fn invalid_type<T>(m: &MemData) -> R<T> {
    type_error(format!(
        "memoryview: invalid type for format '{}'",
        m.format
    ))
}

fn invalid_value<T>(m: &MemData) -> R<T> {
    value_error(format!(
        "memoryview: invalid value for format '{}'",
        m.format
    ))
}

/// The bytes of `x` as an item of `m`'s format (CPython's `pack_single`, with its
/// messages: a `TypeError` for a value of the wrong type, a `ValueError` for one out of
/// range).
fn pack(m: &MemData, x: Value) -> R<Vec<u8>> {
    let size = m.itemsize;
    let bytes_of = |raw: u128| -> Vec<u8> {
        let le = raw.to_le_bytes();
        let mut out = le[..size].to_vec();
        if cfg!(target_endian = "big") {
            out.reverse();
        }
        out
    };
    match m.code {
        b'c' => {
            if !is_bytes(x) {
                return invalid_type(m);
            }
            let d = bytes_data(x);
            if d.len() != 1 {
                return invalid_value(m);
            }
            Ok(d.to_vec())
        }
        b'?' => Ok(vec![u8::from(crate::ops::is_true(x)?)]),
        b'f' | b'd' => {
            let d = match crate::modules::arg_f64(x) {
                Ok(d) => d,
                Err(e) => return fix_error(m, e),
            };
            Ok(if m.code == b'f' {
                bytes_of(u128::from((d as f32).to_bits()))
            } else {
                bytes_of(u128::from(d.to_bits()))
            })
        }
        c => {
            let i = match crate::int::index_value(x) {
                Ok(i) => i,
                Err(e) => return fix_error(m, e),
            };
            let Some(iv) = crate::int::int_view(i.v()) else {
                return invalid_type(m);
            };
            let big = iv.to_big();
            let bits = 8 * size as u32;
            let signed = matches!(c, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            use num_traits::ToPrimitive;
            let Some(x) = big.to_i128() else {
                return invalid_value(m);
            };
            let ok = if signed {
                let lim = 1i128 << (bits - 1);
                (-lim..lim).contains(&x)
            } else {
                x >= 0 && (bits == 128 || x < (1i128 << bits))
            };
            if !ok {
                return invalid_value(m);
            }
            Ok(bytes_of(x as u128))
        }
    }
}

/// CPython's `fix_error_int`: a `TypeError` from converting an item becomes `invalid
/// type`, a `ValueError` or `OverflowError` `invalid value`; others pass.
fn fix_error<T>(m: &MemData, e: Raised) -> R<T> {
    if pending_is(ExcKind::TypeError) {
        drop(take_pending());
        return invalid_type(m);
    }
    if pending_is(ExcKind::ValueError) || pending_is(ExcKind::OverflowError) {
        drop(take_pending());
        return invalid_value(m);
    }
    Err(e)
}

/// The byte offset of item `i` of dimension `d` from `base` (`IndexError` out of range).
fn offset_at(m: &MemData, base: i64, d: usize, i: i64) -> R<i64> {
    let n = m.shape[d];
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return index_error(format!("index out of bounds on dimension {}", d + 1));
    }
    Ok(base + j * m.strides[d])
}

/// An index key as CPython's `PyNumber_AsSsize_t(key, IndexError)`.
fn index_key(k: Value) -> R<i64> {
    crate::int::as_ssize(k, Some(ExcKind::IndexError))
}

fn is_index(k: Value) -> bool {
    crate::int::has_index(k)
}

/// The byte offset a tuple of indices names (`Ok(None)` when the tuple holds something
/// else than indices): `NotImplementedError` for fewer indices than dimensions (a
/// sub-view), `TypeError` for more.
fn tuple_offset(m: &MemData, items: &[Value]) -> R<Option<i64>> {
    if !items.iter().all(|k| is_index(*k)) {
        return Ok(None);
    }
    if items.len() < m.ndim() {
        return raise(
            ExcKind::NotImplementedError,
            "sub-views are not implemented",
        );
    }
    if items.len() > m.ndim() {
        return type_error(format!(
            "cannot index {}-dimension view with {}-element tuple",
            m.ndim(),
            items.len()
        ));
    }
    let mut off = m.start as i64;
    for (d, k) in items.iter().enumerate() {
        off = offset_at(m, off, d, index_key(*k)?)?;
    }
    Ok(Some(off))
}

fn is_multislice(items: &[Value]) -> bool {
    !items.is_empty() && items.iter().all(|k| is_kind(*k, Kind::Slice))
}

/// `mv[key]`.
pub fn getitem(v: Value, k: Value) -> R<Ref> {
    let m = live(v)?;
    if m.ndim() == 0 {
        if crate::tuple::is_tuple(k) && crate::tuple::tuple_items(k).is_empty() {
            return Ok(unpack(m, m.start));
        }
        if is_kind(k, Kind::Ellipsis) {
            return Ok(Ref::dup(v));
        }
        return type_error("invalid indexing of 0-dim memory");
    }
    if is_index(k) {
        if m.ndim() != 1 {
            return raise(
                ExcKind::NotImplementedError,
                "multi-dimensional sub-views are not implemented",
            );
        }
        let i = index_key(k)?;
        let off = offset_at(m, m.start as i64, 0, i)?;
        return Ok(unpack(m, off as usize));
    }
    if is_kind(k, Kind::Slice) {
        let (lo, hi, step) = crate::ops::slice_indices_of(k, m.shape[0])?;
        let n = crate::ops::slice_len(lo, hi, step) as i64;
        let mut shape = m.shape.clone();
        let mut strides = m.strides.clone();
        shape[0] = n;
        strides[0] = m.strides[0] * step;
        let start = if n > 0 {
            (m.start as i64 + lo * m.strides[0]) as usize
        } else {
            m.start
        };
        return Ok(derived(m, start, shape, strides));
    }
    if crate::tuple::is_tuple(k) {
        let items = crate::tuple::tuple_items(k);
        match tuple_offset(m, items)? {
            Some(off) => return Ok(unpack(m, off as usize)),
            None if is_multislice(items) => {
                return raise(
                    ExcKind::NotImplementedError,
                    "multi-dimensional slicing is not implemented",
                );
            }
            None => {}
        }
    }
    type_error("memoryview: invalid slice key")
}

/// `mv[key] = x`.
pub fn setitem(v: Value, k: Value, x: Value) -> R<()> {
    let m = live(v)?;
    if m.readonly {
        return type_error("cannot modify read-only memory");
    }
    let write = |off: usize, bytes: &[u8]| {
        bytearray_vec(m.obj.get())[off..off + bytes.len()].copy_from_slice(bytes);
    };
    if m.ndim() == 0 {
        if is_kind(k, Kind::Ellipsis)
            || (crate::tuple::is_tuple(k) && crate::tuple::tuple_items(k).is_empty())
        {
            let b = pack(m, x)?;
            write(m.start, &b);
            return Ok(());
        }
        return type_error("invalid indexing of 0-dim memory");
    }
    if is_index(k) {
        if m.ndim() > 1 {
            return raise(
                ExcKind::NotImplementedError,
                "sub-views are not implemented",
            );
        }
        let i = index_key(k)?;
        let off = offset_at(m, m.start as i64, 0, i)? as usize;
        let b = pack(m, x)?;
        // Packing may run Python code (`__index__`): the view may be released by then.
        live(v)?;
        write(off, &b);
        return Ok(());
    }
    if is_kind(k, Kind::Slice) && m.ndim() == 1 {
        let (src_fmt, src_shape, src) = source_items(x)?;
        let (lo, hi, step) = crate::ops::slice_indices_of(k, m.shape[0])?;
        let n = crate::ops::slice_len(lo, hi, step) as i64;
        let same_format = src_fmt.as_ref() == &*m.format;
        if !same_format || src_shape.len() != 1 || src_shape[0] != n {
            return value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            );
        }
        let live_m = live(v)?;
        for (j, chunk) in src.chunks(live_m.itemsize).enumerate() {
            let off = live_m.start as i64 + (lo + j as i64 * step) * live_m.strides[0];
            write(off as usize, chunk);
        }
        return Ok(());
    }
    if crate::tuple::is_tuple(k) {
        let items = crate::tuple::tuple_items(k);
        if items.iter().all(|i| is_index(*i)) {
            if let Some(off) = tuple_offset(m, items)? {
                let b = pack(m, x)?;
                live(v)?;
                write(off as usize, &b);
                return Ok(());
            }
        }
        if is_multislice(items) {
            return raise(
                ExcKind::NotImplementedError,
                "memoryview slice assignments are currently restricted to ndim = 1",
            );
        }
    }
    if is_kind(k, Kind::Slice) {
        return raise(
            ExcKind::NotImplementedError,
            "memoryview slice assignments are currently restricted to ndim = 1",
        );
    }
    type_error("memoryview: invalid slice key")
}

/// The format, shape and bytes (C order) of the buffer `x` assigned to a slice of a view
/// (`TypeError` for an object without a buffer).
fn source_items(x: Value) -> R<(Box<str>, Box<[i64]>, Vec<u8>)> {
    if is_memoryview(x) {
        let s = live(x)?;
        return Ok((s.format.clone(), s.shape.clone(), s.to_vec(false)));
    }
    if is_bytes(x) || is_bytearray(x) {
        let d = bytes_data(x).to_vec();
        return Ok(("B".into(), Box::new([d.len() as i64]), d));
    }
    if crate::bytes::is_array(x) {
        return raise(
            ExcKind::NotImplementedError,
            "molt: assigning an array.array to a memoryview slice is not supported yet",
        );
    }
    type_error(format!(
        "a bytes-like object is required, not '{}'",
        crate::class::type_name(x)
    ))
}

/// `del mv[key]`: never allowed.
pub fn delitem(v: Value, _k: Value) -> R<()> {
    let m = live(v)?;
    if m.readonly {
        return type_error("cannot modify read-only memory");
    }
    type_error("cannot delete memory")
}

/// `len(mv)` (1 for a 0-dimensional view, as CPython's).
pub fn len(v: Value) -> R<i64> {
    let m = live(v)?;
    Ok(m.shape.first().copied().unwrap_or(1))
}

/// `iter(mv)`: the items of a 1-dimensional view (a `memory_iterator`; a view released
/// meanwhile raises at the next step).
pub fn iter(v: Value) -> R<Ref> {
    let m = live(v)?;
    if m.ndim() == 0 {
        return type_error("invalid indexing of 0-dim memory");
    }
    if m.ndim() != 1 {
        return raise(
            ExcKind::NotImplementedError,
            "multi-dimensional sub-views are not implemented",
        );
    }
    let owner = Ref::dup(v);
    let n = m.shape[0];
    let mut i = 0i64;
    Ok(crate::iter::native_iter(
        IterType::MemoryIterator,
        move || {
            if i >= n {
                return Ok(None);
            }
            let m = live(owner.v())?;
            let off = m.start as i64 + i * m.strides[0];
            i += 1;
            Ok(Some(unpack(m, off as usize)))
        },
    ))
}

/// `repr(mv)`: `<memory at 0x...>`, `<released memory at 0x...>`.
pub fn repr(v: Value) -> String {
    let released = if data_of(v).obj.get().is_none() {
        "released "
    } else {
        ""
    };
    format!("<{released}memory at {:#x}>", v.as_ptr() as usize)
}

/// `hash(mv)`: the hash of its bytes, for a read-only view of a byte format whose
/// exporter is hashable; CPython's `ValueError`s otherwise.
pub fn hash(v: Value) -> R<i64> {
    let m = data_of(v);
    if let Some(h) = m.hash.get() {
        return Ok(h);
    }
    let m = live(v)?;
    if !m.readonly {
        return value_error("cannot hash writable memoryview object");
    }
    if !is_byte_code(m.code) {
        return value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    }
    crate::hash::py_hash(m.obj.get())?;
    let d = m.to_vec(false);
    let h = if d.is_empty() {
        0
    } else {
        crate::hash::hash_bytes(&d)
    };
    m.hash.set(Some(h));
    Ok(h)
}

/// The items of a live view in C order, unpacked.
fn items_of(m: &MemData) -> Vec<Ref> {
    m.offsets(false).into_iter().map(|o| unpack(m, o)).collect()
}

/// `a == b` where `a` is a memoryview: `None` when `b` has no buffer (`NotImplemented`).
/// Views compare by shape and item values (each unpacked with its own format; no
/// identity shortcut, so a view holding a NaN is not equal to itself), a released view
/// equals only itself.
pub fn equal(a: Value, b: Value) -> R<Option<bool>> {
    let ma = data_of(a);
    if ma.obj.get().is_none() {
        return Ok(Some(a == b));
    }
    let (fb, shape_b, items_b): (Box<str>, Box<[i64]>, Vec<Ref>) = if is_memoryview(b) {
        let mb = data_of(b);
        if mb.obj.get().is_none() {
            return Ok(Some(false));
        }
        (mb.format.clone(), mb.shape.clone(), items_of(mb))
    } else if is_bytes(b) || is_bytearray(b) {
        let d = bytes_data(b);
        (
            "B".into(),
            Box::new([d.len() as i64]),
            d.iter().map(|x| int_from_i64(i64::from(*x))).collect(),
        )
    } else if crate::bytes::is_array(b) {
        return raise(
            ExcKind::NotImplementedError,
            "molt: comparing a memoryview with an array.array is not supported yet",
        );
    } else {
        return Ok(None);
    };
    let _ = fb;
    if ma.ndim() != shape_b.len() {
        return Ok(Some(false));
    }
    for (x, y) in ma.shape.iter().zip(shape_b.iter()) {
        if x != y {
            return Ok(Some(false));
        }
        if *x == 0 {
            break;
        }
    }
    let items_a = items_of(ma);
    for (x, y) in items_a.iter().zip(items_b.iter()) {
        let eq = match crate::ops::native_eq(x.v(), y.v()) {
            Some(e) => e,
            None => crate::ops::py_eq_bool(x.v(), y.v())?,
        };
        if !eq {
            return Ok(Some(false));
        }
    }
    Ok(Some(true))
}

/// `bool(mv)`: its length is not 0.
pub fn truth(v: Value) -> R<bool> {
    Ok(len(v)? != 0)
}

// ---------------------------------------------------------------------------------------
// attributes and methods

fn tuple_of(xs: &[i64]) -> Ref {
    crate::tuple::tuple_from_vec(xs.iter().map(|x| int_from_i64(*x)).collect())
}

/// Whether `name` is one of the (read-only) data attributes of a view.
pub fn is_data_attr(name: &str) -> bool {
    matches!(
        name,
        "obj"
            | "nbytes"
            | "readonly"
            | "itemsize"
            | "format"
            | "ndim"
            | "shape"
            | "strides"
            | "suboffsets"
            | "c_contiguous"
            | "f_contiguous"
            | "contiguous"
    )
}

/// CPython's `AttributeError` for assigning or deleting data attribute `name` of a view.
pub fn not_writable<T>(name: &str) -> R<T> {
    raise(
        ExcKind::AttributeError,
        format!("attribute '{name}' of 'memoryview' objects is not writable"),
    )
}

/// The data attributes of a view (`obj`, `nbytes`, `shape`, ...); `Ok(None)` for other
/// names.
pub fn getattr(v: Value, name: &str) -> R<Option<Ref>> {
    if !is_data_attr(name) {
        return Ok(None);
    }
    let m = live(v)?;
    Ok(Some(match name {
        "obj" => Ref::dup(m.obj.get()),
        "nbytes" => int_from_i64(m.nbytes()),
        "readonly" => Ref::new(Value::from_bool(m.readonly)),
        "itemsize" => int_from_i64(m.itemsize as i64),
        "format" => crate::str::str_from(&m.format),
        "ndim" => int_from_i64(m.ndim() as i64),
        "shape" => tuple_of(&m.shape),
        "strides" => tuple_of(&m.strides),
        "suboffsets" => tuple_of(&[]),
        "c_contiguous" => Ref::new(Value::from_bool(m.c_contiguous())),
        "f_contiguous" => Ref::new(Value::from_bool(m.f_contiguous())),
        _ => Ref::new(Value::from_bool(m.c_contiguous() || m.f_contiguous())),
    }))
}

fn recv(v: Value, name: &str) -> R<Value> {
    if is_memoryview(v) {
        Ok(v)
    } else {
        type_error(format!(
            "descriptor '{name}' for 'memoryview' objects doesn't apply to a '{}' object",
            crate::class::type_name(v)
        ))
    }
}

fn m_release(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "release")?;
    args.none("release")?;
    release_view(data_of(v));
    Ok(Ref::NONE)
}

fn m_enter(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__enter__")?;
    args.none("__enter__")?;
    live(v)?;
    Ok(Ref::dup(v))
}

fn m_exit(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__exit__")?;
    args.no_kw("__exit__")?;
    release_view(data_of(v));
    Ok(Ref::NONE)
}

fn m_tobytes(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "tobytes")?;
    let [order] = args.clinic("tobytes", &["order"], 0, 0, 1)?;
    let m = live(v)?;
    let fortran = match order {
        None => false,
        Some(o) if o.is_none() => false,
        Some(o) => {
            let Some(s) = crate::str::str_opt(o) else {
                return type_error(format!(
                    "tobytes() argument 'order' must be str or None, not {}",
                    crate::class::type_name(o)
                ));
            };
            match s {
                "C" => false,
                "F" => true,
                "A" => !m.c_contiguous() && m.f_contiguous(),
                _ => return value_error("order must be 'C', 'F' or 'A'"),
            }
        }
    };
    Ok(bytes_from_vec(m.to_vec(fortran)))
}

fn m_tolist(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "tolist")?;
    args.none("tolist")?;
    let m = live(v)?;
    if m.ndim() == 0 {
        return Ok(unpack(m, m.start));
    }
    fn level(m: &MemData, d: usize, base: i64) -> Ref {
        let n = m.shape[d].max(0);
        let mut out = Vec::with_capacity(n as usize);
        for i in 0..n {
            let off = base + i * m.strides[d];
            out.push(if d + 1 == m.ndim() {
                unpack(m, off as usize)
            } else {
                level(m, d + 1, off)
            });
        }
        crate::list::list_from_vec(out)
    }
    Ok(level(m, 0, m.start as i64))
}

fn m_hex(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "hex")?;
    let [sep, per] = args.bind("hex", &["sep", "bytes_per_sep"], 0)?;
    let d = live(v)?.to_vec(false);
    crate::bytes::hex_text(&d, sep, per)
}

fn m_toreadonly(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "toreadonly")?;
    args.none("toreadonly")?;
    let m = live(v)?;
    Ok(new_view(
        m.obj.get(),
        m.start,
        m.itemsize,
        m.format.clone(),
        m.code,
        true,
        m.shape.clone(),
        m.strides.clone(),
    ))
}

fn m_cast(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "cast")?;
    let [format, shape] = args.clinic("cast", &["format", "shape"], 0, 1, 2)?;
    let format = format.unwrap_or(Value::NONE);
    let Some(fmt) = crate::str::str_opt(format) else {
        return type_error(format!(
            "cast() argument 'format' must be str, not {}",
            crate::class::arg_type_name(format)
        ));
    };
    let m = live(v)?;
    if !m.c_contiguous() {
        return type_error("memoryview: casts are restricted to C-contiguous views");
    }
    if (shape.is_some() || m.ndim() != 1) && m.shape.contains(&0) {
        return type_error("memoryview: cannot cast view with zeros in shape or strides");
    }
    let dims: Option<Vec<Value>> = match shape {
        None => None,
        Some(s) => {
            if crate::tuple::is_tuple(s) {
                Some(crate::tuple::tuple_items(s).to_vec())
            } else if is_kind(s, Kind::List) {
                Some(crate::list::list_vec(s).to_vec())
            } else {
                return type_error("shape must be a list or a tuple");
            }
        }
    };
    if let Some(d) = &dims {
        if d.len() > 64 {
            return value_error("memoryview: number of dimensions must not exceed 64");
        }
        if m.ndim() != 1 && d.len() != 1 {
            return type_error("memoryview: cast must be 1D -> ND or ND -> 1D");
        }
    }
    let Some(code) = native_code(fmt) else {
        return value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        );
    };
    if !is_byte_code(m.code) && !is_byte_code(code) {
        return type_error("memoryview: cannot cast between two non-byte formats");
    }
    let itemsize = code_size(code).unwrap_or(1);
    let len = m.nbytes();
    if len % itemsize as i64 != 0 {
        return type_error("memoryview: length is not a multiple of itemsize");
    }
    let (shape, strides): (Box<[i64]>, Box<[i64]>) = match dims {
        None => (
            Box::new([len / itemsize as i64]),
            Box::new([itemsize as i64]),
        ),
        Some(d) => {
            let mut shape = Vec::with_capacity(d.len());
            let mut product: i64 = 1;
            for x in d {
                if crate::int::int_view(x).is_none() {
                    return type_error("memoryview.cast(): elements of shape must be integers");
                }
                let n = crate::int::index_i64(x)?;
                if n <= 0 {
                    return value_error(
                        "memoryview.cast(): elements of shape must be integers > 0",
                    );
                }
                let Some(p) = product.checked_mul(n) else {
                    return value_error("memoryview.cast(): product(shape) > SSIZE_MAX");
                };
                product = p;
                shape.push(n);
            }
            if product.checked_mul(itemsize as i64) != Some(len) {
                return type_error("memoryview: product(shape) * itemsize != buffer size");
            }
            let mut strides = vec![0i64; shape.len()];
            let mut sd = itemsize as i64;
            for k in (0..shape.len()).rev() {
                strides[k] = sd;
                sd *= shape[k];
            }
            (shape.into(), strides.into())
        }
    };
    Ok(new_view(
        m.obj.get(),
        m.start,
        itemsize,
        fmt.into(),
        code,
        m.readonly,
        shape,
        strides,
    ))
}

fn not_implemented() -> Ref {
    Ref::dup(crate::state::rt().not_implemented)
}

fn d_eq(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__eq__")?;
    let [o] = args.exact("expected 1 argument")?;
    Ok(match equal(v, o)? {
        Some(e) => Ref::new(Value::from_bool(e)),
        None => not_implemented(),
    })
}

fn d_ne(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__ne__")?;
    let [o] = args.exact("expected 1 argument")?;
    Ok(match equal(v, o)? {
        Some(e) => Ref::new(Value::from_bool(!e)),
        None => not_implemented(),
    })
}

fn d_order(v: Value, args: Args<'_>) -> R<Ref> {
    let _ = recv(v, "__lt__")?;
    let [_] = args.exact("expected 1 argument")?;
    Ok(not_implemented())
}

fn d_len(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__len__")?;
    args.none("__len__")?;
    Ok(int_from_i64(len(v)?))
}

fn d_getitem(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__getitem__")?;
    let [k] = args.exact("expected 1 argument")?;
    getitem(v, k)
}

fn d_setitem(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__setitem__")?;
    let [k, x] = args.exact("expected 2 arguments")?;
    setitem(v, k, x)?;
    Ok(Ref::NONE)
}

fn d_delitem(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__delitem__")?;
    let [k] = args.exact("expected 1 argument")?;
    delitem(v, k)?;
    Ok(Ref::NONE)
}

fn d_iter(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__iter__")?;
    args.none("__iter__")?;
    iter(v)
}

fn d_hash(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__hash__")?;
    args.none("__hash__")?;
    Ok(int_from_i64(hash(v)?))
}

fn d_repr(v: Value, args: Args<'_>) -> R<Ref> {
    let v = recv(v, "__repr__")?;
    args.none("__repr__")?;
    Ok(crate::str::str_from_owned(repr(v)))
}

/// The methods of `memoryview`.
pub const METHODS: &[(&str, crate::object::BuiltinFn)] = &[
    ("release", m_release),
    ("__enter__", m_enter),
    ("__exit__", m_exit),
    ("tobytes", m_tobytes),
    ("tolist", m_tolist),
    ("hex", m_hex),
    ("toreadonly", m_toreadonly),
    ("cast", m_cast),
    ("__eq__", d_eq),
    ("__ne__", d_ne),
    ("__lt__", d_order),
    ("__le__", d_order),
    ("__gt__", d_order),
    ("__ge__", d_order),
    ("__len__", d_len),
    ("__getitem__", d_getitem),
    ("__setitem__", d_setitem),
    ("__delitem__", d_delitem),
    ("__iter__", d_iter),
    ("__hash__", d_hash),
    ("__repr__", d_repr),
];
