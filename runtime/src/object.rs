//! Heap objects: the common header, the object kinds and their payloads, allocation,
//! reference counting and deallocation.
//!
//! Every heap object is an `Obj<T>`: an [`ObjHeader`] followed by the kind's payload `T`.
//! The runtime is single-threaded: payloads that Python code mutates sit in `UnsafeCell`s and
//! no reference into them is held across a call that may run Python code.

use std::cell::{Cell, UnsafeCell};

use crate::value::Value;

/// The header of every heap object (`#[repr(C)]`, 16 bytes on every target: generated code
/// reads and writes `refcount` at offset 0 as an `i64` and reads `kind` at offset 8 as a
/// `u32`, or `kind` and `flags` as one `u64`; see `molt_abi::layout`).
#[repr(C)]
pub struct ObjHeader {
    /// Reference count (an `i64` on every target, wasm32 included); objects with a count of
    /// [`IMMORTAL`] or more are never freed.
    pub refcount: Cell<i64>,
    /// What the payload is.
    pub kind: Kind,
    /// Per-kind flags (0 at allocation). Instances: [`FLAG_DICT_USED`], [`FLAG_DESLOTTED`];
    /// classes: [`FLAG_IMMUTABLE_TYPE`], `crate::class::FLAG_NO_DICT`; sets:
    /// `crate::set::FLAG_FROZEN`;
    /// generated code reads `kind` and `flags` together as one `u64` at offset 8.
    pub flags: Cell<u32>,
}

/// Instance flag: an attribute was stored in the instance dict (or the dict was exposed
/// through `__dict__`), so it may shadow a method.
pub const FLAG_DICT_USED: u32 = 1;
/// Class flag: a builtin class (`int`, `list`, `object`, the exception classes): its
/// attributes cannot be set or deleted (CPython's immutable types), so the builtin methods
/// found on it never change.
pub const FLAG_IMMUTABLE_TYPE: u32 = 4;
/// Instance flag: the values of the slots that are not members (`__slots__` names) moved to
/// the instance dict (after `__dict__` was read, or an attribute order that the slots cannot
/// keep): those slots are all unbound and no longer used.
pub const FLAG_DESLOTTED: u32 = 2;

/// Byte offset of `InstanceData::class` in an instance object (ABI: generated code reads it;
/// 16 on 64-bit targets).
pub const INSTANCE_CLASS_OFFSET: usize = std::mem::offset_of!(Obj<InstanceData>, data.class);
/// Byte offset of `InstanceData::slots` in an instance object (24 on 64-bit targets).
pub const INSTANCE_SLOTS_OFFSET: usize = std::mem::offset_of!(Obj<InstanceData>, data.slots);
/// Byte offset of `ClassData::shape` in a class object (16 on 64-bit targets).
pub const CLASS_SHAPE_OFFSET: usize = std::mem::offset_of!(Obj<ClassData>, data.shape);
/// The shape of classes whose instances have no inline-cacheable slots.
pub const SHAPE_NONE: u32 = u32::MAX;

// Generated code reads these fields at the offsets of `molt_abi::layout`, the same on every
// target (64-bit native and wasm32).
const _: () = {
    use molt_abi::layout;
    use std::mem::{align_of, offset_of, size_of};
    assert!(offset_of!(ObjHeader, refcount) == layout::HEADER_REFCOUNT_OFFSET as usize);
    assert!(offset_of!(ObjHeader, kind) == layout::HEADER_KIND_OFFSET as usize);
    assert!(offset_of!(ObjHeader, flags) == layout::HEADER_FLAGS_OFFSET as usize);
    assert!(size_of::<ObjHeader>() == layout::HEADER_SIZE as usize);
    assert!(align_of::<ObjHeader>() == 8);
    assert!(offset_of!(Obj<InstanceData>, data) == layout::HEADER_SIZE as usize);
    assert!(INSTANCE_CLASS_OFFSET == layout::INSTANCE_CLASS_OFFSET as usize);
    assert!(INSTANCE_SLOTS_OFFSET == layout::INSTANCE_SLOTS_OFFSET as usize);
    // The slots pointer is an 8-byte word: the pointer, then (on 32-bit targets) a zero
    // high half, and the next field starts after the word.
    assert!(offset_of!(Obj<InstanceData>, data.dict) == INSTANCE_SLOTS_OFFSET + 8);
    assert!(CLASS_SHAPE_OFFSET == layout::CLASS_SHAPE_OFFSET as usize);
    assert!(Kind::Instance as u32 == layout::KIND_INSTANCE);
    assert!(Kind::Iter as u32 == layout::KIND_ITER);
    assert!(IMMORTAL == layout::IMMORTAL);
    assert!(size_of::<Value>() == 8);
};

/// Refcount of immortal objects (constants, type objects): `1 << 60` on every target.
pub const IMMORTAL: i64 = molt_abi::layout::IMMORTAL;

/// The kinds of heap objects. The numbers are part of the ABI (see `docs/runtime.md`).
#[repr(u32)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// An int outside the inline range: `num_bigint::BigInt`.
    BigInt = 1,
    /// `str`: [`StrData`].
    Str = 2,
    /// `list`: [`crate::list::ListData`].
    List = 3,
    /// `tuple`: [`TupleData`], the items inline (exactly `tuple`; instances of subclasses are
    /// instances).
    Tuple = 4,
    /// `dict`: [`crate::dict::DictData`].
    Dict = 5,
    /// `set`: [`crate::set::SetData`].
    Set = 6,
    /// `range`: [`RangeData`].
    Range = 7,
    /// An iterator: [`IterData`].
    Iter = 8,
    /// `slice`: three values.
    Slice = 9,
    /// A compiled Python function: [`FunctionData`].
    Function = 10,
    /// A builtin function: [`BuiltinData`].
    Builtin = 11,
    /// A bound method: `(function, self)`.
    BoundMethod = 12,
    /// A class (user-defined or builtin): [`ClassData`].
    Class = 13,
    /// An instance of a user class (and of exception classes): [`InstanceData`].
    Instance = 14,
    /// A module: [`ModuleData`].
    Module = 15,
    /// A closure cell: `UnsafeCell<Value>`.
    Cell = 16,
    /// `dict.keys()` / `.values()` / `.items()`: [`DictViewData`].
    DictView = 17,
    /// `super(cls, obj)`: `[cls, obj]`.
    Super = 18,
    /// `staticmethod`, `classmethod` or `property`: [`WrapperData`].
    Wrapper = 19,
    /// A text stream (`sys.stdout`, `sys.stderr`, `sys.stdin`): the file descriptor (`i32`).
    File = 20,
    /// `...` (payload `()`).
    Ellipsis = 21,
    /// `NotImplemented` (payload `()`).
    NotImplemented = 22,
    /// A generator: [`crate::generator::GenData`].
    Generator = 23,
    /// `bytes`: [`crate::bytes::BytesData`] (never changes).
    Bytes = 24,
    /// `bytearray`: [`crate::bytes::BytesData`].
    ByteArray = 25,
    /// `complex`: [`crate::complex::Complex`].
    Complex = 26,
    /// `memoryview`: [`crate::memoryview::MemData`].
    MemoryView = 27,
}

/// A heap object with payload `T` (unsized for a str: [`StrData`]).
#[repr(C)]
pub struct Obj<T: ?Sized> {
    /// The header.
    pub header: ObjHeader,
    /// The payload.
    pub data: T,
}

/// `str` payload: the facts cached about the text, then the UTF-8 text itself, in the same
/// allocation as the object (a str is one block: see [`StrBuilder`], the only way to make
/// one, and `free_str`).
///
/// A str object is an `Obj<StrData>`, a dynamically sized type whose pointer metadata is the
/// text's length in bytes; the length is also stored in the object (`len`), so that the thin
/// pointer of a [`Value`] is enough to rebuild the full reference ([`str_payload`]). The
/// fixed part is [`StrBody<[u8; 0]>`](StrBody): with `#[repr(C)]` its fields sit at the
/// same offsets as in `StrBody<str>`, and the text starts where it ends, at
/// [`STR_TEXT_OFFSET`] (49 on 64-bit targets: a str of up to 15 bytes is a 64-byte block).
#[repr(C)]
pub struct StrBody<T: ?Sized> {
    /// Cached hash (0 = not computed yet).
    pub hash: Cell<i64>,
    /// Number of code points.
    pub char_len: usize,
    /// Length of the text in bytes (the pointer metadata of the full reference).
    len: usize,
    /// Code point → byte offset table of a non-ASCII str, built by the first index far
    /// enough from the start to need it (see [`crate::str::StrIndex`]); always empty for an
    /// ASCII str.
    pub index: std::cell::OnceCell<Box<crate::str::StrIndex>>,
    /// Whether all code points are ASCII (then byte index == char index).
    pub is_ascii: bool,
    /// The text: `str` in a str object, `[u8; 0]` in the fixed part ([`StrHead`]).
    text: T,
}

/// The payload of a str object.
pub type StrData = StrBody<str>;

/// The fixed-size part of a str payload (every field but the text).
type StrHead = StrBody<[u8; 0]>;

impl StrData {
    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The length of the text in bytes.
    #[inline]
    pub fn byte_len(&self) -> usize {
        self.len
    }
}

