//! `list`: construction, indexing and slicing (get, set, delete, extended slices), the list
//! methods, and a stable merge sort whose comparisons may raise (Python `<`).

use std::cell::UnsafeCell;

use crate::exceptions::{ExcKind, R, Raised, index_error, type_error, value_error};
use crate::object::{Args, Kind, Ref, RefVec, alloc_ref, decref, incref, is_kind, payload};
use crate::value::Value;

/// The payload of a list object (`#[repr(C)]`: the items come first; generated code reads
/// their address and count at `molt_abi::layout::LIST_ITEMS_OFFSET` and `LIST_LEN_OFFSET`).
#[repr(C)]
pub struct ListData {
    /// The items.
    pub items: UnsafeCell<ListItems>,
    /// When the list was made, in [`crate::finalize::stamp`] units: the finalizable objects
    /// made before it are older (it orders finalization at exit).
    pub stamp: u64,
}

/// The items of a list: a growable array of owned values, `Vec<Value>`'s storage with a
/// layout of our own (`Vec`'s field order is unspecified) that generated code can index:
/// three 8-byte words on every target, the address of the first item (zero-extended on
/// wasm32), the number of items, the capacity. The memory is a `Vec<Value>`'s: operations
/// that grow or shrink it rebuild the `Vec` for their duration ([`ListItems::with_vec`]).
/// Dropping it frees the storage but does not release the items (values are plain words).
#[repr(C)]
pub struct ListItems {
    /// Address of the first item (dangling but aligned when the capacity is 0).
    ptr: u64,
    /// Number of items.
    len: u64,
    /// Number of items the storage holds.
    cap: u64,
}

// The words generated code reads.
const _: () = {
    use molt_abi::layout;
    use std::mem::offset_of;
    let items = layout::HEADER_SIZE as usize + offset_of!(ListData, items);
    assert!(items + offset_of!(ListItems, ptr) == layout::LIST_ITEMS_OFFSET as usize);
    assert!(items + offset_of!(ListItems, len) == layout::LIST_LEN_OFFSET as usize);
    assert!(items + offset_of!(ListItems, cap) == layout::LIST_CAP_OFFSET as usize);
    assert!(crate::object::Kind::List as u32 == layout::KIND_LIST);
};

impl ListItems {
    /// Takes over the storage of `v`.
    pub fn from_vec(v: Vec<Value>) -> ListItems {
        let mut v = std::mem::ManuallyDrop::new(v);
        ListItems {
            ptr: v.as_mut_ptr() as usize as u64,
            len: v.len() as u64,
            cap: v.capacity() as u64,
        }
    }

