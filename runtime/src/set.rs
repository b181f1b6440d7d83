//! `set` and `frozenset`: CPython's set table (open addressing with linear probes and
//! perturbation, the same growth policy and the same algorithms for union, intersection and
//! difference), so that iterating a set of ints gives CPython's order. Plus the set methods
//! and operators.
//!
//! A `frozenset` is a set object (`Kind::Set`) with [`FLAG_FROZEN`] in its header: every
//! reading operation is shared, its class (`frozenset`) has only the non-mutating methods,
//! and it is hashable ([`frozenset_hash`]). Binary operations return the type of their left
//! operand, as in CPython.
//!
//! Reference: CPython 3.11 `Objects/setobject.c`.

use std::cell::UnsafeCell;

use crate::dict::{dict_data, fast_eq, is_dict};
use crate::exceptions::{ExcKind, R, key_error, raise, type_error};
use crate::hash::py_hash;
use crate::object::{Args, Kind, Ref, alloc_ref, decref, incref, is_kind, payload};
use crate::value::Value;

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// An empty slot's key.
const NULL: Value = Value::UNBOUND;
/// A deleted slot's key.
const DUMMY: Value = Value::EXHAUSTED;

#[derive(Clone, Copy)]
struct Entry {
    hash: i64,
    key: Value,
}

struct Inner {
    table: Vec<Entry>,
    fill: usize,
    used: usize,
    finger: usize,
    version: u64,
}