/// Byte offset of the text in a str object, from the start of the header.
pub const STR_TEXT_OFFSET: usize = std::mem::offset_of!(Obj<StrHead>, data.text);

const _: () = {
    // The fixed part is laid out as the prefix of every str payload: the same fields, and
    // the alignment of the whole (8, from the `i64` hash, on every target).
    assert!(std::mem::align_of::<Obj<StrHead>>() == 8);
    assert!(std::mem::offset_of!(Obj<StrHead>, data) == molt_abi::layout::HEADER_SIZE as usize);
    // A str of up to 15 bytes (27 on 32-bit targets) is a block of the 64-byte allocation
    // size class (`crate::alloc`), the class of the object alone when the text was apart.
    assert!(STR_TEXT_OFFSET + 15 <= 64);
    // The offsets `docs/runtime.md` gives.
    #[cfg(target_pointer_width = "64")]
    assert!(STR_TEXT_OFFSET == 49);
    #[cfg(target_pointer_width = "32")]
    assert!(STR_TEXT_OFFSET == 37);
    // What generated code reads (`molt_abi::layout`): the kind, the byte length, the text.
    assert!(Kind::Str as u32 == molt_abi::layout::KIND_STR);
    #[cfg(target_pointer_width = "64")]
    {
        assert!(
            std::mem::offset_of!(Obj<StrHead>, data.len) as i32
                == molt_abi::layout::STR_LEN_OFFSET_64
        );
        assert!(STR_TEXT_OFFSET as i32 == molt_abi::layout::STR_TEXT_OFFSET_64);
        assert!(
            std::mem::offset_of!(Obj<StrHead>, data.is_ascii) as i32
                == molt_abi::layout::STR_ASCII_OFFSET_64
        );
    }
    #[cfg(target_pointer_width = "32")]
    {
        assert!(
            std::mem::offset_of!(Obj<StrHead>, data.len) as i32
                == molt_abi::layout::STR_LEN_OFFSET_32
        );
        assert!(STR_TEXT_OFFSET as i32 == molt_abi::layout::STR_TEXT_OFFSET_32);
        assert!(
            std::mem::offset_of!(Obj<StrHead>, data.is_ascii) as i32
                == molt_abi::layout::STR_ASCII_OFFSET_32
        );
    }
};

/// The alignment of str objects.
const STR_ALIGN: usize = std::mem::align_of::<Obj<StrHead>>();

/// The memory layout of a str object holding `len` bytes of text: the header and fixed
/// fields, the text, then padding to the object's alignment (so that the block is as long
/// as `size_of_val` of the full reference says). `None` when the size overflows `isize`.
#[inline]
fn str_layout(len: usize) -> Option<std::alloc::Layout> {
    if len > isize::MAX as usize - STR_TEXT_OFFSET - STR_ALIGN {
        return None;
    }
    let size = (STR_TEXT_OFFSET + len + STR_ALIGN - 1) & !(STR_ALIGN - 1);
    // SAFETY: the alignment is a type's (a power of two) and `size`, checked above, stays
    // within `isize` (rounding added less than the alignment).
    Some(unsafe { std::alloc::Layout::from_size_align_unchecked(size, STR_ALIGN) })
}

/// The payload of a str object (a live object of kind [`Kind::Str`]).
///
/// # Safety
/// `v` must be a live str object, and stay alive while the reference is used.
#[inline]
pub unsafe fn str_payload<'a>(v: Value) -> &'a StrData {
    let p = v.as_ptr().cast::<u8>();
    // SAFETY: per the contract `p` is a str object: its fixed part is initialized, and its
    // block holds `len` bytes of text after it, so the rebuilt full pointer covers the
    // object's block exactly (up to padding, also in the block).
    unsafe {
        let len = (*p.cast::<Obj<StrHead>>()).data.len;
        let full = std::ptr::slice_from_raw_parts(p, len) as *const Obj<StrData>;
        &(*full).data
    }
}

/// A str object being made: the block is allocated with room for exactly `len` bytes of
/// text, which [`StrBuilder::push_str`] copies in (so that concatenation, `join` and
/// slicing copy each byte once, into the final object), and [`StrBuilder::finish`] returns
/// the object once all `len` bytes are written. Only whole `&str`s go in, so the text is
/// valid UTF-8. A builder dropped before `finish` frees its block.
pub struct StrBuilder {
    /// The block: header and fixed fields initialized, text written up to `filled`.
    p: std::ptr::NonNull<Obj<StrHead>>,
    /// Bytes of text the object holds.
    len: usize,
    /// Bytes written so far.
    filled: usize,
}

impl StrBuilder {
    /// A builder for a str of `len` bytes; aborts the process when memory runs out (for
    /// sizes bounded by text that already exists).
    #[inline]
    pub fn new(len: usize) -> StrBuilder {
        match str_layout(len) {
            Some(layout) => StrBuilder::alloc(len, layout)
                .unwrap_or_else(|| std::alloc::handle_alloc_error(layout)),
            None => panic!("str of {len} bytes is too long"),
        }
    }

    /// A builder for a str of `len` bytes, or `MemoryError` when it cannot be allocated
    /// (sizes a program chooses: `s * n`, `sep.join(...)`).
    #[inline]
    pub fn try_new(len: usize) -> crate::R<StrBuilder> {
        match str_layout(len).and_then(|layout| StrBuilder::alloc(len, layout)) {
            Some(b) => Ok(b),
            None => crate::int::memory_error(),
        }
    }

    /// Allocates the block and initializes the header and fixed fields (`None`: the
    /// allocator failed).
    #[inline]
    fn alloc(len: usize, layout: std::alloc::Layout) -> Option<StrBuilder> {
        // SAFETY: the layout has a non-zero size (at least the fixed part).
        let p = unsafe { std::alloc::alloc(layout) }.cast::<Obj<StrHead>>();
        let p = std::ptr::NonNull::new(p)?;
        // SAFETY: the block has room and alignment for the fixed part (the layout starts
        // with it and is padded to at least its size), and no text is written yet, so its
        // trailing padding, which the text may reuse, can be written over.
        unsafe {
            p.as_ptr().write(Obj {
                header: ObjHeader {
                    refcount: Cell::new(1),
                    kind: Kind::Str,
                    flags: Cell::new(0),
                },
                data: StrBody {
                    hash: Cell::new(0),
                    char_len: 0,
                    len,
                    index: std::cell::OnceCell::new(),
                    is_ascii: true,
                    text: [],
                },
            })
        };
        Some(StrBuilder { p, len, filled: 0 })
    }

    /// Appends `s` (panics when the text would exceed the length given at creation).
    #[inline]
    pub fn push_str(&mut self, s: &str) {
        assert!(s.len() <= self.len - self.filled, "str builder overflow");
        // SAFETY: the block holds `len` bytes of text at `STR_TEXT_OFFSET`, of which
        // `filled + s.len() <= len` are in use after this copy; `s` is another object's
        // text or a Rust string, never this block.
        unsafe {
            let dst = self
                .p
                .as_ptr()
                .cast::<u8>()
                .add(STR_TEXT_OFFSET + self.filled);
            std::ptr::copy_nonoverlapping(s.as_ptr(), dst, s.len());
        }
        self.filled += s.len();
    }

    /// The finished object (refcount 1), holding `char_len` code points, all ASCII when
    /// `is_ascii` (the caller knows both; checked in debug builds). Panics unless exactly
    /// the `len` bytes given at creation were written.
    #[inline]
    pub fn finish(self, char_len: usize, is_ascii: bool) -> Ref {
        assert!(self.filled == self.len, "str builder underflow");
        let p = self.p.as_ptr();
        std::mem::forget(self);
        // SAFETY: the fixed part was initialized by `alloc`; nothing else references the
        // new object yet.
        unsafe {
            (*p).data.char_len = char_len;
            (*p).data.is_ascii = is_ascii;
        }
        #[cfg(test)]
        live::add(1);
        crate::profile::count_alloc(Kind::Str);
        let v = Value::from_ptr(p.cast());
        debug_assert_eq!(
            {
                // SAFETY: a complete str object.
                let d = unsafe { str_payload(v) };
                (d.as_str().chars().count(), d.as_str().is_ascii())
            },
            (char_len, is_ascii)
        );
        Ref(v)
    }
}

impl Drop for StrBuilder {
    fn drop(&mut self) {
        // SAFETY: a block of this length's layout that no object was made of; its fixed
        // fields own nothing (the index is empty).
        unsafe {
            if let Some(layout) = str_layout(self.len) {
                std::alloc::dealloc(self.p.as_ptr().cast(), layout);
            }
        }
    }
}