    /// Runs `f` on the items as a `Vec`, then keeps whatever storage `f` left (also when
    /// `f` unwinds). `f` must not reach this list through another path.
    #[inline]
    pub fn with_vec<T>(&mut self, f: impl FnOnce(&mut Vec<Value>) -> T) -> T {
        struct WriteBack<'a> {
            items: &'a mut ListItems,
            vec: std::mem::ManuallyDrop<Vec<Value>>,
        }
        impl Drop for WriteBack<'_> {
            fn drop(&mut self) {
                self.items.ptr = self.vec.as_mut_ptr() as usize as u64;
                self.items.len = self.vec.len() as u64;
                self.items.cap = self.vec.capacity() as u64;
            }
        }
        // SAFETY: the three words always describe the live storage of a `Vec<Value>` (see
        // `from_vec` and `WriteBack`), which only this `ListItems` owns.
        let vec = unsafe {
            Vec::from_raw_parts(
                self.ptr as usize as *mut Value,
                self.len as usize,
                self.cap as usize,
            )
        };
        let mut guard = WriteBack {
            items: self,
            vec: std::mem::ManuallyDrop::new(vec),
        };
        f(&mut guard.vec)
    }

    /// Removes and returns every item, leaving the list empty.
    pub fn take(&mut self) -> Vec<Value> {
        self.replace(Vec::new())
    }

    /// Replaces the items with `new`, returning the old ones.
    pub fn replace(&mut self, new: Vec<Value>) -> Vec<Value> {
        self.with_vec(|v| std::mem::replace(v, new))
    }

    /// Replaces the items with `new`, freeing the old storage (the old items are not
    /// released: the caller has taken them).
    pub fn set(&mut self, new: Vec<Value>) {
        drop(self.replace(new));
    }

    /// Appends `x`.
    #[inline]
    pub fn push(&mut self, x: Value) {
        if self.len < self.cap {
            // SAFETY: in bounds of the storage (len < cap).
            unsafe {
                (self.ptr as usize as *mut Value)
                    .add(self.len as usize)
                    .write(x)
            };
            self.len += 1;
        } else {
            self.with_vec(|v| v.push(x));
        }
    }

    /// Removes the last item.
    #[inline]
    pub fn pop(&mut self) -> Option<Value> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: the item at the old last position is initialized.
        Some(unsafe {
            (self.ptr as usize as *const Value)
                .add(self.len as usize)
                .read()
        })
    }

    /// Inserts `x` at `i` (`i <= len`).
    pub fn insert(&mut self, i: usize, x: Value) {
        self.with_vec(|v| v.insert(i, x));
    }

    /// Removes the item at `i` (`i < len`), shifting the rest down.
    pub fn remove(&mut self, i: usize) -> Value {
        self.with_vec(|v| v.remove(i))
    }

    /// Appends the items of `it`.
    pub fn extend(&mut self, it: impl IntoIterator<Item = Value>) {
        self.with_vec(|v| v.extend(it));
    }

    /// Replaces the items in `range` with those of `with`; returns the removed ones.
    pub fn splice(
        &mut self,
        range: std::ops::Range<usize>,
        with: impl IntoIterator<Item = Value>,
    ) -> Vec<Value> {
        self.with_vec(|v| v.splice(range, with).collect())
    }

    /// Reserves room for `n` more items.
    pub fn reserve(&mut self, n: usize) {
        self.with_vec(|v| v.reserve(n));
    }
}

impl Drop for ListItems {
    fn drop(&mut self) {
        drop(self.take());
    }
}

impl std::ops::Deref for ListItems {
    type Target = [Value];
    #[inline]
    fn deref(&self) -> &[Value] {
        // SAFETY: `len` initialized items at a non-null, aligned address.
        unsafe { std::slice::from_raw_parts(self.ptr as usize as *const Value, self.len as usize) }
    }
}

impl std::ops::DerefMut for ListItems {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Value] {
        // SAFETY: as `deref`; the list's items are borrowed mutably through `self`.
        unsafe {
            std::slice::from_raw_parts_mut(self.ptr as usize as *mut Value, self.len as usize)
        }
    }
}

impl std::fmt::Debug for ListItems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Whether `v` is a list.
#[inline]
pub fn is_list(v: Value) -> bool {
    is_kind(v, Kind::List)
}

/// The items of a list for mutation.
///
/// The borrow must not be held across anything that can run Python code (comparisons,
/// calls, decrefs of items are fine: there are no finalizers).
#[inline]
#[allow(clippy::mut_from_ref)]
pub fn list_vec<'a>(v: Value) -> &'a mut ListItems {
    debug_assert!(is_list(v));
    // SAFETY: `v` is a live list; single-threaded, and callers follow the rule above.
    unsafe { &mut *payload::<ListData>(v).items.get() }
}

/// When list `v` was made ([`ListData::stamp`]).
#[inline]
pub fn list_stamp(v: Value) -> u64 {
    debug_assert!(is_list(v));
    // SAFETY: `v` is a live list.
    unsafe { payload::<ListData>(v) }.stamp
}

/// Number of items of a list.
#[inline]
pub fn list_len(v: Value) -> usize {
    list_vec(v).len()
}

/// A list taking ownership of the given references.
pub fn list_from_vec(items: Vec<Ref>) -> Ref {
    let raw: Vec<Value> = items.into_iter().map(Ref::into_raw).collect();
    list_from_raw(raw)
}

/// A list taking ownership of raw owned values.
#[inline]
pub fn list_from_raw(items: Vec<Value>) -> Ref {
    alloc_ref(
        Kind::List,
        ListData {
            items: UnsafeCell::new(ListItems::from_vec(items)),
            stamp: crate::finalize::stamp(),
        },
    )
}