impl Default for Inner {
    fn default() -> Inner {
        Inner {
            table: vec![Entry { hash: 0, key: NULL }; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }
}

/// The payload of a `set` object.
pub struct SetData {
    inner: UnsafeCell<Inner>,
    /// When the set was made, in [`crate::finalize::stamp`] units: the finalizable objects
    /// made before it are older (it orders finalization at exit).
    pub stamp: u64,
}

enum Found {
    Active(usize),
    Absent,
}

impl SetData {
    #[allow(clippy::mut_from_ref)]
    fn inner(&self) -> &mut Inner {
        // SAFETY: single-threaded; no borrow is kept across Python code.
        unsafe { &mut *self.inner.get() }
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.inner().used
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of table slots (the bound for [`SetData::slot`]).
    pub fn slots(&self) -> usize {
        self.inner().table.len()
    }

    /// The key in slot `i` (borrowed), if active.
    pub fn slot(&self, i: usize) -> Option<Value> {
        let e = self.inner().table.get(i)?;
        if e.key == NULL || e.key == DUMMY {
            None
        } else {
            Some(e.key)
        }
    }

    fn slot_with_hash(&self, i: usize) -> Option<(Value, i64)> {
        let e = self.inner().table.get(i)?;
        if e.key == NULL || e.key == DUMMY {
            None
        } else {
            Some((e.key, e.hash))
        }
    }

    /// The active keys in table order (borrowed snapshot).
    pub fn keys(&self) -> Vec<Value> {
        (0..self.slots()).filter_map(|i| self.slot(i)).collect()
    }

    fn keys_with_hash(&self) -> Vec<(Ref, i64)> {
        (0..self.slots())
            .filter_map(|i| self.slot_with_hash(i))
            .map(|(k, h)| (Ref::dup(k), h))
            .collect()
    }

    fn lookup(&self, key: Value, hash: i64) -> R<Found> {
        'restart: loop {
            let version = self.inner().version;
            let mask = self.inner().table.len() - 1;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            loop {
                let probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                for j in 0..=probes {
                    let e = self.inner().table[i + j];
                    if e.key == NULL {
                        return Ok(Found::Absent);
                    }
                    if e.hash == hash && e.key != DUMMY {
                        match fast_eq(e.key, key) {
                            Some(true) => return Ok(Found::Active(i + j)),
                            Some(false) => {}
                            None => {
                                let k = Ref::dup(e.key);
                                let eq = crate::ops::py_eq_bool(k.v(), key)?;
                                if self.inner().version != version {
                                    continue 'restart;
                                }
                                if eq {
                                    return Ok(Found::Active(i + j));
                                }
                            }
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        }
    }

    /// Whether `key` is in the set.
    pub fn contains(&self, key: Value) -> R<bool> {
        let hash = py_hash(key)?;
        self.contains_hashed(key, hash)
    }

    fn contains_hashed(&self, key: Value, hash: i64) -> R<bool> {
        Ok(matches!(self.lookup(key, hash)?, Found::Active(_)))
    }

    /// `add(key)` (borrowed).
    pub fn add(&self, key: Value) -> R<()> {
        let hash = py_hash(key)?;
        self.add_hashed(key, hash)
    }

    /// CPython's `set_add_entry`.
    fn add_hashed(&self, key: Value, hash: i64) -> R<()> {
        let key = Ref::dup(key);
        'restart: loop {
            let version = self.inner().version;
            let mask = self.inner().table.len() - 1;
            let mut i = (hash as u64 as usize) & mask;
            let mut perturb = hash as u64;
            let mut freeslot: Option<usize> = None;
            let found_unused: usize;
            'probe: loop {
                let probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                for j in 0..=probes {
                    let e = self.inner().table[i + j];
                    if e.hash == 0 && e.key == NULL {
                        found_unused = i + j;
                        break 'probe;
                    }
                    if e.key == DUMMY {
                        if freeslot.is_none() {
                            freeslot = Some(i + j);
                        }
                    } else if e.hash == hash && e.key != NULL {
                        match fast_eq(e.key, key.v()) {
                            Some(true) => return Ok(()),
                            Some(false) => {}
                            None => {
                                let k = Ref::dup(e.key);
                                let eq = crate::ops::py_eq_bool(k.v(), key.v())?;
                                if self.inner().version != version {
                                    continue 'restart;
                                }
                                if eq {
                                    return Ok(());
                                }
                            }
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
            let inner = self.inner();
            inner.version += 1;
            if let Some(slot) = freeslot {
                inner.used += 1;
                inner.table[slot] = Entry {
                    hash,
                    key: key.into_raw(),
                };
                return Ok(());
            }
            inner.fill += 1;
            inner.used += 1;
            inner.table[found_unused] = Entry {
                hash,
                key: key.into_raw(),
            };
            if inner.fill * 5 < mask * 3 {
                return Ok(());
            }
            let minused = if inner.used > 50000 {
                inner.used * 2
            } else {
                inner.used * 4
            };
            self.resize(minused);
            return Ok(());
        }
    }

    fn insert_clean(table: &mut [Entry], key: Value, hash: i64) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if table[i].key == NULL {
                table[i] = Entry { hash, key };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if table[i + j].key == NULL {
                        table[i + j] = Entry { hash, key };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// CPython's `set_table_resize`.
    fn resize(&self, minused: usize) {
        let inner = self.inner();
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(
            &mut inner.table,
            vec![Entry { hash: 0, key: NULL }; newsize],
        );
        inner.fill = inner.used;
        inner.version += 1;
        for e in old {
            if e.key != NULL && e.key != DUMMY {
                Self::insert_clean(&mut inner.table, e.key, e.hash);
            }
        }
    }

    /// Removes `key`; whether it was present.
    pub fn discard(&self, key: Value) -> R<bool> {
        let hash = py_hash(key)?;
        self.discard_hashed(key, hash)
    }

    fn discard_hashed(&self, key: Value, hash: i64) -> R<bool> {
        match self.lookup(key, hash)? {
            Found::Absent => Ok(false),
            Found::Active(i) => {
                let inner = self.inner();
                let old = std::mem::replace(
                    &mut inner.table[i],
                    Entry {
                        hash: -1,
                        key: DUMMY,
                    },
                );
                inner.used -= 1;
                inner.version += 1;
                decref(old.key);
                Ok(true)
            }
        }
    }

    /// CPython's `set_pop`.
    pub fn pop(&self) -> Option<Ref> {
        let inner = self.inner();
        if inner.used == 0 {
            return None;
        }
        let n = inner.table.len();
        let mut i = inner.finger & (n - 1);
        while inner.table[i].key == NULL || inner.table[i].key == DUMMY {
            i += 1;
            if i >= n {
                i = 0;
            }
        }
        let e = std::mem::replace(
            &mut inner.table[i],
            Entry {
                hash: -1,
                key: DUMMY,
            },
        );
        inner.used -= 1;
        inner.finger = i + 1;
        inner.version += 1;
        Some(Ref::new(e.key))
    }

    /// Removes everything.
    pub fn clear(&self) {
        let inner = self.inner();
        let old = std::mem::take(inner);
        inner.version = old.version + 1;
        for e in old.table {
            if e.key != NULL && e.key != DUMMY {
                decref(e.key);
            }
        }
    }

    /// Releases every key (the set is being freed).
    pub fn release(&self) {
        self.clear();
    }

    /// CPython's `set_merge` (`other` is another set).
    fn merge(&self, other: &SetData) -> R<()> {
        if std::ptr::eq(self, other) || other.is_empty() {
            return Ok(());
        }
        {
            let inner = self.inner();
            let mask = inner.table.len() - 1;
            if (inner.fill + other.len()) * 5 >= mask * 3 {
                let minused = (inner.used + other.len()) * 2;
                self.resize(minused);
            }
        }
        let o = other.inner();
        let inner = self.inner();
        if inner.fill == 0 && inner.table.len() == o.table.len() && o.fill == o.used {
            for (dst, src) in inner.table.iter_mut().zip(o.table.iter()) {
                if src.key != NULL {
                    *dst = Entry {
                        hash: src.hash,
                        key: incref(src.key),
                    };
                }
            }
            inner.fill = o.fill;
            inner.used = o.used;
            inner.version += 1;
            return Ok(());
        }
        if inner.fill == 0 {
            inner.fill = o.used;
            inner.used = o.used;
            inner.version += 1;
            for src in o.table.iter() {
                if src.key != NULL && src.key != DUMMY {
                    Self::insert_clean(&mut inner.table, incref(src.key), src.hash);
                }
            }
            return Ok(());
        }
        for (k, h) in other.keys_with_hash() {
            self.add_hashed(k.v(), h)?;
        }
        Ok(())
    }

    /// CPython's `set_update_internal`: add every item of an iterable.
    pub fn update(&self, other: Value) -> R<()> {
        if is_set(other) {
            return self.merge(set_data(other));
        }
        if is_dict(other) {
            let d = dict_data(other);
            {
                let inner = self.inner();
                let mask = inner.table.len() - 1;
                if (inner.fill + d.len()) * 5 >= mask * 3 {
                    let minused = (inner.used + d.len()) * 2;
                    self.resize(minused);
                }
            }
            let keys: Vec<(Ref, i64)> = (0..d.entries_len())
                .filter_map(|i| d.entry_with_hash(i))
                .map(|(k, _, h)| (Ref::dup(k), h))
                .collect();
            for (k, h) in keys {
                self.add_hashed(k.v(), h)?;
            }
            return Ok(());
        }
        let it = crate::iter::py_iter(other)?;
        while let Some(item) = crate::iter::py_next(it.v())? {
            self.add(item.v())?;
        }
        Ok(())
    }

    /// CPython's `set_difference_update_internal`.
    pub fn difference_update(&self, self_v: Value, other: Value) -> R<()> {
        if self_v == other {
            self.clear();
            return Ok(());
        }
        if is_set(other) {
            let o = set_data(other);
            let keys = if (o.len() >> 3) > self.len() {
                let inter = set_intersection(self_v, other)?;
                set_data(inter.v()).keys_with_hash()
            } else {
                o.keys_with_hash()
            };
            for (k, h) in keys {
                self.discard_hashed(k.v(), h)?;
            }
        } else {
            let it = crate::iter::py_iter(other)?;
            while let Some(item) = crate::iter::py_next(it.v())? {
                self.discard(item.v())?;
            }
        }
        let inner = self.inner();
        if inner.fill - inner.used <= (inner.table.len() - 1) / 4 {
            return Ok(());
        }
        let minused = if inner.used > 50000 {
            inner.used * 2
        } else {
            inner.used * 4
        };
        self.resize(minused);
        Ok(())
    }

    /// CPython's `set_symmetric_difference_update`.
    pub fn symmetric_difference_update(&self, self_v: Value, other: Value) -> R<()> {
        if self_v == other {
            self.clear();
            return Ok(());
        }
        let other_set = if is_set(other) {
            Ref::dup(other)
        } else {
            set_from_iterable(other)?
        };
        for (k, h) in set_data(other_set.v()).keys_with_hash() {
            if !self.discard_hashed(k.v(), h)? {
                self.add_hashed(k.v(), h)?;
            }
        }
        Ok(())
    }
}

/// Header flag of a set object that is a `frozenset` (set once, before the object is shared).
pub const FLAG_FROZEN: u32 = 8;

/// Whether `v` is a set or a frozenset.
#[inline]
pub fn is_set(v: Value) -> bool {
    is_kind(v, Kind::Set)
}

/// Whether `v` is a frozenset.
#[inline]
pub fn is_frozen(v: Value) -> bool {
    is_set(v) && crate::object::flags(v) & FLAG_FROZEN != 0
}

/// Makes the new set `s` (not shared yet) a frozenset.
pub fn freeze(s: Ref) -> Ref {
    crate::object::set_flags(s.v(), FLAG_FROZEN);
    s
}

/// `result` as the type of `like` (a set or frozenset): frozen when `like` is (`result` is a
/// new set, not shared yet).
pub fn same_type_as(like: Value, result: Ref) -> Ref {
    if is_frozen(like) {
        freeze(result)
    } else {
        result
    }
}

/// `hash(frozenset)`: independent of the order of the items. The algorithm is CPython's
/// (`Objects/setobject.c`, `frozenset_hash`): the xor of a bit-shuffled form of every item
/// hash, mixed with the number of items, then dispersed so that nested frozensets spread
/// well; the result is never -1.
pub fn frozenset_hash(v: Value) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
    }
    let data = set_data(v);
    let mut h: u64 = 0;
    for i in 0..data.slots() {
        if let Some((_, kh)) = data.slot_with_hash(i) {
            h ^= shuffle(kh as u64);
        }
    }
    h ^= (data.len() as u64 + 1).wrapping_mul(1_927_868_237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69_069).wrapping_add(907_133_923);
    if h == u64::MAX { 590_923_713 } else { h as i64 }
}

/// `frozenset(...)` constructor: `frozenset()`, `frozenset(iterable)` (a frozenset argument is
/// returned as it is).
pub fn frozenset_ctor(_cls: Value, args: Args<'_>) -> R<Ref> {
    if !args.kwnames.is_empty() {
        return type_error("frozenset() takes no keyword arguments");
    }
    match args.pos {
        [] => Ok(freeze(set_new())),
        [it] if is_frozen(*it) => Ok(Ref::dup(*it)),
        [it] => Ok(freeze(set_from_iterable(*it)?)),
        _ => type_error(format!(
            "frozenset expected at most 1 argument, got {}",
            args.pos.len()
        )),
    }
}

/// `key` for a lookup in a set: a set key is looked up as the frozenset with its items (as
/// CPython's `set_contains` does when the set is unhashable).
fn lookup_key(key: Value) -> R<Ref> {
    if is_set(key) && !is_frozen(key) {
        Ok(freeze(set_from_iterable(key)?))
    } else {
        Ok(Ref::dup(key))
    }
}

/// `key in s` for a set `s` (a set `key` is looked up as a frozenset).
pub fn set_contains(s: Value, key: Value) -> R<bool> {
    if is_set(key) {
        let key = lookup_key(key)?;
        return set_data(s).contains(key.v());
    }
    set_data(s).contains(key)
}

/// The payload of a set value (the caller checked the kind).
#[inline]
pub fn set_data<'a>(v: Value) -> &'a SetData {
    debug_assert!(is_set(v));
    // SAFETY: `v` is a live set (callers check the kind).
    unsafe { payload::<SetData>(v) }
}

/// A new empty set.
pub fn set_new() -> Ref {
    alloc_ref(
        Kind::Set,
        SetData {
            inner: UnsafeCell::new(Inner::default()),
            stamp: crate::finalize::stamp(),
        },
    )
}

/// `set(iterable)`.
pub fn set_from_iterable(it: Value) -> R<Ref> {
    let s = set_new();
    set_data(s.v()).update(it)?;
    Ok(s)
}

/// `s.copy()`.
pub fn set_copy(s: Value) -> R<Ref> {
    set_from_iterable(s)
}

/// `set(...)` constructor.
pub fn set_ctor(_cls: Value, args: Args<'_>) -> R<Ref> {
    if !args.kwnames.is_empty() {
        return type_error("set() takes no keyword arguments");
    }
    match args.pos {
        [] => Ok(set_new()),
        [it] => set_from_iterable(*it),
        _ => type_error(format!(
            "set expected at most 1 argument, got {}",
            args.pos.len()
        )),
    }
}

/// CPython's `set_intersection`.
pub fn set_intersection(a: Value, b: Value) -> R<Ref> {
    if a == b {
        return set_copy(a);
    }
    let result = set_new();
    let rd = set_data(result.v());
    if is_set(b) {
        let (mut so, mut other) = (a, b);
        if set_data(other).len() > set_data(so).len() {
            std::mem::swap(&mut so, &mut other);
        }
        for (k, h) in set_data(other).keys_with_hash() {
            if set_data(so).contains_hashed(k.v(), h)? {
                rd.add_hashed(k.v(), h)?;
            }
        }
        return Ok(result);
    }
    let it = crate::iter::py_iter(b)?;
    while let Some(k) = crate::iter::py_next(it.v())? {
        let h = py_hash(k.v())?;
        if set_data(a).contains_hashed(k.v(), h)? {
            rd.add_hashed(k.v(), h)?;
        }
    }
    Ok(result)
}

/// CPython's `set_difference`.
pub fn set_difference(a: Value, b: Value) -> R<Ref> {
    let other_size = if is_set(b) {
        set_data(b).len()
    } else if is_dict(b) {
        dict_data(b).len()
    } else {
        let r = set_copy(a)?;
        set_data(r.v()).difference_update(r.v(), b)?;
        return Ok(r);
    };
    if (set_data(a).len() >> 2) > other_size {
        let r = set_copy(a)?;
        set_data(r.v()).difference_update(r.v(), b)?;
        return Ok(r);
    }
    let result = set_new();
    for (k, h) in set_data(a).keys_with_hash() {
        let present = if is_set(b) {
            set_data(b).contains_hashed(k.v(), h)?
        } else {
            dict_data(b).get_with_hash(k.v(), h)?.is_some()
        };
        if !present {
            set_data(result.v()).add_hashed(k.v(), h)?;
        }
    }
    Ok(result)
}

/// CPython's `set_symmetric_difference`.
pub fn set_symmetric_difference(a: Value, b: Value) -> R<Ref> {
    let result = set_from_iterable(b)?;
    set_data(result.v()).symmetric_difference_update(result.v(), a)?;
    Ok(result)
}

/// CPython's `set_or`: a copy of `a` updated with `b`.
pub fn set_union(a: Value, b: Value) -> R<Ref> {
    let result = set_copy(a)?;
    if a != b {
        set_data(result.v()).update(b)?;
    }
    Ok(result)
}

/// `a <= b` for sets.
pub fn set_issubset(a: Value, b: Value) -> R<bool> {
    if set_data(a).len() > set_data(b).len() {
        return Ok(false);
    }
    for k in set_data(a).keys_with_hash() {
        if !set_data(b).contains_hashed(k.0.v(), k.1)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `a == b` for sets.
pub fn set_eq(a: Value, b: Value) -> R<bool> {
    Ok(set_data(a).len() == set_data(b).len() && set_issubset(a, b)?)
}

fn recv_set(recv: Value) -> R<&'static SetData> {
    if is_set(recv) {
        Ok(set_data(recv))
    } else {
        type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            crate::class::type_name(recv)
        ))
    }
}

/// The receiver of a mutating method: a set, not a frozenset.
fn recv_mut(recv: Value, method: &str) -> R<&'static SetData> {
    if is_set(recv) && !is_frozen(recv) {
        Ok(set_data(recv))
    } else {
        type_error(format!(
            "descriptor '{method}' for 'set' objects doesn't apply to a '{}' object",
            crate::class::type_name(recv)
        ))
    }
}

/// Arguments converted to sets (non-set iterables are materialized).
fn as_set(v: Value) -> R<Ref> {
    if is_set(v) {
        Ok(Ref::dup(v))
    } else {
        set_from_iterable(v)
    }
}

fn m_add(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_mut(recv, "add")?;
    let [x] = args.exact("add")?;
    s.add(x)?;
    Ok(Ref::NONE)
}

fn m_remove(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_mut(recv, "remove")?;
    let [x] = args.exact("remove")?;
    if !s.discard(lookup_key(x)?.v())? {
        return key_error(x);
    }
    Ok(Ref::NONE)
}

fn m_discard(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_mut(recv, "discard")?;
    let [x] = args.exact("discard")?;
    s.discard(lookup_key(x)?.v())?;
    Ok(Ref::NONE)
}

fn m_pop(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_mut(recv, "pop")?;
    args.none("pop")?;
    match s.pop() {
        Some(k) => Ok(k),
        None => raise(ExcKind::KeyError, "pop from an empty set"),
    }
}

fn m_union(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_set(recv)?;
    args.no_kw("union")?;
    let result = set_copy(recv)?;
    for o in args.pos {
        if *o != recv {
            set_data(result.v()).update(*o)?;
        }
    }
    Ok(same_type_as(recv, result))
}

fn m_intersection(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_set(recv)?;
    args.no_kw("intersection")?;
    let mut result = set_copy(recv)?;
    for o in args.pos {
        result = set_intersection(result.v(), *o)?;
    }
    Ok(same_type_as(recv, result))
}

fn m_difference(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_set(recv)?;
    args.no_kw("difference")?;
    let Some((first, rest)) = args.pos.split_first() else {
        return Ok(same_type_as(recv, set_copy(recv)?));
    };
    let result = set_difference(recv, *first)?;
    for o in rest {
        set_data(result.v()).difference_update(result.v(), *o)?;
    }
    Ok(same_type_as(recv, result))
}

fn m_symmetric_difference(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_set(recv)?;
    let [o] = args.exact("symmetric_difference")?;
    Ok(same_type_as(recv, set_symmetric_difference(recv, o)?))
}

fn m_issubset(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_set(recv)?;
    let [o] = args.exact("issubset")?;
    let o = as_set(o)?;
    Ok(Ref::new(Value::from_bool(set_issubset(recv, o.v())?)))
}

fn m_issuperset(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_set(recv)?;
    let [o] = args.exact("issuperset")?;
    let o = as_set(o)?;
    Ok(Ref::new(Value::from_bool(set_issubset(o.v(), recv)?)))
}

fn m_isdisjoint(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_set(recv)?;
    let [o] = args.exact("isdisjoint")?;
    let inter = set_intersection(recv, o)?;
    Ok(Ref::new(Value::from_bool(set_data(inter.v()).is_empty())))
}

fn m_update(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_mut(recv, "update")?;
    args.no_kw("update")?;
    for o in args.pos {
        s.update(*o)?;
    }
    Ok(Ref::NONE)
}

fn m_intersection_update(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_mut(recv, "intersection_update")?;
    args.no_kw("intersection_update")?;
    let mut result = set_copy(recv)?;
    for o in args.pos {
        result = set_intersection(result.v(), *o)?;
    }
    s.clear();
    s.update(result.v())?;
    Ok(Ref::NONE)
}

fn m_difference_update(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_mut(recv, "difference_update")?;
    args.no_kw("difference_update")?;
    for o in args.pos {
        s.difference_update(recv, *o)?;
    }
    Ok(Ref::NONE)
}

fn m_symmetric_difference_update(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_mut(recv, "symmetric_difference_update")?;
    let [o] = args.exact("symmetric_difference_update")?;
    s.symmetric_difference_update(recv, o)?;
    Ok(Ref::NONE)
}

fn m_copy(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_set(recv)?;
    args.none("copy")?;
    if is_frozen(recv) {
        return Ok(Ref::dup(recv));
    }
    set_copy(recv)
}

fn m_clear(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_mut(recv, "clear")?;
    args.none("clear")?;
    s.clear();
    Ok(Ref::NONE)
}

/// The methods of `frozenset` (the non-mutating ones of `set`).
pub const FROZEN_METHODS: &[(&str, crate::object::BuiltinFn)] = &[
    ("union", m_union),
    ("intersection", m_intersection),
    ("difference", m_difference),
    ("symmetric_difference", m_symmetric_difference),
    ("issubset", m_issubset),
    ("issuperset", m_issuperset),
    ("isdisjoint", m_isdisjoint),
    ("copy", m_copy),
];

/// The methods of `set`.
pub const METHODS: &[(&str, crate::object::BuiltinFn)] = &[
    ("add", m_add),
    ("remove", m_remove),
    ("discard", m_discard),
    ("pop", m_pop),
    ("union", m_union),
    ("intersection", m_intersection),
    ("difference", m_difference),
    ("symmetric_difference", m_symmetric_difference),
    ("issubset", m_issubset),
    ("issuperset", m_issuperset),
    ("isdisjoint", m_isdisjoint),
    ("update", m_update),
    ("intersection_update", m_intersection_update),
    ("difference_update", m_difference_update),
    ("symmetric_difference_update", m_symmetric_difference_update),
    ("copy", m_copy),
    ("clear", m_clear),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(s: Value) -> Vec<i64> {
        set_data(s)
            .keys()
            .iter()
            .map(|v| v.as_inline_int())
            .collect()
    }

    fn set_of(xs: &[i64]) -> Ref {
        let s = set_new();
        for x in xs {
            set_data(s.v())
                .add(Value::inline_int(*x).unwrap_or(Value::NONE))
                .unwrap();
        }
        s
    }

    #[test]
    fn iteration_order_matches_cpython() {
        // list({5,3,1,9,7,100,33}) == [1, 33, 3, 100, 5, 7, 9] in CPython 3.11.
        let s = set_of(&[5, 3, 1, 9, 7, 100, 33]);
        assert_eq!(ints(s.v()), vec![1, 33, 3, 100, 5, 7, 9]);
        // Growth: list(set(range(20, 0, -1))) is sorted in CPython.
        let s = set_of(&(1..=20).rev().collect::<Vec<_>>());
        assert_eq!(ints(s.v()), (1..=20).collect::<Vec<_>>());
    }

    #[test]
    fn pop_and_discard() {
        let s = set_of(&[1, 2, 3]);
        assert_eq!(set_data(s.v()).pop().unwrap().v().as_inline_int(), 1);
        assert!(
            set_data(s.v())
                .discard(Value::inline_int(2).unwrap_or(Value::NONE))
                .unwrap()
        );
        assert_eq!(ints(s.v()), vec![3]);
        let u = set_union(s.v(), set_of(&[10, 3]).v()).unwrap();
        assert_eq!(ints(u.v()), vec![10, 3]);
    }
}