/// Appends `b` (of `b_chars` code points, all ASCII when `b_ascii`) to the text of the str
/// object `a` and returns the object, which may have moved: its block is resized to the new
/// length (in place when the allocator can: within a size class, or by the system
/// allocator's `realloc`). The cached hash is reset and the code point index dropped.
///
/// # Safety
/// `a` must be a live str object that nothing else references or reads (the caller owns
/// its only reference, which this consumes), and `b` must not be its text.
pub unsafe fn str_append(a: Value, b: &str, b_chars: usize, b_ascii: bool) -> Value {
    let p = a.as_ptr().cast::<Obj<StrHead>>();
    // SAFETY: per the contract, `p` is a str object nobody else reads; the old layout is
    // the one it was allocated (or last resized) with, the new one is a str layout too, and
    // the text is written within it.
    unsafe {
        let old_len = (*p).data.len;
        let Some(new_len) = old_len.checked_add(b.len()) else {
            panic!("str too long");
        };
        let old = str_layout(old_len).unwrap_or_else(|| std::hint::unreachable_unchecked());
        let Some(new) = str_layout(new_len) else {
            panic!("str of {new_len} bytes is too long");
        };
        // The index holds offsets of the old text only: dropped before the move.
        drop((*p).data.index.take());
        let q = std::alloc::realloc(p.cast::<u8>(), old, new.size()).cast::<Obj<StrHead>>();
        if q.is_null() {
            std::alloc::handle_alloc_error(new);
        }
        let dst = q.cast::<u8>().add(STR_TEXT_OFFSET + old_len);
        std::ptr::copy_nonoverlapping(b.as_ptr(), dst, b.len());
        let d = &raw mut (*q).data;
        (*d).len = new_len;
        (*d).char_len += b_chars;
        (*d).is_ascii &= b_ascii;
        (*d).hash.set(0);
        Value::from_ptr(q.cast())
    }
}

/// Frees a str object (refcount zero): drops its code point index and frees the block with
/// the layout of its length.
///
/// # Safety
/// `p` must be a str object nothing references any more.
unsafe fn free_str(p: *mut ObjHeader) {
    let p = p.cast::<Obj<StrHead>>();
    // SAFETY: per the contract; the block was allocated with the layout of its length.
    unsafe {
        let len = (*p).data.len;
        std::ptr::drop_in_place(&raw mut (*p).data.index);
        let layout = str_layout(len).unwrap_or_else(|| std::hint::unreachable_unchecked());
        std::alloc::dealloc(p.cast(), layout);
    }
}

/// `tuple` payload: the item count, then the items, in the same block as the object (a tuple
/// is one allocation: see [`TupleBuilder`], the only way to make one, and `free_tuple`).
///
/// A tuple object is an `Obj<TupleData>`, a dynamically sized type whose pointer metadata is
/// the item count; the count is also stored in the object (`len`), so that the thin pointer of
/// a [`Value`] is enough to rebuild the full reference ([`tuple_payload`]). The fixed part is
/// [`TupleBody<[Value; 0]>`](TupleBody). `#[repr(C)]` fixes the words generated code reads:
/// the count at `molt_abi::layout::TUPLE_LEN_OFFSET` (a `u64` on every target) and the items
/// at `TUPLE_ITEMS_OFFSET` (16 and 24 on every target: a tuple of `n` items is a block of
/// `24 + 8n` bytes, a small block of the allocator up to 29 items).
#[repr(C)]
pub struct TupleBody<T: ?Sized> {
    /// Number of items (the pointer metadata of the full reference).
    len: u64,
    /// The items (owned references): `[Value]` in a tuple object, `[Value; 0]` in the fixed
    /// part ([`TupleHead`]).
    items: T,
}

/// The payload of a tuple object.
pub type TupleData = TupleBody<[Value]>;

/// The fixed-size part of a tuple payload (the count).
type TupleHead = TupleBody<[Value; 0]>;

impl TupleData {
    /// The items (borrowed; they never change once the tuple is made).
    #[inline]
    pub fn items(&self) -> &[Value] {
        &self.items
    }
}

/// Byte offset of the item count in a tuple object, from the start of the header.
pub const TUPLE_LEN_OFFSET: usize = std::mem::offset_of!(Obj<TupleHead>, data.len);
/// Byte offset of the first item in a tuple object, from the start of the header.
pub const TUPLE_ITEMS_OFFSET: usize = std::mem::offset_of!(Obj<TupleHead>, data.items);

// Generated code reads the count and the items at the offsets of `molt_abi::layout`, the
// same on every target (64-bit native and wasm32).
const _: () = {
    use molt_abi::layout;
    assert!(std::mem::align_of::<Obj<TupleHead>>() == 8);
    assert!(std::mem::size_of::<Obj<TupleHead>>() == TUPLE_ITEMS_OFFSET);
    assert!(TUPLE_LEN_OFFSET == layout::TUPLE_LEN_OFFSET as usize);
    assert!(TUPLE_ITEMS_OFFSET == layout::TUPLE_ITEMS_OFFSET as usize);
    assert!(Kind::Tuple as u32 == layout::KIND_TUPLE);
    // A pair is a 48-byte block, the size class of the object alone when the items were apart.
    assert!(TUPLE_ITEMS_OFFSET + 2 * std::mem::size_of::<Value>() <= 48);
};

/// The memory layout of a tuple object of `n` items: the header, the count and the items
/// (no padding: every part is a multiple of 8 bytes, the alignment). `None` when the size
/// overflows `isize`.
///
/// Only this function, [`tuple_payload`], [`TupleBuilder`] and `free_tuple` know that the
/// items live in the object's block; everything else reads them through `TupleData::items`.
#[inline]
fn tuple_layout(n: usize) -> Option<std::alloc::Layout> {
    let size = n
        .checked_mul(std::mem::size_of::<Value>())?
        .checked_add(TUPLE_ITEMS_OFFSET)?;
    if size > isize::MAX as usize {
        return None;
    }
    // SAFETY: the alignment is a type's (a power of two) and `size`, a multiple of it, stays
    // within `isize` (checked above).
    Some(unsafe { std::alloc::Layout::from_size_align_unchecked(size, 8) })
}

/// The payload of a tuple object (a live object of kind [`Kind::Tuple`]).
///
/// # Safety
/// `v` must be a live tuple object, and stay alive while the reference is used.
#[inline]
pub unsafe fn tuple_payload<'a>(v: Value) -> &'a TupleData {
    let p = v.as_ptr().cast::<Obj<TupleHead>>();
    // SAFETY: per the contract `p` is a tuple object: its count is initialized and its block
    // holds that many initialized items after it, so the rebuilt full pointer covers the
    // object's block exactly.
    unsafe {
        let len = (*p).data.len as usize;
        let full = std::ptr::slice_from_raw_parts(p.cast::<u8>(), len) as *const Obj<TupleData>;
        &(*full).data
    }
}

/// A tuple object being made: the block is allocated with room for exactly `len` items,
/// which [`TupleBuilder::push`] writes in order, and [`TupleBuilder::finish`] returns the
/// object once all are written. A builder dropped before `finish` releases the items it was
/// given and frees its block.
pub struct TupleBuilder {
    /// The block: header and count initialized, items written up to `filled`.
    p: std::ptr::NonNull<Obj<TupleHead>>,
    /// Items the object holds.
    len: usize,
    /// Items written so far.
    filled: usize,
}

impl TupleBuilder {
    /// A builder for a tuple of `len` items; aborts the process when memory runs out (for
    /// sizes bounded by values that already exist). A tuple of 0 items is a new object: the
    /// shared empty tuple is `crate::state::Runtime::empty_tuple`.
    #[inline]
    pub fn new(len: usize) -> TupleBuilder {
        match tuple_layout(len) {
            Some(layout) => TupleBuilder::alloc(len, layout)
                .unwrap_or_else(|| std::alloc::handle_alloc_error(layout)),
            None => panic!("tuple of {len} items is too long"),
        }
    }

    /// A builder for a tuple of `len` items, or `MemoryError` when it cannot be allocated
    /// (sizes a program chooses: `t * n`).
    pub fn try_new(len: usize) -> crate::R<TupleBuilder> {
        match tuple_layout(len).and_then(|layout| TupleBuilder::alloc(len, layout)) {
            Some(b) => Ok(b),
            None => crate::int::memory_error(),
        }
    }

    /// Allocates the block and initializes the header and count (`None`: the allocator
    /// failed).
    #[inline]
    fn alloc(len: usize, layout: std::alloc::Layout) -> Option<TupleBuilder> {
        // SAFETY: the layout has a non-zero size (at least the fixed part).
        let p = unsafe { std::alloc::alloc(layout) }.cast::<Obj<TupleHead>>();
        let p = std::ptr::NonNull::new(p)?;
        // SAFETY: the block has room and alignment for the fixed part (the layout starts with
        // it).
        unsafe {
            p.as_ptr().write(Obj {
                header: ObjHeader {
                    refcount: Cell::new(1),
                    kind: Kind::Tuple,
                    flags: Cell::new(0),
                },
                data: TupleBody {
                    len: len as u64,
                    items: [],
                },
            })
        };
        Some(TupleBuilder { p, len, filled: 0 })
    }

    /// Appends `v`, an owned reference the tuple takes over (panics when the tuple already
    /// holds the number of items given at creation).
    #[inline]
    pub fn push(&mut self, v: Value) {
        assert!(self.filled < self.len, "tuple builder overflow");
        // SAFETY: the block holds `len` item words at `TUPLE_ITEMS_OFFSET`, of which word
        // `filled < len` is written now.
        unsafe {
            self.p
                .as_ptr()
                .cast::<u8>()
                .add(TUPLE_ITEMS_OFFSET)
                .cast::<Value>()
                .add(self.filled)
                .write(v)
        };
        self.filled += 1;
    }