/// A list taking ownership of the given references, made (in CPython) at `stamp`, before
/// its items were collected: `list(iterable)` and `sorted()` make the list first and then
/// extend it, so the items an iterator creates are newer than the list.
pub fn list_made_at(items: Vec<Ref>, stamp: u64) -> Ref {
    alloc_ref(
        Kind::List,
        ListData {
            items: UnsafeCell::new(ListItems::from_vec(
                items.into_iter().map(Ref::into_raw).collect(),
            )),
            stamp,
        },
    )
}

/// A list with new references to borrowed values.
#[inline]
pub fn list_from_slice(items: &[Value]) -> Ref {
    if items.is_empty() {
        // `[]` and `list()`: no buffer until the first item.
        return list_from_raw(Vec::new());
    }
    list_from_raw(items.iter().map(|v| incref(*v)).collect())
}

/// Appends (borrowed) `item`.
#[inline]
pub fn list_append(l: Value, item: Value) {
    list_vec(l).push(incref(item));
}

/// `list(...)` constructor.
pub fn list_new(_cls: Value, args: Args<'_>) -> R<Ref> {
    let [it] = args.range::<1>("list", 0)?;
    match it {
        None => Ok(list_from_raw(Vec::new())),
        Some(it) => {
            let stamp = crate::finalize::stamp();
            // CPython's order: `iter(it)` first, then the length hint.
            let iter = crate::iter::py_iter(it)?;
            crate::iter::length_hint_check(it)?;
            Ok(list_made_at(
                crate::iter::collect_vec(iter.v())?.into_vec(),
                stamp,
            ))
        }
    }
}

/// A snapshot of the items with new references (safe to use across Python code).
pub fn list_snapshot(v: Value) -> Vec<Ref> {
    list_vec(v).iter().map(|x| Ref::dup(*x)).collect()
}

/// `l[i]`.
pub fn list_getindex(l: Value, i: i64) -> R<Ref> {
    let items = list_vec(l);
    let Some(j) = crate::int::seq_pos(i, items.len()) else {
        return index_error("list index out of range");
    };
    Ok(Ref::dup(items[j]))
}

/// `l[i] = v`.
pub fn list_setindex(l: Value, i: i64, v: Value) -> R<()> {
    let items = list_vec(l);
    let Some(j) = crate::int::seq_pos(i, items.len()) else {
        return index_error("list assignment index out of range");
    };
    let old = std::mem::replace(&mut items[j], incref(v));
    decref(old);
    Ok(())
}

/// `del l[i]`.
pub fn list_delindex(l: Value, i: i64) -> R<()> {
    let items = list_vec(l);
    let Some(j) = crate::int::seq_pos(i, items.len()) else {
        return index_error("list assignment index out of range");
    };
    let old = items.remove(j);
    decref(old);
    Ok(())
}

/// `l[start:stop:step]` with adjusted indices.
pub fn list_getslice(l: Value, start: i64, stop: i64, step: i64) -> Ref {
    let items = list_vec(l);
    let out: Vec<Value> = crate::ops::slice_positions(start, stop, step)
        .map(|i| incref(items[i]))
        .collect();
    list_from_raw(out)
}

/// `l[start:stop:step] = src` with adjusted indices.
pub fn list_setslice(l: Value, start: i64, stop: i64, step: i64, src: Value) -> R<()> {
    // Materialize first: `src` may be `l` itself or an arbitrary iterable.
    let new: RefVec = if is_list(src) {
        RefVec(list_snapshot(src))
    } else {
        // Only a TypeError of `iter(src)` is reworded (an iterator's own passes through).
        let it = match crate::iter::py_iter(src) {
            Ok(it) => it,
            Err(Raised) => {
                if crate::exceptions::pending_is(ExcKind::TypeError) {
                    drop(crate::exceptions::take_pending());
                    return type_error(if step == 1 {
                        "can only assign an iterable"
                    } else {
                        "must assign iterable to extended slice"
                    });
                }
                return Err(Raised);
            }
        };
        crate::iter::collect_vec(it.v())?
    };
    let items = list_vec(l);
    if step == 1 {
        let lo = start.max(0) as usize;
        let hi = (stop.max(start)).max(0) as usize;
        let lo = lo.min(items.len());
        let hi = hi.min(items.len());
        let removed: Vec<Value> =
            items.splice(lo..hi, new.into_vec().into_iter().map(Ref::into_raw));
        // Last first, as CPython's `list_ass_slice` releases them.
        for v in removed.into_iter().rev() {
            decref(v);
        }
        return Ok(());
    }
    let positions: Vec<usize> = crate::ops::slice_positions(start, stop, step).collect();
    if positions.len() != new.len() {
        return value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new.len(),
            positions.len()
        ));
    }
    // As CPython: every item is replaced before the old ones are released (in slice order),
    // so their `__del__` methods see the assignment done.
    let mut old = Vec::with_capacity(positions.len());
    for (p, v) in positions.into_iter().zip(new) {
        old.push(std::mem::replace(&mut items[p], v.into_raw()));
    }
    for v in old {
        decref(v);
    }
    Ok(())
}

