//! The iteration protocol: `iter(v)`, advancing an iterator (native iterators without
//! allocation for lists, tuples, ranges, strs, dicts and sets; `__iter__`/`__next__` for
//! instances), and helpers to collect an iterable.

use std::cell::{Cell, UnsafeCell};

use crate::dict::dict_data;
use crate::exceptions::{ExcKind, R, Raised, pending_is, raise, take_pending, type_error};
use crate::object::{
    DictPart, IterData, IterType, Kind, Ref, RefVec, alloc_ref, incref, is_kind, kind, payload,
};
use crate::set::set_data;
use crate::state::rt;
use crate::value::Value;

/// A native iterator driven by a Rust closure, of Python type `ty`.
pub fn native_iter(ty: IterType, f: impl FnMut() -> R<Option<Ref>> + 'static) -> Ref {
    alloc_ref(
        Kind::Iter,
        IterData::Native(UnsafeCell::new(Box::new(f)), ty),
    )
}

/// The class of iterator `it` (a `Kind::Iter` object), as CPython names it:
/// `list_iterator`, `tuple_iterator`, `range_iterator`, `str_ascii_iterator`, `map`, ...
pub fn iter_class(it: Value) -> Value {
    let r = rt();
    let named = |name: &str| r.iter_class_by_name(name);
    // SAFETY: the caller passes a `Kind::Iter` object.
    match unsafe { payload::<IterData>(it) } {
        IterData::Seq { seq, .. } if kind(*seq) == Kind::Tuple => named("tuple_iterator"),
        IterData::Seq { .. } => named("list_iterator"),
        IterData::SeqRev { seq, .. } if kind(*seq) == Kind::Tuple => {
            r.iter_types[IterType::Reversed as usize]
        }
        IterData::SeqRev { .. } => named("list_reverseiterator"),
        IterData::Range { .. } => named("range_iterator"),
        IterData::Str { s, .. } if crate::str::as_str(*s).is_ascii() => named("str_ascii_iterator"),
        IterData::Str { .. } => named("str_iterator"),
        IterData::Dict { part, .. } => named(match part {
            DictPart::Keys => "dict_keyiterator",
            DictPart::Values => "dict_valueiterator",
            DictPart::Items => "dict_itemiterator",
        }),
        IterData::Set { .. } => named("set_iterator"),
        IterData::Native(_, ty) => r.iter_types[*ty as usize],
    }
}

/// An iterator over a list or tuple.
pub fn seq_iter(seq: Value) -> Ref {
    alloc_ref(
        Kind::Iter,
        IterData::Seq {
            seq: incref(seq),
            index: Cell::new(0),
        },
    )
}