    /// The finished object (refcount 1). Panics unless exactly the `len` items given at
    /// creation were written.
    #[inline]
    pub fn finish(self) -> Ref {
        assert!(self.filled == self.len, "tuple builder underflow");
        let p = self.p.as_ptr();
        std::mem::forget(self);
        #[cfg(test)]
        live::add(1);
        crate::profile::count_alloc(Kind::Tuple);
        Ref(Value::from_ptr(p.cast()))
    }
}

impl Drop for TupleBuilder {
    fn drop(&mut self) {
        // SAFETY: a block of this length's layout that no object was made of, its first
        // `filled` items written (owned references, released here).
        unsafe {
            let items = self
                .p
                .as_ptr()
                .cast::<u8>()
                .add(TUPLE_ITEMS_OFFSET)
                .cast::<Value>();
            for i in 0..self.filled {
                decref(*items.add(i));
            }
            if let Some(layout) = tuple_layout(self.len) {
                std::alloc::dealloc(self.p.as_ptr().cast(), layout);
            }
        }
    }
}

/// Frees a tuple object (refcount zero): releases its items, last first (as CPython frees a
/// tuple, observable through `__del__`), and frees the block with the layout of its length.
///
/// # Safety
/// `p` must be a tuple object nothing references any more.
pub(crate) unsafe fn free_tuple(p: *mut ObjHeader) {
    // SAFETY: per the contract; the items are owned references, and the block was allocated
    // with the layout of its length. Releasing an item may free other objects, never this one.
    unsafe {
        let len = (*p.cast::<Obj<TupleHead>>()).data.len as usize;
        let items = p.cast::<u8>().add(TUPLE_ITEMS_OFFSET).cast::<Value>();
        for i in (0..len).rev() {
            decref(*items.add(i));
        }
        let layout = tuple_layout(len).unwrap_or_else(|| std::hint::unreachable_unchecked());
        std::alloc::dealloc(p.cast(), layout);
    }
}

/// `range` payload. Bounds that fit in an `i64` are stored as machine ints (the fast path);
/// a range with any bound beyond that keeps all three as `BigInt`s in `big`.
pub struct RangeData {
    /// First value (0 when `big` is set).
    pub start: i64,
    /// Bound (exclusive; 0 when `big` is set).
    pub stop: i64,
    /// Step (never 0; 1 when `big` is set).
    pub step: i64,
    /// `[start, stop, step]` when one of them does not fit in an `i64`.
    pub big: Option<Box<[num_bigint::BigInt; 3]>>,
}

/// What a dict iterator or view yields.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictPart {
    /// Keys.
    Keys,
    /// Values.
    Values,
    /// `(key, value)` tuples.
    Items,
}

/// A native iterator body: yields `Ok(Some(item))` (a new reference), `Ok(None)` at the
/// end, or `Err` with an exception pending.
pub type NativeNext = Box<dyn FnMut() -> crate::R<Option<crate::Ref>>>;

/// Iterator payloads. `#[repr(u32)]` fixes the layout of each variant as a `#[repr(C)]`
/// struct whose first field is the `u32` discriminant: generated code advances a list
/// iterator inline, reading the discriminant ([`molt_abi::layout::ITER_VARIANT_OFFSET`], `Seq`
/// is 0) and `Seq`'s fields (`ITER_SEQ_OFFSET`, `ITER_SEQ_INDEX_OFFSET`).
#[repr(u32)]
pub enum IterData {
    /// Over a list or tuple by index (the sequence is kept alive by the iterator).
    Seq {
        /// The list or tuple.
        seq: Value,
        /// Next index; `u64::MAX` once exhausted (it stays exhausted if the list grows).
        index: Cell<u64>,
    } = molt_abi::layout::ITER_SEQ,
    /// Over a list or tuple backwards (`reversed`).
    SeqRev {
        /// The list or tuple.
        seq: Value,
        /// Number of items not yet produced (the next one is at `left - 1`).
        left: Cell<usize>,
    },
    /// Over a range.
    Range {
        /// Next value.
        next: Cell<i64>,
        /// Items left.
        left: Cell<u64>,
        /// Step.
        step: i64,
    },
    /// Over the code points of a str.
    Str {
        /// The str.
        s: Value,
        /// Next byte offset.
        offset: Cell<usize>,
    },
    /// Over a dict by entry index.
    Dict {
        /// The dict.
        dict: Value,
        /// Next entry index; `usize::MAX` once exhausted (for good), `usize::MAX - 1`
        /// after the dict changed size (every later step raises again).
        index: Cell<usize>,
        /// The dict's length when iteration started (a change raises `RuntimeError`).
        len: usize,
        /// Items not produced yet: finding an entry when it is 0 raises `RuntimeError`
        /// (keys were deleted and others added).
        left: Cell<usize>,
        /// What is produced.
        part: DictPart,
    },
    /// Over a set by table slot.
    Set {
        /// The set.
        set: Value,
        /// Next slot; `usize::MAX` once exhausted, `usize::MAX - 1` after the set changed
        /// size (every later step raises again).
        index: Cell<usize>,
        /// The set's length when iteration started.
        len: usize,
    },
    /// Items produced lazily by a Rust closure (map, filter, zip, enumerate, ...), and the
    /// Python type the iterator has.
    Native(UnsafeCell<NativeNext>, IterType),
}

/// The Python type of an iterator produced by a Rust closure (index into
/// `Runtime::iter_types`; see [`ITER_TYPE_NAMES`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(usize)]
pub enum IterType {
    /// `enumerate(...)`.
    Enumerate,
    /// `zip(...)`.
    Zip,
    /// `map(...)`.
    Map,
    /// `filter(...)`.
    Filter,
    /// `reversed(x)` of an object with `__len__` and `__getitem__`.
    Reversed,
    /// `iter(callable, sentinel)`.
    CallableIterator,
    /// `iter(x)` of an object with only `__getitem__`.
    Iterator,
    /// A range too big for machine ints.
    LongRangeIterator,
    /// `reversed(d)` or `reversed(d.keys())`.
    DictReverseKeyIterator,
    /// `reversed(d.values())`.
    DictReverseValueIterator,
    /// `reversed(d.items())`.
    DictReverseItemIterator,
    /// `iter(b)` of a `bytes`.
    BytesIterator,
    /// `iter(b)` of a `bytearray`.
    ByteArrayIterator,
    /// `itertools.permutations(...)` (`crate::itertools`).
    Permutations,
    /// `itertools.combinations(...)`.
    Combinations,
    /// `itertools.combinations_with_replacement(...)`.
    CombinationsWithReplacement,
    /// `itertools.product(...)`.
    Product,
    /// `itertools.cycle(...)`.
    Cycle,
    /// `itertools.zip_longest(...)`.
    ZipLongest,
    /// `iter(mv)` of a `memoryview`.
    MemoryIterator,
}

/// The class names of [`IterType`], in its order.
pub const ITER_TYPE_NAMES: [&str; 20] = [
    "enumerate",
    "zip",
    "map",
    "filter",
    "reversed",
    "callable_iterator",
    "iterator",
    "longrange_iterator",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
    "bytes_iterator",
    "bytearray_iterator",
    "permutations",
    "combinations",
    "combinations_with_replacement",
    "product",
    "cycle",
    "zip_longest",
    "memory_iterator",
];

/// A compiled function's static descriptor and its parameters' (`molt_abi::descriptor`: one
/// layout on every target, addresses in 8-byte words).
pub use molt_abi::descriptor::{FunctionCode, ParamCode};

/// The signature of compiled Python code (see `docs/runtime.md`, "Calling convention").
pub type EntryFn = extern "C" fn(func: Value, args: *const Value) -> Value;

/// The compiled code of `code`.
#[inline(always)]
pub fn code_entry(code: &FunctionCode) -> EntryFn {
    const { assert!(std::mem::size_of::<EntryFn>() == std::mem::size_of::<usize>()) };
    // SAFETY: codegen writes the address of the function's code (a function-table index on
    // wasm32, which is how Rust represents function pointers there; see
    // `molt_abi::descriptor::CodeAddr`), zero-extended to 8 bytes; `raw` gives back the
    // `usize` representation of that function pointer, whose type is `EntryFn`.
    unsafe { std::mem::transmute::<usize, EntryFn>(code.entry.raw()) }
}

/// Parameter kind: positional-only.
pub const PARAM_POS_ONLY: u32 = 0;
/// Parameter kind: positional-or-keyword.
pub const PARAM_POS_OR_KW: u32 = 1;
/// Parameter kind: `*args`.
pub const PARAM_VAR_POS: u32 = 2;
/// Parameter kind: keyword-only.
pub const PARAM_KW_ONLY: u32 = 3;
/// Parameter kind: `**kwargs`.
pub const PARAM_VAR_KW: u32 = 4;