/// `del l[start:stop:step]` with adjusted indices.
pub fn list_delslice(l: Value, start: i64, stop: i64, step: i64) {
    let items = list_vec(l);
    let mut positions: Vec<usize> = crate::ops::slice_positions(start, stop, step).collect();
    positions.sort_unstable();
    let mut removed = Vec::with_capacity(positions.len());
    let mut keep = Vec::with_capacity(items.len() - positions.len());
    let mut p = positions.into_iter().peekable();
    for (i, v) in items.take().into_iter().enumerate() {
        if p.peek() == Some(&i) {
            p.next();
            removed.push(v);
        } else {
            keep.push(v);
        }
    }
    items.set(keep);
    // CPython releases a contiguous slice last item first, an extended one in index order.
    if step == 1 {
        removed.reverse();
    }
    for v in removed {
        decref(v);
    }
}

/// `a + b` for lists.
pub fn list_concat(a: Value, b: Value) -> Ref {
    let mut out: Vec<Value> = Vec::with_capacity(list_len(a) + list_len(b));
    out.extend(list_vec(a).iter().map(|v| incref(*v)));
    out.extend(list_vec(b).iter().map(|v| incref(*v)));
    list_from_raw(out)
}

/// `l * n`.
pub fn list_repeat(l: Value, n: i64) -> R<Ref> {
    let items = list_vec(l);
    if n <= 0 || items.is_empty() {
        return Ok(list_from_raw(Vec::new()));
    }
    let total = crate::int::size_of_count(n)?
        .checked_mul(items.len())
        .map_or_else(crate::int::memory_error, Ok)?;
    let mut out = crate::int::try_vec(total)?;
    for _ in 0..n {
        out.extend(items.iter().map(|v| incref(*v)));
    }
    Ok(list_from_raw(out))
}

/// `l.extend(it)` / `l += it`.
pub fn list_extend(l: Value, it: Value) -> R<()> {
    if is_list(it) || is_kind(it, Kind::Tuple) {
        let src: Vec<Value> = crate::iter::seq_items(it).to_vec();
        let items = list_vec(l);
        items.extend(src.into_iter().map(incref));
        return Ok(());
    }
    let iter = crate::iter::py_iter(it)?;
    while let Some(x) = crate::iter::py_next(iter.v())? {
        list_vec(l).push(x.into_raw());
    }
    Ok(())
}

fn recv_list(recv: Value) -> R<Value> {
    if is_list(recv) {
        Ok(recv)
    } else {
        type_error(format!(
            "descriptor requires a 'list' object but received a '{}'",
            crate::class::type_name(recv)
        ))
    }
}

fn m_append(recv: Value, args: Args<'_>) -> R<Ref> {
    let l = recv_list(recv)?;
    let [x] = args.exact("list.append")?;
    list_append(l, x);
    Ok(Ref::NONE)
}

fn m_extend(recv: Value, args: Args<'_>) -> R<Ref> {
    let l = recv_list(recv)?;
    let [x] = args.exact("list.extend")?;
    list_extend(l, x)?;
    Ok(Ref::NONE)
}