/// The length hint `list(v)` and `tuple(v)` ask for before iterating an instance of a user
/// class (CPython's `PyObject_LengthHint`): `__len__` is called when defined, and its errors
/// propagate (a negative length is a `ValueError`) except a `TypeError`, which is ignored.
/// The value itself is not used: the items are collected by iteration.
pub fn length_hint_check(v: Value) -> R<()> {
    if !is_kind(v, Kind::Instance) || !crate::class::has_dunder(v, "__len__") {
        return Ok(());
    }
    match crate::ops::py_len(v) {
        Ok(_) => Ok(()),
        Err(_) if pending_is(ExcKind::TypeError) => {
            drop(take_pending());
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// The items of `it` for `str.join`/`bytes.join`, as CPython's `PySequence_Fast(it, "can
/// only join an iterable")`: a value that is not iterable raises `TypeError: can only join
/// an iterable`; errors of the iteration itself pass through.
pub fn collect_for_join(it: Value) -> R<RefVec> {
    let iter = match py_iter(it) {
        Ok(i) => i,
        Err(e) => {
            if pending_is(ExcKind::TypeError) {
                drop(take_pending());
                return type_error("can only join an iterable");
            }
            return Err(e);
        }
    };
    collect_vec(iter.v())
}

/// `iter(v)`.
pub fn py_iter(v: Value) -> R<Ref> {
    if !v.is_ptr() {
        return not_iterable(v);
    }
    let it = match kind(v) {
        Kind::List | Kind::Tuple => seq_iter(v),
        Kind::Range => {
            let r = crate::range::range_data(v);
            if r.big.is_some() {
                return Ok(crate::range::range_iter_big(r));
            }
            alloc_ref(
                Kind::Iter,
                IterData::Range {
                    next: Cell::new(r.start),
                    left: Cell::new(crate::range::range_len(r)),
                    step: r.step,
                },
            )
        }
        Kind::Str => alloc_ref(
            Kind::Iter,
            IterData::Str {
                s: incref(v),
                offset: Cell::new(0),
            },
        ),
        Kind::Bytes | Kind::ByteArray => crate::bytes::bytes_iter(v),
        Kind::MemoryView => return crate::memoryview::iter(v),
        Kind::Dict => dict_iter(v, DictPart::Keys),
        Kind::DictView => {
            let d = crate::dict::view_data(v);
            dict_iter(d.dict, d.part)
        }
        Kind::Set => alloc_ref(
            Kind::Iter,
            IterData::Set {
                set: incref(v),
                index: Cell::new(0),
                len: set_data(v).len(),
            },
        ),
        // A stream is its own iterator (its lines), as CPython's.
        Kind::Iter | Kind::Generator | Kind::File => Ref::dup(v),
        Kind::Instance => return instance_iter(v),
        Kind::Class
            if crate::class::meta_hook(v, "__iter__").is_some()
                || crate::class::meta_hook(v, "__getitem__").is_some() =>
        {
            return instance_iter(v);
        }
        _ => return not_iterable(v),
    };
    Ok(it)
}

/// `iter(v)` for unpacking (`a, b = v`): as [`py_iter`], but a value whose type has no
/// iteration protocol at all gets CPython's unpacking message, "cannot unpack
/// non-iterable int object", instead of "'int' object is not iterable". A `TypeError`
/// raised by a user `__iter__` is kept as it is.
pub fn unpack_iter(v: Value) -> R<Ref> {
    if has_iter_protocol(v) {
        return py_iter(v);
    }
    type_error(format!(
        "cannot unpack non-iterable {} object",
        crate::class::type_name(v)
    ))
}

/// Whether `v`'s type has an iteration protocol at all (CPython: `tp_iter` or the sequence
/// protocol), i.e. whether `iter(v)` would try anything. CPython words its "not iterable"
/// errors per context (unpacking, `*` arguments) only for values where this is false.
pub fn has_iter_protocol(v: Value) -> bool {
    v.is_ptr()
        && match kind(v) {
            Kind::List
            | Kind::Tuple
            | Kind::Range
            | Kind::Str
            | Kind::Bytes
            | Kind::ByteArray
            | Kind::MemoryView
            | Kind::Dict
            | Kind::DictView
            | Kind::Set
            | Kind::Iter
            | Kind::Generator
            | Kind::File => true,
            Kind::Instance => {
                crate::class::has_dunder(v, "__iter__")
                    || crate::class::has_dunder(v, "__getitem__")
            }
            _ => false,
        }
}

/// `list.extend(v)` for a starred item of a list/tuple display or of call arguments:
/// CPython's "Value after * must be an iterable, not T" when `v` has no iteration protocol.
pub fn star_extend(list: Value, v: Value) -> R<()> {
    if !has_iter_protocol(v) {
        return type_error(format!(
            "Value after * must be an iterable, not {}",
            crate::class::type_name(v)
        ));
    }
    crate::list::list_extend(list, v)
}

fn dict_iter(d: Value, part: DictPart) -> Ref {
    alloc_ref(
        Kind::Iter,
        IterData::Dict {
            dict: incref(d),
            index: Cell::new(0),
            len: dict_data(d).len(),
            left: Cell::new(dict_data(d).len()),
            part,
        },
    )
}

fn not_iterable<T>(v: Value) -> R<T> {
    type_error(format!(
        "'{}' object is not iterable",
        crate::class::type_name(v)
    ))
}

fn instance_iter(v: Value) -> R<Ref> {
    // `__iter__ = None` in a class body blocks iteration (also the `__getitem__` fallback).
    if crate::class::lookup(crate::class::type_of(v), "__iter__").is_some_and(|f| f.is_none()) {
        return not_iterable(v);
    }
    if let Some(it) = crate::class::call_dunder(v, "__iter__", &[])? {
        if is_iterator(it.v()) {
            return Ok(it);
        }
        return type_error(format!(
            "iter() returned non-iterator of type '{}'",
            crate::class::type_name(it.v())
        ));
    }
    if crate::class::has_dunder(v, "__getitem__") {
        // The old sequence protocol: v[0], v[1], ... until IndexError.
        let obj = Ref::dup(v);
        let mut i = 0i64;
        return Ok(native_iter(IterType::Iterator, move || {
            let idx = crate::int::int_from_i64(i);
            match crate::ops::getitem(obj.v(), idx.v()) {
                Ok(x) => {
                    i += 1;
                    Ok(Some(x))
                }
                Err(Raised)
                    if pending_is(ExcKind::IndexError) || pending_is(ExcKind::StopIteration) =>
                {
                    drop(take_pending());
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }));
    }
    not_iterable(v)
}

/// Whether `v` is an iterator (native, or an instance with `__next__`).
pub fn is_iterator(v: Value) -> bool {
    is_kind(v, Kind::Iter)
        || is_kind(v, Kind::Generator)
        || is_kind(v, Kind::File)
        || (is_kind(v, Kind::Instance) && crate::class::has_dunder(v, "__next__"))
}

/// Advances iterator `it`: `Ok(Some(item))`, `Ok(None)` when exhausted.
#[inline]
pub fn py_next(it: Value) -> R<Option<Ref>> {
    if is_kind(it, Kind::Iter) {
        // SAFETY: kind checked.
        return native_next(unsafe { payload::<IterData>(it) });
    }
    if is_kind(it, Kind::Generator) {
        return crate::generator::gen_next(it);
    }
    if is_kind(it, Kind::File) {
        return crate::io::file_next(it);
    }
    if is_kind(it, Kind::Instance) {
        return match crate::class::call_dunder(it, "__next__", &[]) {
            Ok(Some(x)) => Ok(Some(x)),
            Ok(None) => type_error(format!(
                "'{}' object is not an iterator",
                crate::class::type_name(it)
            )),
            Err(Raised) if pending_is(ExcKind::StopIteration) => {
                drop(take_pending());
                Ok(None)
            }
            Err(e) => Err(e),
        };
    }
    type_error(format!(
        "'{}' object is not an iterator",
        crate::class::type_name(it)
    ))
}

fn native_next(data: &IterData) -> R<Option<Ref>> {
    match data {
        IterData::Seq { seq, index } => {
            let i = index.get();
            let items = seq_items(*seq);
            if i < items.len() as u64 {
                index.set(i + 1);
                Ok(Some(Ref::dup(items[i as usize])))
            } else {
                // Stay exhausted even if a list grows later.
                index.set(u64::MAX);
                Ok(None)
            }
        }
        IterData::SeqRev { seq, left } => {
            let n = left.get();
            let items = seq_items(*seq);
            if n == 0 || n > items.len() {
                left.set(0);
                return Ok(None);
            }
            left.set(n - 1);
            Ok(Some(Ref::dup(items[n - 1])))
        }
        IterData::Range { next, left, step } => {
            let n = left.get();
            if n == 0 {
                return Ok(None);
            }
            left.set(n - 1);
            let v = next.get();
            next.set(v.wrapping_add(*step));
            Ok(Some(crate::int::int_from_i64(v)))
        }
        IterData::Str { s, offset } => {
            let text = crate::str::as_str(*s);
            let off = offset.get();
            match text[off..].chars().next() {
                Some(c) => {
                    offset.set(off + c.len_utf8());
                    let cp = c as u32;
                    if cp < 256 {
                        Ok(Some(Ref::dup(rt().chars[cp as usize])))
                    } else {
                        Ok(Some(crate::str::str_from_char(c)))
                    }
                }
                None => Ok(None),
            }
        }
        IterData::Dict {
            dict,
            index,
            len,
            left,
            part,
        } => {
            // CPython's rules: a size change raises at the next step (and at every later
            // one); an entry found after `len` items were produced means keys were deleted
            // and others added; an exhausted iterator stays exhausted.
            let i0 = index.get();
            if i0 == usize::MAX {
                return Ok(None);
            }
            let d = dict_data(*dict);
            if d.len() != *len || i0 == usize::MAX - 1 {
                index.set(usize::MAX - 1);
                return raise(
                    ExcKind::RuntimeError,
                    "dictionary changed size during iteration",
                );
            }
            // The entries before the dict's hint are deleted ones; a scan from there
            // moves the hint to the live entry it finds.
            let hint = d.first_live_hint();
            let mut i = i0.max(hint);
            while i < d.entries_len() {
                if let Some((k, v)) = d.entry(i) {
                    if i0 <= hint && i != hint {
                        d.set_first_live(i);
                    }
                    if left.get() == 0 {
                        index.set(usize::MAX);
                        return raise(
                            ExcKind::RuntimeError,
                            "dictionary keys changed during iteration",
                        );
                    }
                    left.set(left.get() - 1);
                    index.set(i + 1);
                    return Ok(Some(match part {
                        DictPart::Keys => Ref::dup(k),
                        DictPart::Values => Ref::dup(v),
                        DictPart::Items => crate::tuple::tuple_from_slice(&[k, v]),
                    }));
                }
                i += 1;
            }
            index.set(usize::MAX);
            Ok(None)
        }
        IterData::Set { set, index, len } => {
            // As for dicts: a size change raises now and at every later step; an exhausted
            // iterator stays exhausted.
            let i0 = index.get();
            if i0 == usize::MAX {
                return Ok(None);
            }
            let s = set_data(*set);
            if s.len() != *len || i0 == usize::MAX - 1 {
                index.set(usize::MAX - 1);
                return raise(ExcKind::RuntimeError, "Set changed size during iteration");
            }
            let mut i = i0;
            while i < s.slots() {
                if let Some(k) = s.slot(i) {
                    index.set(i + 1);
                    return Ok(Some(Ref::dup(k)));
                }
                i += 1;
            }
            index.set(usize::MAX);
            Ok(None)
        }
        IterData::Native(f, _) => {
            // SAFETY: single-threaded; a native iterator's closure is never re-entered
            // (it would need the iterator to iterate itself, which the closures never do).
            let f = unsafe { &mut *f.get() };
            f()
        }
    }
}

/// The items of a list or tuple (borrowed; do not keep across Python code).
pub fn seq_items<'a>(v: Value) -> &'a [Value] {
    if crate::list::is_list(v) {
        crate::list::list_vec(v)
    } else {
        crate::tuple::tuple_items(v)
    }
}

/// All items of an iterable, as new references (released last first when dropped, as
/// CPython's list; so too those taken before the iterator raises).
pub fn collect_vec(v: Value) -> R<RefVec> {
    if crate::list::is_list(v) || crate::tuple::is_tuple(v) {
        return Ok(RefVec(seq_items(v).iter().map(|x| Ref::dup(*x)).collect()));
    }
    let it = py_iter(v)?;
    let mut out = RefVec::new();
    if is_kind(it.v(), Kind::Iter)
        // SAFETY: kind checked.
        && let IterData::Range { left, .. } = unsafe { payload::<IterData>(it.v()) }
    {
        // A range knows its length: reserve it at once, so `list(range(2**40))` is a
        // `MemoryError` (as in CPython, through its length hint) rather than a process that
        // grows until the system kills it.
        let n = usize::try_from(left.get()).or_else(|_| crate::int::memory_error())?;
        crate::int::try_reserve(&mut out, n)?;
    }
    while let Some(x) = py_next(it.v())? {
        out.push(x);
    }
    Ok(out)
}

/// A reverse iterator over a list or tuple (`reversed`).
pub fn reversed_seq(seq: Value) -> Ref {
    let n = seq_items(seq).len();
    alloc_ref(
        Kind::Iter,
        IterData::SeqRev {
            seq: incref(seq),
            left: Cell::new(n),
        },
    )
}