/// A compiled function object.
pub struct FunctionData {
    /// Its static descriptor.
    pub code: *const FunctionCode,
    /// Default values, one per parameter with a default, in parameter order.
    pub defaults: Box<[Value]>,
    /// Closure cells.
    pub closure: Box<[Value]>,
    /// The module whose globals it reads.
    pub module: Value,
    /// `__name__` (a str).
    pub name: Value,
    /// `__qualname__` (a str).
    pub qualname: Value,
    /// Whether every parameter is plain positional-or-keyword without a default (then a
    /// call with exactly that many positional arguments passes them straight through).
    /// Cleared when the program replaces `__defaults__` or `__kwdefaults__`.
    pub simple: Cell<bool>,
    /// What the program set on the function object (`f.__doc__`, `f.calls = 0`, a new
    /// `__defaults__`, ...): `None` until the first such assignment.
    pub extra: UnsafeCell<Option<Box<FunctionExtra>>>,
}

/// The writable attributes of a function object, all owned ([`Value::UNBOUND`] when not
/// set: the compiled value applies).
pub struct FunctionExtra {
    /// `__dict__` (a dict, or `None` until an attribute is set).
    pub dict: Cell<Value>,
    /// `__doc__`.
    pub doc: Cell<Value>,
    /// `__name__` after an assignment.
    pub name: Cell<Value>,
    /// `__qualname__` after an assignment.
    pub qualname: Cell<Value>,
    /// `__defaults__` after an assignment (a tuple or `None`).
    pub defaults: Cell<Value>,
    /// `__kwdefaults__` after an assignment (a dict or `None`).
    pub kwdefaults: Cell<Value>,
    /// `__module__` after an assignment (any object; `functools.wraps` copies it).
    pub module: Cell<Value>,
}

impl FunctionExtra {
    /// Every field unset.
    pub fn new() -> FunctionExtra {
        FunctionExtra {
            dict: Cell::new(Value::NONE),
            doc: Cell::new(Value::UNBOUND),
            name: Cell::new(Value::UNBOUND),
            qualname: Cell::new(Value::UNBOUND),
            defaults: Cell::new(Value::UNBOUND),
            kwdefaults: Cell::new(Value::UNBOUND),
            module: Cell::new(Value::UNBOUND),
        }
    }

    /// Releases the owned values.
    pub fn release(&self) {
        for c in [
            &self.dict,
            &self.doc,
            &self.name,
            &self.qualname,
            &self.defaults,
            &self.kwdefaults,
            &self.module,
        ] {
            let v = c.replace(Value::UNBOUND);
            if v != Value::UNBOUND {
                decref(v);
            }
        }
    }
}

impl Default for FunctionExtra {
    fn default() -> FunctionExtra {
        FunctionExtra::new()
    }
}

impl FunctionData {
    /// The writable attributes, if any was set.
    pub fn extra_opt(&self) -> Option<&FunctionExtra> {
        // SAFETY: single-threaded; the box is only replaced by `extra` (None -> Some), so a
        // shared reference into it stays valid while the function lives.
        unsafe { (*self.extra.get()).as_deref() }
    }

    /// The writable attributes, created now if needed.
    pub fn extra(&self) -> &FunctionExtra {
        // SAFETY: as in `extra_opt`; no reference into the `Option` itself is alive here.
        unsafe {
            let slot = &mut *self.extra.get();
            if slot.is_none() {
                *slot = Some(Box::new(FunctionExtra::new()));
            }
            slot.as_deref()
                .unwrap_or_else(|| std::hint::unreachable_unchecked())
        }
    }
}

/// The arguments of a call as the runtime sees them: all borrowed.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    /// Positional arguments.
    pub pos: &'a [Value],
    /// Keyword argument names (str values).
    pub kwnames: &'a [Value],
    /// Keyword argument values, one per name.
    pub kwvals: &'a [Value],
}

impl<'a> Args<'a> {
    /// Positional arguments only.
    pub fn positional(pos: &'a [Value]) -> Args<'a> {
        Args {
            pos,
            kwnames: &[],
            kwvals: &[],
        }
    }
}

/// A builtin function or method: `f(receiver, args)` where `receiver` is the bound object of
/// a method (`Value::UNBOUND` for plain functions; the class for constructors). Borrowed
/// arguments, owned result.
pub type BuiltinFn = fn(receiver: Value, args: Args<'_>) -> crate::R<crate::Ref>;

/// A builtin function object.
pub struct BuiltinData {
    /// Its name.
    pub name: &'static str,
    /// Its implementation.
    pub f: BuiltinFn,
    /// Bound receiver for builtin methods (`[].append`), or `Value::UNBOUND`.
    pub receiver: Value,
    /// For methods of builtin types: the class that defines it (an unbound method called
    /// through the class takes its receiver from the first argument); `Value::NONE` for
    /// plain functions.
    pub owner: Value,
    /// For static and class methods of builtin types (`str.maketrans`, `dict.fromkeys`): the
    /// class they belong to, shown by `__qualname__` and `repr` (a class method also has it as
    /// `receiver`); `Value::NONE` otherwise. Borrowed: builtin classes are immortal.
    pub home: Value,
}

/// What a builtin callable is, as CPython's types tell them apart (each has its own type,
/// `repr` and attributes).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuiltinFlavor {
    /// A function of `builtins` or of a runtime module (`len`, `math.sqrt`):
    /// `builtin_function_or_method`.
    Function,
    /// A method of a builtin type taken from the class (`str.upper`): `method_descriptor`,
    /// or `wrapper_descriptor` for a special method CPython implements as a slot (`str.__add__`).
    Descriptor {
        /// A slot wrapper.
        slot: bool,
    },
    /// A method of a builtin type bound to an object (`"a".upper`): `builtin_function_or_method`,
    /// or `method-wrapper` for a slot (`"a".__add__`).
    Bound {
        /// A bound slot wrapper.
        slot: bool,
    },
    /// A static method of a builtin type (`str.maketrans`).
    Static,
    /// A class method of a builtin type, bound to the class (`dict.fromkeys`).
    Class,
}

impl BuiltinData {
    /// What this builtin is (see [`BuiltinFlavor`]).
    pub fn flavor(&self) -> BuiltinFlavor {
        if !self.home.is_none() {
            return if self.receiver == Value::UNBOUND {
                BuiltinFlavor::Static
            } else {
                BuiltinFlavor::Class
            };
        }
        if self.owner.is_none() {
            return BuiltinFlavor::Function;
        }
        let slot = crate::slots::is_slot_wrapper(self.owner, self.name);
        if self.receiver == Value::UNBOUND {
            BuiltinFlavor::Descriptor { slot }
        } else {
            BuiltinFlavor::Bound { slot }
        }
    }
}

/// How the instances of a class are laid out.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    /// Plain instances (`Kind::Instance`) with an attribute dict.
    Object,
    /// Instances with an attribute dict and exception state (`args`, `__cause__`).
    Exception,
    /// Instances are builtin values created by the class's constructor (`int`, `list`, ...).
    Builtin,
    /// Instances of a user subclass of a builtin value type (`int`, `float`, `str`, `tuple`,
    /// `list`, `dict`, `set`, `frozenset`, `itertools`' native classes:
    /// `crate::class::is_value_type`): `Kind::Instance` objects like those of
    /// [`Layout::Object`] whose first member slot (`crate::class::VALUE_SLOT`) holds the
    /// builtin value (of the exact builtin type) that the builtin methods operate on.
    Value,
}

/// A class.
#[repr(C)]
pub struct ClassData {
    /// Identifies the class's instance layout and attribute semantics for inline caches:
    /// unique among live classes, replaced when the class changes, [`SHAPE_NONE`] when
    /// attribute access cannot be cached (no slots, `__setattr__`, a property over a slot).
    pub shape: Cell<u32>,
    /// Attribute names kept in fixed slots by instances (interned strs, owned): the base
    /// class's slots first.
    pub slots: Box<[Value]>,
    /// `__name__` (a str).
    pub name: Value,
    /// The metaclass (`type(cls)`, owned): `Value::NONE` stands for `type` itself, the
    /// metaclass of every builtin class and of user classes made without another one.
    pub meta: Value,
    /// `__base__`: the base class whose instance layout this class extends (CPython's
    /// "best base": with several bases, the one whose solid base is the most derived), or
    /// `Value::NONE` for `object`. Owned.
    pub base: Value,
    /// `__bases__` when the class has more than one base (owned references, in the order
    /// of the class statement); empty when `__bases__` is `(base,)` or `()`.
    pub bases: Box<[Value]>,
    /// The method resolution order after the class itself (owned references).
    pub mro: Box<[Value]>,
    /// The class namespace (a dict): methods and class attributes.
    pub dict: Value,
    /// The layout of its instances.
    pub layout: Layout,
    /// The constructor of builtin types (receiver = the class).
    pub ctor: Option<BuiltinFn>,
    /// Whether the class has `__del__`, as of a class epoch: `epoch << 1 | has_del`, or 0 when
    /// not known yet (see `crate::finalize::on_new_instance`).
    pub has_del: Cell<u64>,
    /// Whether calling the class without keywords builds the exception directly, as of a
    /// class epoch: `epoch << 1 | plain`, or 0 when not known yet (see
    /// `crate::class::call_class_object`). Plain: an exception class whose `__new__` and
    /// `__init__` are `BaseException`'s, outside the `OSError` and exception-group families.
    pub plain_exc: Cell<u64>,
    /// Live instances made while the class had no `__del__` (see
    /// `crate::finalize::made_without_del`): adding `__del__` cannot reach them.
    pub without_del: Cell<usize>,
    /// Whether the class or a base had a Python `__new__` when the class was made, or was
    /// given one since: CPython's `tp_new` then stays `slot_tp_new` even after the
    /// `__new__` is deleted, so `object.__new__` finds the call's arguments excessive
    /// (`TypeError: object.__new__() takes exactly one argument`) where a class that never
    /// had one constructs (see `crate::class::call_class`).
    pub new_slot: Cell<bool>,
    /// How many of the last `slots` are declared in `__slots__` of the class or its bases
    /// (member slots: never part of the instance `__dict__`); the others are the
    /// optimizer's storage for dict attributes.
    pub members: usize,
    /// `__qualname__` when it differs from `__name__` (a str, owned: a class defined in a
    /// function or another class, or a namespace giving `__qualname__`); `Value::NONE`
    /// when it is `__name__`. See [`crate::class::class_qualname`].
    pub qualname: Value,
}