fn m_insert(recv: Value, args: Args<'_>) -> R<Ref> {
    let l = recv_list(recv)?;
    let [i, x] = args.exact("insert")?;
    let i = crate::int::index_i64(i)?;
    let items = list_vec(l);
    let n = items.len() as i64;
    let j = if i < 0 {
        i.saturating_add(n).max(0)
    } else {
        i.min(n)
    };
    items.insert(j as usize, incref(x));
    Ok(Ref::NONE)
}

fn m_pop(recv: Value, args: Args<'_>) -> R<Ref> {
    let l = recv_list(recv)?;
    let [i] = args.range::<1>("pop", 0)?;
    let items = list_vec(l);
    if items.is_empty() {
        return index_error("pop from empty list");
    }
    let n = items.len() as i64;
    let i = match i {
        Some(i) => crate::int::index_i64(i)?,
        None => n - 1,
    };
    let items = list_vec(l);
    let j = if i < 0 { i.saturating_add(n) } else { i };
    if j < 0 || j >= n {
        return index_error("pop index out of range");
    }
    Ok(Ref::new(items.remove(j as usize)))
}

/// Index of the first item equal to `x` in `l[start:stop]`.
fn find_eq(l: Value, x: Value, start: usize, stop: usize) -> R<Option<usize>> {
    let mut i = start;
    while i < stop.min(list_len(l)) {
        let item = Ref::dup(list_vec(l)[i]);
        if item.v() == x || crate::ops::py_eq_bool(item.v(), x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

/// Adjusts optional `start`/`stop` arguments of `index` against length `n`: ints or
/// objects with `__index__`, clamped (CPython's `_PyEval_SliceIndexNotNone`).
pub fn index_bounds(start: Option<Value>, stop: Option<Value>, n: usize) -> R<(usize, usize)> {
    let n = n as i64;
    let adj = |v: Option<Value>, default: i64| -> R<i64> {
        let i = match v {
            Some(v) if crate::int::has_index(v) => crate::int::as_ssize(v, None)?,
            Some(_) => {
                return type_error("slice indices must be integers or have an __index__ method");
            }
            None => default,
        };
        Ok(if i < 0 {
            i.saturating_add(n).max(0)
        } else {
            i.min(n)
        })
    };
    Ok((adj(start, 0)? as usize, adj(stop, n)? as usize))
}

fn m_index(recv: Value, args: Args<'_>) -> R<Ref> {
    let l = recv_list(recv)?;
    let [x, start, stop] = args.range::<3>("index", 1)?;
    let x = x.unwrap_or(Value::NONE);
    let (a, b) = index_bounds(start, stop, list_len(l))?;
    match find_eq(l, x, a, b)? {
        Some(i) => Ok(crate::int::int_from_i64(i as i64)),
        None => value_error(format!("{} is not in list", crate::ops::repr_string(x)?)),
    }
}

fn m_count(recv: Value, args: Args<'_>) -> R<Ref> {
    let l = recv_list(recv)?;
    let [x] = args.exact("list.count")?;
    let mut n = 0;
    let mut i = 0;
    while i < list_len(l) {
        let item = Ref::dup(list_vec(l)[i]);
        if item.v() == x || crate::ops::py_eq_bool(item.v(), x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(crate::int::int_from_i64(n))
}

fn m_remove(recv: Value, args: Args<'_>) -> R<Ref> {
    let l = recv_list(recv)?;
    let [x] = args.exact("list.remove")?;
    match find_eq(l, x, 0, usize::MAX)? {
        Some(i) => {
            let items = list_vec(l);
            if i < items.len() {
                decref(items.remove(i));
            }
            Ok(Ref::NONE)
        }
        None => value_error("list.remove(x): x not in list"),
    }
}

fn m_reverse(recv: Value, args: Args<'_>) -> R<Ref> {
    let l = recv_list(recv)?;
    args.none("reverse")?;
    list_vec(l).reverse();
    Ok(Ref::NONE)
}

fn m_copy(recv: Value, args: Args<'_>) -> R<Ref> {
    let l = recv_list(recv)?;
    args.none("copy")?;
    Ok(list_from_slice(list_vec(l)))
}

fn m_clear(recv: Value, args: Args<'_>) -> R<Ref> {
    let l = recv_list(recv)?;
    args.none("clear")?;
    let old = list_vec(l).take();
    // Last item first, as CPython's `list.clear` releases them.
    for v in old.into_iter().rev() {
        decref(v);
    }
    Ok(Ref::NONE)
}

fn m_sort(recv: Value, args: Args<'_>) -> R<Ref> {
    let l = recv_list(recv)?;
    let (key, reverse) = sort_args(args)?;
    list_sort(l, key, reverse)?;
    Ok(Ref::NONE)
}

/// The `key` (`None` for none) and `reverse` arguments of `list.sort` (and `sorted`), with
/// Argument Clinic's checks for `sort(*, key=None, reverse=False)` in its order; `reverse`
/// is taken as a C int, as in CPython 3.11.
pub fn sort_args(args: Args<'_>) -> R<(Option<Value>, bool)> {
    let given = args.pos.len() + args.kwnames.len();
    if given > 2 {
        let keyword = if args.pos.is_empty() { "keyword " } else { "" };
        return type_error(format!(
            "sort() takes at most 2 {keyword}arguments ({given} given)"
        ));
    }
    if !args.pos.is_empty() {
        return type_error("sort() takes no positional arguments");
    }
    if let Some(bad) = args
        .kwnames
        .iter()
        .map(|k| crate::str::str_opt(*k).unwrap_or(""))
        .find(|k| !matches!(*k, "key" | "reverse"))
    {
        return type_error(format!("'{bad}' is an invalid keyword argument for sort()"));
    }
    let [key, reverse] = args.bind("sort", &["key", "reverse"], 0)?;
    let reverse = match reverse {
        Some(r) => {
            let i = match crate::int::int_view(r) {
                Some(crate::int::IntV::Big(_)) => i64::MAX,
                _ => crate::int::index_i64(r)?,
            };
            if i32::try_from(i).is_err() {
                return crate::exceptions::overflow_error(
                    "Python int too large to convert to C int",
                );
            }
            i != 0
        }
        None => false,
    };
    Ok((key.filter(|k| !k.is_none()), reverse))
}

/// Sorts list `l` in place (stable), with an optional key function. A comparison that
/// raises leaves the list in the order CPython's sort leaves it in.
pub fn list_sort(l: Value, key: Option<Value>, reverse: bool) -> R<()> {
    // CPython empties the list while sorting, so that mutation is detected.
    let items = list_vec(l).take();
    let (order, result) = sort_items(&items, key, reverse);
    let during = list_vec(l).take();
    let sorted: Vec<Value> = order.into_iter().map(|i| items[i]).collect();
    list_vec(l).set(sorted);
    let modified = !during.is_empty();
    for v in during {
        decref(v);
    }
    result?;
    if modified {
        return value_error("list modified during sort");
    }
    Ok(())
}

/// The stable sorted order (a permutation of indices) of `items`, by their keys, and
/// whether the sort succeeded: when a key function or a comparison raises, the order is
/// where CPython's sort left the items (unchanged for a failing key function).
pub fn sort_items(items: &[Value], key: Option<Value>, reverse: bool) -> (Vec<usize>, R<()>) {
    let identity = || (0..items.len()).collect::<Vec<usize>>();
    // When the key function raises, the keys computed so far are released last first; when
    // a comparison does, all of them first to last (CPython's `list.sort`).
    let keys: Vec<Ref> = match key {
        Some(k) => {
            let mut ks = RefVec(Vec::with_capacity(items.len()));
            for v in items {
                match crate::call::call(k, Args::positional(&[*v])) {
                    Ok(r) => ks.push(r),
                    Err(e) => return (identity(), Err(e)),
                }
            }
            ks.into_vec()
        }
        None => items.iter().map(|v| Ref::dup(*v)).collect(),
    };
    let kv: Vec<Value> = keys.iter().map(Ref::v).collect();
    let mut order: Vec<usize> = identity();
    // Fast paths: homogeneous ints, floats without NaN, strs: total orders whose
    // comparisons run no Python code, so any stable sort gives CPython's result.
    if kv.iter().all(|v| v.is_inline_int()) {
        if reverse {
            order.sort_by(|a, b| kv[*b].as_inline_int().cmp(&kv[*a].as_inline_int()));
        } else {
            order.sort_by_key(|i| kv[*i].as_inline_int());
        }
        return (order, Ok(()));
    }
    if kv.iter().all(|v| v.is_float() && !v.as_f64().is_nan()) {
        let f = |i: usize| kv[i].as_f64();
        // total_cmp orders -0.0 before 0.0, Python treats them as equal: the partial
        // order keeps them in place (a stable sort of a total preorder).
        if reverse {
            order.sort_by(|a, b| {
                f(*b)
                    .partial_cmp(&f(*a))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
        } else {
            order.sort_by(|a, b| {
                f(*a)
                    .partial_cmp(&f(*b))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
        }
        return (order, Ok(()));
    }
    if kv.iter().all(|v| crate::str::is_str(*v)) {
        let s = |i: usize| crate::str::as_str(kv[i]);
        if reverse {
            order.sort_by(|a, b| s(*b).cmp(s(*a)));
        } else {
            order.sort_by(|a, b| s(*a).cmp(s(*b)));
        }
        return (order, Ok(()));
    }
    // Anything else may run Python code in its comparisons: CPython's algorithm, for the
    // same comparisons in the same order. A reverse sort reverses the items first and the
    // result after (so equal items keep their order), as CPython does.
    if reverse {
        order.reverse();
    }
    let result = if kv.iter().all(|v| crate::tuple::is_tuple(*v)) {
        // Tuples (records sorted by their fields): their comparison directly, without the
        // generic dispatch of each `<` (CPython's `unsafe_tuple_compare` likewise).
        crate::timsort::timsort(&mut order, &mut |a, b| {
            crate::ops::seq_compare(crate::ops::cmp::LT, kv[a], kv[b])
        })
    } else {
        crate::timsort::timsort(&mut order, &mut |a, b| crate::ops::py_lt_bool(kv[a], kv[b]))
    };
    if reverse {
        order.reverse();
    }
    (order, result)
}

/// The methods of `list`.
pub const METHODS: &[(&str, crate::object::BuiltinFn)] = &[
    ("append", m_append),
    ("extend", m_extend),
    ("insert", m_insert),
    ("pop", m_pop),
    ("remove", m_remove),
    ("index", m_index),
    ("count", m_count),
    ("sort", m_sort),
    ("reverse", m_reverse),
    ("copy", m_copy),
    ("clear", m_clear),
];

#[cfg(test)]
mod tests {
    use crate::timsort::timsort;

    /// A pseudo-random sequence (xorshift), for inputs with runs of every kind.
    fn noise(n: usize, seed: u64, modulo: i64) -> Vec<i64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x % modulo as u64) as i64
            })
            .collect()
    }

    #[test]
    fn timsort_is_stable_and_sorts() {
        for (n, modulo) in [
            (0, 1),
            (1, 1),
            (2, 2),
            (63, 5),
            (64, 7),
            (200, 11),
            (5000, 50),
        ] {
            for seed in 1..4u64 {
                let mut keys = noise(n, seed, modulo);
                // Some runs (ascending and descending) for the merges to find.
                if n > 100 {
                    keys[10..60].sort();
                    keys[70..100].sort_by(|a, b| b.cmp(a));
                }
                let mut order: Vec<usize> = (0..keys.len()).collect();
                timsort(&mut order, &mut |a, b| Ok(keys[a] < keys[b])).unwrap();
                for w in order.windows(2) {
                    assert!(keys[w[0]] < keys[w[1]] || (keys[w[0]] == keys[w[1]] && w[0] < w[1]));
                }
            }
        }
    }

    #[test]
    fn timsort_keeps_a_permutation_whatever_happens() {
        for fail_at in [None, Some(1), Some(50), Some(700)] {
            let mut order: Vec<usize> = (0..300).collect();
            let mut flip = false;
            let mut calls = 0;
            let r = timsort(&mut order, &mut |_, _| {
                calls += 1;
                if Some(calls) == fail_at {
                    return crate::exceptions::value_error("stop");
                }
                flip = !flip;
                Ok(flip)
            });
            if r.is_err() {
                drop(crate::exceptions::take_pending());
            }
            let mut seen = order.clone();
            seen.sort();
            assert_eq!(seen, (0..300).collect::<Vec<_>>());
        }
    }
}