/// Exception state of an exception instance.
pub struct ExcState {
    /// `args` (a tuple).
    pub args: Cell<Value>,
    /// `__cause__` (`None` or an exception).
    pub cause: Cell<Value>,
    /// `__context__` (`None` or an exception).
    pub context: Cell<Value>,
    /// `__suppress_context__`.
    pub suppress_context: Cell<bool>,
    /// `name` of a `NameError` / `AttributeError` raised by the runtime (`None` otherwise).
    pub name: Cell<Value>,
    /// `obj` of an `AttributeError` raised by an attribute lookup (*unbound* otherwise; read
    /// as `None`).
    pub obj: Cell<Value>,
    /// The frames the exception passed through, innermost first (see [`crate::traceback`]).
    pub tb: std::cell::RefCell<Vec<crate::traceback::TbEntry>>,
    /// What the frames the exception left hold (owned): CPython's traceback keeps those
    /// frames, and so their locals, alive until the exception is freed. Appended by
    /// generated code as the exception leaves each function (`molt_exc_hold`).
    pub held: std::cell::RefCell<Vec<Value>>,
    /// The member fields of the builtin classes that declare some (`SyntaxError.msg`,
    /// `UnicodeTranslateError.start`, ...: [`crate::exc_members`]), one per member of the
    /// class's table, owned, [`Value::UNBOUND`] while unset (CPython's `NULL`). Made on
    /// the first store.
    pub members: std::cell::OnceCell<Box<[Cell<Value>]>>,
}

impl ExcState {
    /// The state of a new exception with `args` (a tuple, owned).
    pub fn new(args: Value) -> ExcState {
        ExcState {
            args: Cell::new(args),
            cause: Cell::new(Value::NONE),
            context: Cell::new(Value::NONE),
            suppress_context: Cell::new(false),
            name: Cell::new(Value::NONE),
            obj: Cell::new(Value::UNBOUND),
            tb: std::cell::RefCell::new(Vec::new()),
            held: std::cell::RefCell::new(Vec::new()),
            members: std::cell::OnceCell::new(),
        }
    }
}

/// An instance of a user class (or of an exception class).
#[repr(C)]
pub struct InstanceData {
    /// Its class.
    pub class: Value,
    /// One value per name in the class's `slots` ([`Value::UNBOUND`] when unset), or null
    /// when the class has no slots (in the same block as the object, right after it:
    /// [`alloc_instance`]). Generated
    /// code reads it as an 8-byte word at `molt_abi::layout::INSTANCE_SLOTS_OFFSET` on every
    /// target: on 32-bit ones [`InstanceData::slots_high`] completes the word.
    pub slots: *mut Value,
    /// The high half of the `slots` word on 32-bit targets (wasm32): always 0.
    #[cfg(target_pointer_width = "32")]
    pub slots_high: u32,
    /// Its attribute dict, created on first use. Until then (most instances of a class with
    /// slots never need one) an inline int: the instance's creation stamp
    /// ([`crate::finalize::stamp`]), which the dict inherits as its tracking stamp (CPython
    /// keeps the attributes in the instance itself).
    pub dict: Cell<Value>,
    /// Exception state, for instances of exception classes.
    pub exc: Option<Box<ExcState>>,
}

impl InstanceData {
    /// The attribute dict, if it was created.
    #[inline]
    pub fn dict_opt(&self) -> Option<Value> {
        let d = self.dict.get();
        d.is_ptr().then_some(d)
    }

    /// The attribute dict, created now if needed (borrowed).
    pub fn dict(&self) -> Value {
        let d = self.dict.get();
        if d.is_ptr() {
            return d;
        }
        let stamp = self.stamp();
        let d = crate::dict::dict_new().into_raw();
        crate::dict::dict_data(d).set_tracked(stamp);
        self.dict.set(d);
        d
    }

    /// When the instance was made ([`crate::finalize::stamp`] units), for the finalization
    /// order at exit: its attribute dict's tracking stamp once the dict exists.
    pub fn stamp(&self) -> u64 {
        let d = self.dict.get();
        if d.is_ptr() {
            crate::dict::dict_data(d).tracked()
        } else if d.is_inline_int() {
            d.as_inline_int() as u64
        } else {
            0
        }
    }
}

/// A module.
pub struct ModuleData {
    /// Its name (a str).
    pub name: Value,
    /// Its globals (a dict).
    pub dict: Value,
}

/// `dict.keys()`, `dict.values()`, `dict.items()`.
pub struct DictViewData {
    /// The dict.
    pub dict: Value,
    /// Which part it shows.
    pub part: DictPart,
}

/// What a [`WrapperData`] wraps a function as.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WrapperKind {
    /// `staticmethod(f)`.
    StaticMethod,
    /// `classmethod(f)`.
    ClassMethod,
    /// `property(fget, fset, fdel)`.
    Property,
    /// A member of `__slots__` (`member_descriptor`): `f` is the attribute name, `setter`
    /// the name of the class that declared it (strs), `deleter` `None`; or a field of a
    /// builtin exception class (`SyntaxError.msg`), whose `deleter` is that class and `doc`
    /// its `__doc__` ([`crate::exc_members`]).
    Member,
    /// The `__dict__` or `__weakref__` entry of a class namespace (`getset_descriptor`):
    /// `f` is the attribute name, `setter` the name of the class (strs).
    GetSet,
}

/// `staticmethod`, `classmethod` and `property` objects.
pub struct WrapperData {
    /// Which wrapper.
    pub kind: WrapperKind,
    /// The function (the getter of a property; may be `None`).
    pub f: Value,
    /// A property's setter, or `None`.
    pub setter: Value,
    /// A property's deleter, or `None`.
    pub deleter: Value,
    /// A property's `__doc__` (owned; `None` when it has none).
    pub doc: Cell<Value>,
    /// The name a property was given by `__set_name__` in a class body (owned; `None`
    /// before), for CPython's error messages.
    pub name: Cell<Value>,
}

/// Allocates an object with refcount 1.
#[inline]
pub fn alloc<T>(kind: Kind, data: T) -> Value {
    #[cfg(test)]
    live::add(1);
    crate::profile::count_alloc(kind);
    let obj = Box::new(Obj {
        header: ObjHeader {
            refcount: Cell::new(1),
            kind,
            flags: Cell::new(0),
        },
        data,
    });
    Value::from_ptr(Box::into_raw(obj).cast())
}

/// The memory layout of an instance with `n` slots: the object, then its slot array in the
/// same block (one allocation per instance; the array starts right after the object, whose
/// size is a multiple of a value word).
fn instance_layout(n: usize) -> std::alloc::Layout {
    const _: () = assert!(
        std::mem::size_of::<Obj<InstanceData>>().is_multiple_of(std::mem::size_of::<Value>())
    );
    let size = std::mem::size_of::<Obj<InstanceData>>() + n * std::mem::size_of::<Value>();
    // SAFETY: the alignment is a type's (a power of two) and `size` (a slot count of a
    // class, bounded by its names) does not overflow `isize` once rounded up.
    unsafe {
        std::alloc::Layout::from_size_align_unchecked(
            size,
            std::mem::align_of::<Obj<InstanceData>>(),
        )
    }
}

/// Allocates an instance (refcount 1) with `n` slots, all [`Value::UNBOUND`], in the same
/// block as the object: `data` gets the slot array's address (null when `n` is 0) and
/// returns the payload. Freed by [`free_object`] with the same layout.
// Inlined into its callers: an allocation is a few dozen instructions, and the call's
// prologue and epilogue were a fifth of them.
#[inline(always)]
pub fn alloc_instance(n: usize, data: impl FnOnce(*mut Value) -> InstanceData) -> Ref {
    #[cfg(test)]
    live::add(1);
    crate::profile::count_alloc(Kind::Instance);
    let layout = instance_layout(n);
    // SAFETY: a non-zero layout; the block is initialized below before it is used.
    let p = unsafe { std::alloc::alloc(layout) }.cast::<Obj<InstanceData>>();
    if p.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    let slots = if n == 0 {
        std::ptr::null_mut()
    } else {
        // SAFETY: the slot array follows the object inside the block.
        let first = unsafe { p.add(1) }.cast::<Value>();
        for i in 0..n {
            // SAFETY: `i < n` words of the block after the object.
            unsafe { first.add(i).write(Value::UNBOUND) };
        }
        first
    };
    // SAFETY: `p` is a fresh block with room and alignment for the object.
    unsafe {
        p.write(Obj {
            header: ObjHeader {
                refcount: Cell::new(1),
                kind: Kind::Instance,
                flags: Cell::new(0),
            },
            data: data(slots),
        })
    };
    Ref(Value::from_ptr(p.cast()))
}

/// Allocates an object and returns it as an owned reference.
pub fn alloc_ref<T>(kind: Kind, data: T) -> Ref {
    Ref(alloc(kind, data))
}

/// Whether `v` is an immortal object (never freed, so its identity is never reused).
#[inline]
pub fn is_immortal(v: Value) -> bool {
    // SAFETY: pointer values always point at a live object with a header.
    v.is_ptr() && unsafe { (*v.as_ptr()).refcount.get() } >= IMMORTAL / 2
}

/// Makes `v` immortal (constants, type objects): it is never freed.
pub fn immortalize(v: Value) -> Value {
    if v.is_ptr() {
        // SAFETY: pointer values always point at a live object with a header.
        unsafe { (*v.as_ptr()).refcount.set(IMMORTAL) }
    }
    v
}

/// The kind of a pointer value.
#[inline]
pub fn kind(v: Value) -> Kind {
    // SAFETY: callers only pass pointer values, which point at a live header.
    unsafe { (*v.as_ptr()).kind }
}

/// The kind of `v` if it is a heap object.
#[inline]
pub fn kind_of(v: Value) -> Option<Kind> {
    if v.is_ptr() { Some(kind(v)) } else { None }
}

/// The header flags of a pointer value.
#[inline]
pub fn flags(v: Value) -> u32 {
    // SAFETY: callers only pass pointer values, which point at a live header.
    unsafe { (*v.as_ptr()).flags.get() }
}

/// Sets `bits` in the header flags of a pointer value.
#[inline]
pub fn set_flags(v: Value, bits: u32) {
    // SAFETY: callers only pass pointer values, which point at a live header.
    unsafe { (*v.as_ptr()).flags.set((*v.as_ptr()).flags.get() | bits) }
}

/// Whether `v` is a heap object of kind `k`.
#[inline]
pub fn is_kind(v: Value, k: Kind) -> bool {
    v.is_ptr() && kind(v) == k
}

/// The payload of a pointer value with payload type `T`.
///
/// # Safety
/// `v` must be a live pointer value whose kind's payload type is `T`, and the object must
/// stay alive while the reference is used.
#[inline]
pub unsafe fn payload<'a, T>(v: Value) -> &'a T {
    // SAFETY: per the contract, `v` points at a live `Obj<T>`.
    unsafe { &(*(v.as_ptr() as *const Obj<T>)).data }
}

/// The payload of a pointer value with payload type `T`, for mutation.
///
/// # Safety
/// As [`payload`], and no other reference to the payload may be in use while the returned
/// one is (the caller holds the only reference to the object).
#[inline]
#[allow(clippy::mut_from_ref)]
pub unsafe fn payload_mut<'a, T>(v: Value) -> &'a mut T {
    // SAFETY: per the contract, `v` points at a live `Obj<T>` nothing else is reading.
    unsafe { &mut (*(v.as_ptr() as *mut Obj<T>)).data }
}

/// The current reference count of a heap object (for tests and diagnostics).
pub fn refcount(v: Value) -> i64 {
    if v.is_ptr() {
        // SAFETY: pointer values point at a live header.
        unsafe { (*v.as_ptr()).refcount.get() }
    } else {
        0
    }
}

/// New reference to `v` (no-op for non-pointers).
#[inline]
pub fn incref(v: Value) -> Value {
    if v.is_ptr() {
        // SAFETY: pointer values point at a live header.
        let h = unsafe { &*v.as_ptr() };
        h.refcount.set(h.refcount.get() + 1);
    }
    v
}

/// Releases a reference to `v`, freeing it when it was the last.
#[inline]
pub fn decref(v: Value) {
    if v.is_ptr() {
        // SAFETY: pointer values point at a live header.
        let h = unsafe { &*v.as_ptr() };
        let n = h.refcount.get() - 1;
        h.refcount.set(n);
        if n == 0 {
            dealloc(v);
        }
    }
}

/// An owned reference: releases the value when dropped.
///
/// Rust code in the runtime holds every new reference in a `Ref`, so that early returns on
/// exceptions never leak. Non-pointer values (ints, floats, bools, `None`) cost nothing.
#[repr(transparent)]
pub struct Ref(Value);

impl Ref {
    /// Takes ownership of a new reference.
    #[inline]
    pub fn new(v: Value) -> Ref {
        Ref(v)
    }

    /// A new reference to a borrowed value.
    #[inline]
    pub fn dup(v: Value) -> Ref {
        Ref(incref(v))
    }

    /// The value (still owned by `self`).
    #[inline]
    pub fn v(&self) -> Value {
        self.0
    }

    /// Gives up ownership without releasing: the caller now owns the reference.
    #[inline]
    pub fn into_raw(self) -> Value {
        let v = self.0;
        std::mem::forget(self);
        v
    }

    /// `None`.
    pub const NONE: Ref = Ref(Value::NONE);
}

impl Clone for Ref {
    fn clone(&self) -> Ref {
        Ref::dup(self.0)
    }
}

impl Drop for Ref {
    #[inline]
    fn drop(&mut self) {
        decref(self.0);
    }
}

impl std::fmt::Debug for Ref {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Owned references that are released last first when dropped: the order in which CPython
/// frees the items of a list or tuple, and the items an unpacking pushed on its stack
/// (`__del__` methods make it visible). Runtime code that gathers the items of an iterable
/// before using them holds them in one, so that an exception part way (the iterator's own,
/// or a bad item found later) releases them as CPython releases its partly built list.
///
/// Derefs to the `Vec`; `into_vec` hands the references over, and iterating by value yields
/// them first to last and releases those not taken last first.
#[derive(Default)]
pub struct RefVec(pub Vec<Ref>);

impl RefVec {
    /// An empty collection.
    pub fn new() -> RefVec {
        RefVec(Vec::new())
    }

    /// The references, now owned by the caller.
    pub fn into_vec(mut self) -> Vec<Ref> {
        std::mem::take(&mut self.0)
    }
}

impl Drop for RefVec {
    fn drop(&mut self) {
        while let Some(x) = self.0.pop() {
            drop(x);
        }
    }
}

impl std::ops::Deref for RefVec {
    type Target = Vec<Ref>;
    fn deref(&self) -> &Vec<Ref> {
        &self.0
    }
}

impl std::ops::DerefMut for RefVec {
    fn deref_mut(&mut self) -> &mut Vec<Ref> {
        &mut self.0
    }
}

impl From<Vec<Ref>> for RefVec {
    fn from(v: Vec<Ref>) -> RefVec {
        RefVec(v)
    }
}

/// The by-value iterator of a [`RefVec`]: the references not taken are released last first.
pub struct RefVecIter(std::vec::IntoIter<Ref>);

impl Iterator for RefVecIter {
    type Item = Ref;
    fn next(&mut self) -> Option<Ref> {
        self.0.next()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl Drop for RefVecIter {
    fn drop(&mut self) {
        while let Some(x) = self.0.next_back() {
            drop(x);
        }
    }
}

impl IntoIterator for RefVec {
    type Item = Ref;
    type IntoIter = RefVecIter;
    fn into_iter(self) -> RefVecIter {
        RefVecIter(self.into_vec().into_iter())
    }
}

impl<'a> IntoIterator for &'a RefVec {
    type Item = &'a Ref;
    type IntoIter = std::slice::Iter<'a, Ref>;
    fn into_iter(self) -> std::slice::Iter<'a, Ref> {
        self.0.iter()
    }
}

/// Releases every value of a slice of owned references.
pub fn decref_all(vs: &[Value]) {
    for v in vs {
        decref(*v);
    }
}

/// How deep [`dealloc`] may nest (an object freed while freeing its container) before
/// further objects are put on the thread's deferred list (CPython's trashcan uses 50 too).
const DEALLOC_NESTING_MAX: u32 = 50;

thread_local! {
    /// Number of [`dealloc`] calls in progress on this thread.
    static DEALLOC_NESTING: Cell<u32> = const { Cell::new(0) };
    /// Objects whose count reached zero while [`DEALLOC_NESTING_MAX`] deallocations were in
    /// progress: the outermost [`dealloc`] frees them.
    static DEALLOC_DEFERRED: UnsafeCell<Vec<Value>> = const { UnsafeCell::new(Vec::new()) };
    /// Whether [`DEALLOC_DEFERRED`] may hold objects: the outermost [`dealloc`] reads this
    /// flag (a plain thread-local word) instead of the list, which needs a destructor and so
    /// a registration check on every access.
    static DEALLOC_DEFERRED_ANY: Cell<bool> = const { Cell::new(false) };
}

fn deferred_push(v: Value) {
    DEALLOC_DEFERRED_ANY.with(|a| a.set(true));
    // SAFETY: thread-local; no reference into the vector outlives this call.
    DEALLOC_DEFERRED.with(|d| unsafe { (*d.get()).push(v) });
}

fn deferred_pop() -> Option<Value> {
    // SAFETY: thread-local; no reference into the vector outlives this call.
    DEALLOC_DEFERRED.with(|d| unsafe { (*d.get()).pop() })
}

/// Frees an object whose refcount reached zero, releasing what it references.
///
/// Freeing uses bounded native stack whatever the shape of the structure (a linked list of
/// 100,000 instances, a tuple nested 100,000 deep): up to [`DEALLOC_NESTING_MAX`] nested
/// frees happen at once, in the natural order; an object whose count reaches zero deeper
/// than that is put on a per-thread worklist, and the outermost `dealloc` frees the worklist
/// before it returns (CPython's "trashcan" scheme, reimplemented).
#[cold]
pub fn dealloc(v: Value) {
    // SAFETY: `v` is a pointer value whose count reached zero: its header is live.
    if unsafe { (*v.as_ptr()).kind } == Kind::Str {
        // A str references nothing: freeing it never nests, so it skips the bookkeeping.
        #[cfg(test)]
        live::add(-1);
        // SAFETY: a str object with no references left.
        unsafe { free_str(v.as_ptr()) };
        return;
    }
    let nesting = DEALLOC_NESTING.with(Cell::get);
    if nesting >= DEALLOC_NESTING_MAX {
        deferred_push(v);
        return;
    }
    DEALLOC_NESTING.with(|n| n.set(nesting + 1));
    // SAFETY: `v`'s header is live (see above).
    if unsafe { (*v.as_ptr()).kind } == Kind::Instance {
        #[cfg(test)]
        live::add(-1);
        // SAFETY: an instance whose count reached zero.
        unsafe { free_instance(v) };
    } else {
        free_object(v);
    }
    if nesting == 0 && DEALLOC_DEFERRED_ANY.with(Cell::get) {
        while let Some(x) = deferred_pop() {
            free_object(x);
        }
        DEALLOC_DEFERRED_ANY.with(|a| a.set(false));
    }
    DEALLOC_NESTING.with(|n| n.set(nesting));
}

/// Frees an instance whose refcount reached zero: [`free_object`]'s work for
/// [`Kind::Instance`], which [`dealloc`] also calls directly (the commonest object freed,
/// without the dispatch over kinds). Runs `__del__` first when the instance has one (the
/// instance may come back to life then, and is not freed).
///
/// # Safety
/// `v` is an instance whose count reached zero.
#[inline(always)]
unsafe fn free_instance(v: Value) {
    let p = v.as_ptr();
    // SAFETY: the caller's guarantee; the payload was allocated with the instance layout.
    unsafe {
        if ((*p).flags.get() & crate::finalize::FLAG_HAS_FINALIZER != 0
            || crate::finalize::adopt_late(v))
            && crate::finalize::instance_dying(v)
        {
            // Resurrected by `__del__`: someone holds it again.
            #[cfg(test)]
            live::add(1);
            return;
        }
        // The object and its slot array are one block ([`alloc_instance`]): the
        // payload is moved out and the block freed once the slots are released.
        let obj = std::ptr::read(p as *mut Obj<InstanceData>);
        if crate::finalize::made_without_del((*p).flags.get()) {
            let count = &payload::<ClassData>(obj.data.class).without_del;
            count.set(count.get().saturating_sub(1));
        }
        let n = if obj.data.slots.is_null() {
            0
        } else {
            payload::<ClassData>(obj.data.class).slots.len()
        };
        for i in 0..n {
            let x = *obj.data.slots.add(i);
            if x != Value::UNBOUND {
                decref(x);
            }
        }
        std::alloc::dealloc(p.cast::<u8>(), instance_layout(n));
        decref(obj.data.class);
        decref(obj.data.dict.get());
        if let Some(exc) = obj.data.exc {
            crate::exceptions::release_exc_state(exc);
        }
    }
}

/// Frees one object (refcount zero) and releases its references: [`dealloc`]'s work.
fn free_object(v: Value) {
    #[cfg(test)]
    live::add(-1);
    // SAFETY: the refcount reached zero, so nobody else references the object; its kind
    // tells the payload type it was allocated with.
    unsafe {
        let p = v.as_ptr();
        match (*p).kind {
            Kind::BigInt => drop(Box::from_raw(p as *mut Obj<num_bigint::BigInt>)),
            Kind::Str => free_str(p),
            Kind::List => {
                let obj = Box::from_raw(p as *mut Obj<crate::list::ListData>);
                // Last item first, as CPython frees a list (observable through `__del__`).
                for x in obj.data.items.into_inner().take().into_iter().rev() {
                    decref(x);
                }
            }
            Kind::Tuple => free_tuple(p),
            Kind::Dict => {
                let obj = Box::from_raw(p as *mut Obj<crate::dict::DictData>);
                obj.data.release();
            }
            Kind::Set => {
                let obj = Box::from_raw(p as *mut Obj<crate::set::SetData>);
                obj.data.release();
            }
            Kind::Range => drop(Box::from_raw(p as *mut Obj<RangeData>)),
            Kind::Bytes | Kind::ByteArray => {
                drop(Box::from_raw(p as *mut Obj<crate::bytes::BytesData>))
            }
            Kind::Complex => drop(Box::from_raw(p as *mut Obj<crate::complex::Complex>)),
            Kind::MemoryView => crate::memoryview::free(p),
            Kind::Iter => {
                let obj = Box::from_raw(p as *mut Obj<IterData>);
                match obj.data {
                    IterData::Seq { seq, .. } | IterData::SeqRev { seq, .. } => decref(seq),
                    IterData::Str { s, .. } => decref(s),
                    IterData::Dict { dict, .. } => decref(dict),
                    IterData::Set { set, .. } => decref(set),
                    IterData::Range { .. } => {}
                    // Dropping the closure releases the references it captured.
                    IterData::Native(f, _) => drop(f),
                }
            }
            Kind::Slice => {
                let obj = Box::from_raw(p as *mut Obj<[Value; 3]>);
                obj.data.iter().for_each(|x| decref(*x));
            }
            Kind::Function => {
                let obj = Box::from_raw(p as *mut Obj<FunctionData>);
                obj.data
                    .defaults
                    .iter()
                    .chain(obj.data.closure.iter())
                    .for_each(|x| decref(*x));
                decref(obj.data.module);
                decref(obj.data.name);
                decref(obj.data.qualname);
                if let Some(extra) = obj.data.extra_opt() {
                    extra.release();
                }
            }
            Kind::Builtin => {
                let obj = Box::from_raw(p as *mut Obj<BuiltinData>);
                decref(obj.data.receiver);
                decref(obj.data.owner);
            }
            Kind::BoundMethod | Kind::Super => {
                let obj = Box::from_raw(p as *mut Obj<[Value; 2]>);
                obj.data.iter().for_each(|x| decref(*x));
            }
            Kind::Class => {
                crate::class::class_changed();
                crate::class::forget_shaped(v);
                let obj = Box::from_raw(p as *mut Obj<ClassData>);
                decref_all(&obj.data.slots);
                decref(obj.data.name);
                decref(obj.data.qualname);
                decref(obj.data.meta);
                decref(obj.data.base);
                decref_all(&obj.data.bases);
                decref_all(&obj.data.mro);
                decref(obj.data.dict);
            }
            Kind::Instance => free_instance(v),
            Kind::Module => {
                let obj = Box::from_raw(p as *mut Obj<ModuleData>);
                decref(obj.data.name);
                decref(obj.data.dict);
            }
            Kind::Cell => {
                let obj = Box::from_raw(p as *mut Obj<UnsafeCell<Value>>);
                decref(obj.data.into_inner());
            }
            Kind::DictView => {
                let obj = Box::from_raw(p as *mut Obj<DictViewData>);
                decref(obj.data.dict);
            }
            Kind::Wrapper => {
                let obj = Box::from_raw(p as *mut Obj<WrapperData>);
                decref(obj.data.f);
                decref(obj.data.setter);
                decref(obj.data.deleter);
                decref(obj.data.doc.get());
                decref(obj.data.name.get());
            }
            Kind::File => drop(Box::from_raw(p as *mut Obj<i32>)),
            Kind::Ellipsis | Kind::NotImplemented => drop(Box::from_raw(p as *mut Obj<()>)),
            Kind::Generator => {
                let obj = Box::from_raw(p as *mut Obj<crate::generator::GenData>);
                crate::generator::release(v, &obj.data);
            }
        }
    }
}

/// Live-object accounting for leak tests.
#[cfg(test)]
pub mod live {
    use std::cell::Cell;

    thread_local! {
        static LIVE: Cell<isize> = const { Cell::new(0) };
    }

    /// Adjusts this thread's count of live heap objects.
    pub fn add(n: isize) {
        LIVE.with(|l| l.set(l.get() + n));
    }

    /// This thread's count of live heap objects.
    pub fn count() -> isize {
        LIVE.with(|l| l.get())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_layout_is_the_documented_one() {
        assert_eq!(std::mem::offset_of!(ObjHeader, refcount), 0);
        assert_eq!(std::mem::offset_of!(ObjHeader, kind), 8);
        assert_eq!(std::mem::offset_of!(ObjHeader, flags), 12);
        assert_eq!(std::mem::size_of::<ObjHeader>(), 16);
    }
}
