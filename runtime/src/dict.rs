//! `dict`: an insertion-ordered hash table (CPython's compact layout: a dense entry vector
//! plus a sparse index table probed with CPython's perturbation scheme), keys compared with
//! Python equality and hashed with Python `hash`; plus the dict methods and views.
//!
//! Lookups may run Python code (`__eq__` of instance keys). No borrow of the table is held
//! across such a call: the lookup copies what it needs, and restarts if the dict changed.

use std::cell::UnsafeCell;

use crate::exceptions::{ExcKind, R, Raised, key_error, raise, type_error};
use crate::hash::py_hash;
use crate::object::{
    Args, DictPart, DictViewData, Kind, Ref, alloc_ref, decref, incref, is_kind, payload,
};
use crate::value::Value;

const EMPTY: u32 = u32::MAX;
/// [`Inner::tracked`] of a dict that never held a container or an instance.
pub const NOT_TRACKED: u64 = u64::MAX;
const DUMMY: u32 = u32::MAX - 1;
/// log2 of the smallest table (8 slots, 5 usable entries). Tables of this size have no
/// index vector: their entries are searched linearly.
const LOG2_MINSIZE: u8 = 3;

/// Entries a table of `1 << log2` slots holds before it is resized (two thirds).
#[inline]
fn usable_fraction(log2: u8) -> usize {
    ((1usize << log2) << 1) / 3
}

/// log2 of the smallest power-of-two table size (at least 8) with `minsize` slots or more.
fn log2_for(minsize: usize) -> u8 {
    let mut log2 = LOG2_MINSIZE;
    while (1usize << log2) < minsize {
        log2 += 1;
    }
    log2
}

/// One slot of the entry vector; a deleted entry has `key == Value::UNBOUND`.
#[derive(Clone, Copy)]
struct Entry {
    hash: i64,
    key: Value,
    value: Value,
}

/// The sizing follows CPython 3.11's `dictobject.c` (so that iterating a dict that is
/// changed meanwhile sees the same entries, compacted at the same moments): a table of
/// `1 << log2` slots holds up to [`usable_fraction`] entries, deleted ones included (a
/// deletion leaves a hole: entry indices never move until the next resize); an insertion
/// with no usable entry left resizes to the smallest table of at least `3 * len` slots,
/// which compacts the entries. A new or cleared dict has no table (`log2 == 0`).
struct Inner {
    entries: Vec<Entry>,
    /// Empty (linear search, tables of 8 slots or none) or the `1 << log2` table of entry
    /// indices / EMPTY / DUMMY.
    indices: Vec<u32>,
    /// Number of items (a `u32`, with [`Inner::first`], so the dict keeps its allocation
    /// size class).
    len: u32,
    /// Every entry before this index is a deleted one: kept by removals of the first
    /// live entry, rebuilds and iterations that scan from the start (which move it past
    /// the deleted entries they skip), so that taking the first item (`next(iter(d))`,
    /// as `OrderedDict.popitem(last=False)` and `lru_cache`'s eviction do) after many
    /// removals from the front does not rescan them: amortized O(1).
    first: u32,
    /// log2 of the table size (0: no table yet).
    log2: u8,
    /// Whether compiled code watches some of this dict's keys ([`crate::watch`]): a module's
    /// globals with direct-call slots or builtins it relies on. Every change of a watched
    /// dict that can matter is reported to [`crate::watch`].
    watched: bool,
    /// Entries that can still be appended before a resize (CPython's `dk_usable`; a `u32`
    /// so that [`Inner::tracked`] fits in the dict's allocation size class).
    usable: u32,
    /// When CPython's collector would start tracking the dict, in
    /// [`crate::finalize::stamp`] units ([`NOT_TRACKED`] until then): at the first key or
    /// value stored that is a container or an instance (CPython's `MAINTAIN_TRACKING`). The
    /// finalizable objects made before are older than it (it orders finalization at exit).
    tracked: u64,
    /// A fresh number from [`next_version`] on creation and on every structural change
    /// (insertion, removal, rebuild), so lookups that ran Python code can restart, and
    /// caches can remember where a key's entry is: while the version is unchanged, every
    /// entry stays at its index (values may be replaced in place). Unique per thread.
    version: u64,
}

impl Default for Inner {
    fn default() -> Inner {
        Inner {
            entries: Vec::new(),
            indices: Vec::new(),
            len: 0,
            first: 0,
            log2: 0,
            watched: false,
            usable: 0,
            tracked: NOT_TRACKED,
            version: next_version(),
        }
    }
}

thread_local! {
    static VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A dict version never handed out before on this thread.
#[inline]
fn next_version() -> u64 {
    VERSION.with(|c| {
        let v = c.get() + 1;
        c.set(v);
        v
    })
}

/// The payload of a `dict` object.
#[derive(Default)]
pub struct DictData {
    inner: UnsafeCell<Inner>,
}

/// Key equality without running Python code: `Some(eq)` when it can be decided natively.
pub fn fast_eq(a: Value, b: Value) -> Option<bool> {
    if a == b {
        // Identity (NaN is canonical, and `nan == nan` is False in Python, but CPython's
        // containers use identity first too).
        return Some(true);
    }
    crate::ops::native_eq(a, b)
}

impl DictData {
    #[allow(clippy::mut_from_ref)]
    fn inner(&self) -> &mut Inner {
        // SAFETY: single-threaded; callers never keep this borrow across Python code
        // (documented at the module level) and never hold two at once.
        unsafe { &mut *self.inner.get() }
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.inner().len as usize
    }

    /// An index below which every entry is deleted ([`Inner::first`]): a scan for the
    /// first live entry may start there.
    #[inline]
    pub fn first_live_hint(&self) -> usize {
        self.inner().first as usize
    }

    /// Records that the entries before `i` are all deleted (a scan from at most
    /// [`Self::first_live_hint`] found its first live entry at `i`).
    #[inline]
    pub fn set_first_live(&self, i: usize) {
        self.inner().first = i as u32;
    }

    /// Whether there are no items.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of entry slots (including deleted ones): the bound for [`DictData::entry`].
    pub fn entries_len(&self) -> usize {
        self.inner().entries.len()
    }

    /// Entry `i` as (key, value), borrowed; `None` for a deleted or out-of-range entry.
    pub fn entry(&self, i: usize) -> Option<(Value, Value)> {
        let e = self.inner().entries.get(i)?;
        if e.key == Value::UNBOUND {
            None
        } else {
            Some((e.key, e.value))
        }
    }

    /// Entry `i` with its stored hash.
    pub fn entry_with_hash(&self, i: usize) -> Option<(Value, Value, i64)> {
        let e = self.inner().entries.get(i)?;
        if e.key == Value::UNBOUND {
            None
        } else {
            Some((e.key, e.value, e.hash))
        }
    }

    /// The live (key, value) pairs, borrowed (snapshot: do not keep across Python code).
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.inner()
            .entries
            .iter()
            .filter(|e| e.key != Value::UNBOUND)
            .map(|e| (e.key, e.value))
            .collect()
    }

    /// Index of the entry with `key`, if present.
    fn find(&self, key: Value, hash: i64) -> R<Option<usize>> {
        'restart: loop {
            let inner = self.inner();
            let version = inner.version;
            if inner.indices.is_empty() {
                let n = inner.entries.len();
                for i in 0..n {
                    let e = self.inner().entries[i];
                    if e.key == Value::UNBOUND || e.hash != hash {
                        continue;
                    }
                    match fast_eq(e.key, key) {
                        Some(true) => return Ok(Some(i)),
                        Some(false) => {}
                        None => {
                            let k = Ref::dup(e.key);
                            let eq = crate::ops::py_eq_bool(k.v(), key)?;
                            if self.inner().version != version {
                                continue 'restart;
                            }
                            if eq {
                                return Ok(Some(i));
                            }
                        }
                    }
                }
                return Ok(None);
            }
            let mask = inner.indices.len() - 1;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            loop {
                let ix = self.inner().indices[i];
                if ix == EMPTY {
                    return Ok(None);
                }
                if ix != DUMMY {
                    let e = self.inner().entries[ix as usize];
                    if e.hash == hash {
                        match fast_eq(e.key, key) {
                            Some(true) => return Ok(Some(ix as usize)),
                            Some(false) => {}
                            None => {
                                let k = Ref::dup(e.key);
                                let eq = crate::ops::py_eq_bool(k.v(), key)?;
                                if self.inner().version != version {
                                    continue 'restart;
                                }
                                if eq {
                                    return Ok(Some(ix as usize));
                                }
                            }
                        }
                    }
                }
                perturb >>= 5;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        }
    }

    /// The index-table slot holding entry `target` (for deletion).
    fn slot_of(&self, target: usize, hash: i64) -> Option<usize> {
        let inner = self.inner();
        if inner.indices.is_empty() {
            return None;
        }
        let mask = inner.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = inner.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix as usize == target {
                return Some(i);
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    fn insert_index(inner: &mut Inner, hash: i64, ix: u32) {
        let mask = inner.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while inner.indices[i] != EMPTY && inner.indices[i] != DUMMY {
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
        inner.indices[i] = ix;
    }

    /// Compacts the entries into a table of `1 << log2` slots and rebuilds the index table
    /// (CPython's `dictresize`).
    fn resize(inner: &mut Inner, log2: u8) {
        if inner.entries.len() != inner.len as usize {
            inner.entries.retain(|e| e.key != Value::UNBOUND);
        }
        inner.first = 0;
        inner.version = next_version();
        inner.log2 = log2;
        inner.usable = usable_fraction(log2).saturating_sub(inner.len as usize) as u32;
        if log2 <= LOG2_MINSIZE {
            inner.indices = Vec::new();
            return;
        }
        inner.indices = vec![EMPTY; 1usize << log2];
        for i in 0..inner.entries.len() {
            let h = inner.entries[i].hash;
            Self::insert_index(inner, h, i as u32);
        }
    }

    /// Appends a new entry (the key is known to be absent). Takes ownership of both.
    fn push(&self, hash: i64, key: Value, value: Value) {
        let inner = self.inner();
        if inner.usable == 0 {
            // CPython's growth rate: three times the number of items.
            Self::resize(inner, log2_for(inner.len as usize * 3));
        }
        let ix = inner.entries.len() as u32;
        if inner.tracked == NOT_TRACKED && (may_track(key) || may_track(value)) {
            inner.tracked = crate::finalize::stamp();
        }
        inner.entries.push(Entry { hash, key, value });
        inner.len += 1;
        inner.usable -= 1;
        inner.version = next_version();
        if !inner.indices.is_empty() {
            Self::insert_index(inner, hash, ix);
        }
    }

    /// `d[key]` (borrowed), or `None` when absent.
    pub fn get(&self, key: Value) -> R<Option<Value>> {
        let hash = py_hash(key)?;
        self.get_with_hash(key, hash)
    }

    /// `d[key]` with a precomputed hash.
    pub fn get_with_hash(&self, key: Value, hash: i64) -> R<Option<Value>> {
        Ok(self.find(key, hash)?.map(|i| self.inner().entries[i].value))
    }

    /// Marks the dict as watched (see [`Inner::watched`]).
    pub fn set_watched(&self) {
        self.inner().watched = true;
    }

    /// The version (see [`Inner::version`]).
    #[inline]
    pub fn version(&self) -> u64 {
        self.inner().version
    }

    /// The value of entry `i`, which must be live (found while the version is unchanged).
    #[inline]
    pub fn value_at(&self, i: usize) -> Value {
        self.inner().entries[i].value
    }

    /// `d[name] = v` for a str `name` with its str hash (both borrowed); never runs Python
    /// code.
    pub fn set_name(&self, name: Value, hash: i64, v: Value) {
        match self.find_name(name, hash) {
            Some(i) => {
                let retired = self.before_replace(i, hash, Some(v));
                self.replace_value_at(i, v);
                if retired {
                    crate::watch::release_retired();
                }
            }
            None => self.push(hash, incref(name), incref(v)),
        }
    }

    /// Tells [`crate::watch`] that entry `i` (with str hash `hash`) of a watched dict is
    /// about to hold `value` (`None`: be removed), when its value is a function, a module or
    /// a class: only those can be what a direct-call slot (or a `call.class.direct` class
    /// slot) watches. One test for other dicts. True when a slot may have been cleared:
    /// the caller then calls [`crate::watch::release_retired`] once the change is done.
    #[inline]
    fn before_replace(&self, i: usize, hash: i64, value: Option<Value>) -> bool {
        let inner = self.inner();
        if inner.watched {
            let e = inner.entries[i];
            if is_kind(e.value, Kind::Function)
                || is_kind(e.value, Kind::Module)
                || is_kind(e.value, Kind::Class)
            {
                crate::watch::on_replace(self, e.key, hash, value);
                return true;
            }
        }
        false
    }

    /// Replaces the value of live entry `i` with `v` (borrowed).
    pub fn replace_value_at(&self, i: usize, v: Value) {
        let old = std::mem::replace(&mut self.inner().entries[i].value, incref(v));
        decref(old);
    }

    /// Index of the entry for str `name` (with its str hash), if present. Compares by
    /// identity first (names are interned), then by content; never runs Python code.
    #[inline]
    pub fn find_name(&self, name: Value, hash: i64) -> Option<usize> {
        let inner = self.inner();
        if inner.indices.is_empty() {
            // Small dicts (instance attributes): identity first, then by content.
            if let Some(i) = inner.entries.iter().position(|e| e.key == name) {
                return Some(i);
            }
            return self.find_name_slow(name, hash);
        }
        self.find_name_slow(name, hash)
    }

    #[inline(never)]
    fn find_name_slow(&self, name: Value, hash: i64) -> Option<usize> {
        let inner = self.inner();
        let key = crate::str::as_str(name);
        let matches = |e: &Entry| {
            e.key == name
                || (e.hash == hash && is_kind(e.key, Kind::Str) && crate::str::as_str(e.key) == key)
        };
        if inner.indices.is_empty() {
            return inner
                .entries
                .iter()
                .position(|e| e.key != Value::UNBOUND && matches(e));
        }
        let mask = inner.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = inner.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix != DUMMY && matches(&inner.entries[ix as usize]) {
                return Some(ix as usize);
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Lookup by Rust string (never runs Python code: only str keys can match).
    pub fn get_str(&self, key: &str) -> Option<Value> {
        let hash = crate::hash::hash_text(key);
        self.get_str_hashed(key, hash)
    }

    /// Lookup by Rust string with its hash.
    pub fn get_str_hashed(&self, key: &str, hash: i64) -> Option<Value> {
        let inner = self.inner();
        let matches = |e: &Entry| {
            e.hash == hash && is_kind(e.key, Kind::Str) && crate::str::as_str(e.key) == key
        };
        if inner.indices.is_empty() {
            return inner
                .entries
                .iter()
                .find(|e| e.key != Value::UNBOUND && matches(e))
                .map(|e| e.value);
        }
        let mask = inner.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = inner.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix != DUMMY {
                let e = &inner.entries[ix as usize];
                if matches(e) {
                    return Some(e.value);
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Whether `key` is present.
    pub fn contains(&self, key: Value) -> R<bool> {
        let hash = py_hash(key)?;
        Ok(self.find(key, hash)?.is_some())
    }

    /// `d[key] = value` (both borrowed).
    pub fn set(&self, key: Value, value: Value) -> R<()> {
        let hash = py_hash(key)?;
        self.set_with_hash(key, value, hash)
    }

    /// `d[key] = value` with a precomputed hash.
    pub fn set_with_hash(&self, key: Value, value: Value, hash: i64) -> R<()> {
        if self.inner().watched {
            crate::watch::check_store(key, value)?;
        }
        match self.find(key, hash)? {
            Some(i) => {
                let retired = self.before_replace(i, hash, Some(value));
                let inner = self.inner();
                if inner.tracked == NOT_TRACKED && may_track(value) {
                    inner.tracked = crate::finalize::stamp();
                }
                let e = &mut inner.entries[i];
                let old = std::mem::replace(&mut e.value, incref(value));
                decref(old);
                if retired {
                    crate::watch::release_retired();
                }
            }
            None => {
                if self.inner().watched {
                    crate::watch::before_insert(self, key, hash)?;
                }
                self.push(hash, incref(key), incref(value))
            }
        }
        Ok(())
    }

    /// Removes `key`, returning its value (owned) if it was present.
    pub fn remove(&self, key: Value) -> R<Option<Ref>> {
        let hash = py_hash(key)?;
        let Some(i) = self.find(key, hash)? else {
            return Ok(None);
        };
        let retired = self.before_replace(i, hash, None);
        let value = self.remove_entry(i, hash);
        if retired {
            crate::watch::release_retired();
        }
        Ok(Some(value))
    }

    fn remove_entry(&self, i: usize, hash: i64) -> Ref {
        if let Some(slot) = self.slot_of(i, hash) {
            self.inner().indices[slot] = DUMMY;
        }
        let inner = self.inner();
        let e = std::mem::replace(
            &mut inner.entries[i],
            Entry {
                hash: 0,
                key: Value::UNBOUND,
                value: Value::UNBOUND,
            },
        );
        inner.len -= 1;
        if i == inner.first as usize {
            inner.first += 1;
        }
        inner.version = next_version();
        decref(e.key);
        Ref::new(e.value)
    }

    /// Removes and returns the last (key, value) pair.
    pub fn pop_last(&self) -> Option<(Ref, Ref)> {
        let inner = self.inner();
        let i = inner
            .entries
            .iter()
            .rposition(|e| e.key != Value::UNBOUND)?;
        let e = inner.entries[i];
        let retired = self.before_replace(i, e.hash, None);
        let key = Ref::dup(e.key);
        let value = self.remove_entry(i, e.hash);
        // As CPython's `popitem`: the entries end at the removed one (the next insertion
        // reuses its index), and the usable count stays as it was.
        let inner = self.inner();
        inner.entries.truncate(i);
        if inner.first as usize > i {
            inner.first = i as u32;
        }
        if retired {
            crate::watch::release_retired();
        }
        Some((key, value))
    }

    /// Removes every item.
    pub fn clear(&self) {
        let watched = self.inner().watched;
        if watched {
            crate::watch::on_clear(self);
        }
        self.clear_entries();
        if watched {
            crate::watch::release_retired();
        }
    }

    fn clear_entries(&self) {
        let inner = self.inner();
        let entries = std::mem::take(&mut inner.entries);
        inner.indices = Vec::new();
        inner.len = 0;
        inner.first = 0;
        inner.log2 = 0;
        inner.usable = 0;
        inner.version = next_version();
        for e in entries {
            decref(e.key);
            decref(e.value);
        }
    }

    /// Releases every key and value (the dict is being freed).
    pub fn release(&self) {
        if self.inner().watched {
            crate::watch::forget(self);
        }
        self.clear_entries();
    }
}

/// Whether CPython's collector tracks `v` (or may: a container or an instance, not a str or
/// an int), so that storing it makes a dict tracked.
#[inline]
fn may_track(v: Value) -> bool {
    v.is_ptr() && !matches!(crate::object::kind(v), Kind::Str | Kind::BigInt)
}

impl DictData {
    /// [`Inner::tracked`]: when the dict started holding containers or instances.
    pub fn tracked(&self) -> u64 {
        self.inner().tracked
    }

    /// Sets [`Inner::tracked`] (a dict that stands for another object: an instance's
    /// attributes, a module's globals).
    pub fn set_tracked(&self, stamp: u64) {
        self.inner().tracked = stamp;
    }
}

/// A new empty dict.
pub fn dict_new() -> Ref {
    alloc_ref(Kind::Dict, DictData::default())
}

/// The payload of a dict value (the caller checked the kind).
#[inline]
pub fn dict_data<'a>(v: Value) -> &'a DictData {
    debug_assert!(is_kind(v, Kind::Dict));
    // SAFETY: `v` is a live dict (callers check the kind).
    unsafe { payload::<DictData>(v) }
}

/// Whether `v` is a dict.
#[inline]
pub fn is_dict(v: Value) -> bool {
    is_kind(v, Kind::Dict)
}

/// `d[key] = value` for a `&str` key.
pub fn dict_set_str(d: Value, key: &str, value: Value) {
    // Interned, so that lookups by the (interned) name constants match by identity.
    let k = crate::str::str_intern(key);
    // A str key never raises.
    let _ = dict_data(d).set(k, value);
}

/// A copy of dict `d`. Like CPython's `dict.copy`, a dict with at most a third of its
/// entries deleted is copied with its layout (holes included), any other one compacted.
pub fn dict_copy(d: Value) -> Ref {
    let out = dict_new();
    let src = dict_data(d);
    let dst = dict_data(out.v());
    let si = src.inner();
    if si.len > 0 && si.len as usize >= si.entries.len() * 2 / 3 {
        let di = dst.inner();
        di.entries = si
            .entries
            .iter()
            .map(|e| {
                if e.key != Value::UNBOUND {
                    incref(e.key);
                    incref(e.value);
                }
                *e
            })
            .collect();
        di.indices = si.indices.clone();
        di.len = si.len;
        di.first = si.first;
        di.log2 = si.log2;
        di.usable = si.usable;
        if si.tracked != NOT_TRACKED {
            di.tracked = crate::finalize::stamp();
        }
        return out;
    }
    for i in 0..src.entries_len() {
        if let Some((k, v, h)) = src.entry_with_hash(i) {
            dst.push(h, incref(k), incref(v));
        }
    }
    out
}

/// The dict whose entries CPython's `PyDict_Merge` reads directly when merging `m` (into
/// `dict.update`, `dict(m)`, `{**m}`, `f(**m)`): `m` itself when it is a dict, the dict it
/// carries when it is an instance of a dict subclass that keeps dict's `__iter__` (CPython
/// then ignores overrides of `keys` and `__getitem__`), else `None` (read through
/// [`mapping_items`]).
pub fn merge_source(m: Value) -> Option<Value> {
    if is_dict(m) {
        return Some(m);
    }
    let carried = crate::class::builtin_value(m).filter(|v| is_dict(*v))?;
    let own = crate::class::lookup(crate::class::type_of(m), "__iter__");
    let dicts = crate::class::lookup(crate::class::type_of(carried), "__iter__");
    (own == dicts).then_some(carried)
}

/// The `(key, m[key])` pairs of a mapping object read as CPython's `PyDict_Merge` reads a
/// non-dict: `m.keys()`, then `m[key]` for each key in order. `None` when `m` has no `keys`
/// attribute (only an `AttributeError` counts as absent; other errors propagate).
pub fn mapping_items(m: Value) -> R<Option<Vec<(Ref, Ref)>>> {
    let keys = match crate::attr::getattr_str(m, "keys") {
        Ok(keys) => keys,
        Err(Raised) if crate::exceptions::pending_is(ExcKind::AttributeError) => {
            drop(crate::exceptions::take_pending());
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    let keys = crate::call::call(keys.v(), Args::positional(&[]))?;
    let it = crate::iter::py_iter(keys.v())?;
    let mut pairs = Vec::new();
    while let Some(k) = crate::iter::py_next(it.v())? {
        let v = crate::ops::getitem(m, k.v())?;
        pairs.push((k, v));
    }
    Ok(Some(pairs))
}

/// `d.update(other)`: another dict, an iterable of pairs, or an object with `keys()`.
pub fn dict_update(d: Value, other: Value) -> R<()> {
    if let Some(other) = merge_source(other) {
        let src = dict_data(other);
        for (k, v) in src.items() {
            let (k, v) = (Ref::dup(k), Ref::dup(v));
            dict_data(d).set(k.v(), v.v())?;
        }
        return Ok(());
    }
    // A mapping: anything with `keys()` (CPython's `PyDict_Merge` path).
    if let Some(pairs) = mapping_items(other)? {
        for (k, v) in pairs {
            dict_data(d).set(k.v(), v.v())?;
        }
        return Ok(());
    }
    let it = crate::iter::py_iter(other)?;
    let mut n = 0usize;
    while let Some(item) = crate::iter::py_next(it.v())? {
        let pair = crate::iter::collect_vec(item.v()).map_err(|_| {
            if crate::exceptions::pending_is(ExcKind::TypeError) {
                drop(crate::exceptions::take_pending());
                let _: R<()> = type_error(format!(
                    "cannot convert dictionary update sequence element #{n} to a sequence"
                ));
            }
            Raised
        })?;
        if pair.len() != 2 {
            return raise(
                ExcKind::ValueError,
                format!(
                    "dictionary update sequence element #{n} has length {}; 2 is required",
                    pair.len()
                ),
            );
        }
        dict_data(d).set(pair[0].v(), pair[1].v())?;
        n += 1;
    }
    Ok(())
}

/// `dict(...)`: `dict()`, `dict(mapping_or_pairs)`, `dict(**kw)`.
pub fn dict_ctor(_cls: Value, args: Args<'_>) -> R<Ref> {
    if args.pos.len() > 1 {
        return type_error(format!(
            "dict expected at most 1 argument, got {}",
            args.pos.len()
        ));
    }
    let d = dict_new();
    if let Some(src) = args.pos.first() {
        dict_update(d.v(), *src)?;
    }
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        dict_data(d.v()).set(*k, *v)?;
    }
    Ok(d)
}

/// `d[key]`, raising `KeyError` (or calling `__missing__`-less semantics: plain dicts only).
pub fn dict_getitem(d: Value, key: Value) -> R<Ref> {
    match dict_data(d).get(key)? {
        Some(v) => Ok(Ref::dup(v)),
        None => key_error(key),
    }
}

/// A view (`keys()`, `values()`, `items()`) of dict `d`.
pub fn dict_view(d: Value, part: DictPart) -> Ref {
    alloc_ref(
        Kind::DictView,
        DictViewData {
            dict: incref(d),
            part,
        },
    )
}

/// The payload of a dict view.
pub fn view_data<'a>(v: Value) -> &'a DictViewData {
    // SAFETY: callers check the kind.
    unsafe { payload::<DictViewData>(v) }
}

/// `reversed(d)` for a dict or a dict view: the entries from the last to the first, lazily.
/// As CPython's reverse dict iterator: a change of the dict's size raises `RuntimeError` at
/// the next step (and at every later one); an exhausted iterator stays exhausted.
pub fn dict_reversed(v: Value) -> Ref {
    let (d, part) = if is_dict(v) {
        (v, DictPart::Keys)
    } else {
        let view = view_data(v);
        (view.dict, view.part)
    };
    let dict = Ref::dup(d);
    let len = dict_data(d).len();
    let mut pos = dict_data(d).entries_len();
    // `None`: exhausted; `Some(true)`: the size changed.
    let mut state = Some(false);
    let ty = match part {
        DictPart::Keys => crate::object::IterType::DictReverseKeyIterator,
        DictPart::Values => crate::object::IterType::DictReverseValueIterator,
        DictPart::Items => crate::object::IterType::DictReverseItemIterator,
    };
    crate::iter::native_iter(ty, move || {
        let Some(changed) = state else {
            return Ok(None);
        };
        let dd = dict_data(dict.v());
        if changed || dd.len() != len {
            state = Some(true);
            return raise(
                ExcKind::RuntimeError,
                "dictionary changed size during iteration",
            );
        }
        while pos > 0 {
            pos -= 1;
            if let Some((k, val)) = dd.entry(pos) {
                return Ok(Some(match part {
                    DictPart::Keys => Ref::dup(k),
                    DictPart::Values => Ref::dup(val),
                    DictPart::Items => crate::tuple::tuple_from_slice(&[k, val]),
                }));
            }
        }
        state = None;
        Ok(None)
    })
}

/// Whether `v` is a keys or items view (the views that behave as sets).
pub fn is_set_view(v: Value) -> bool {
    is_kind(v, Kind::DictView) && view_data(v).part != DictPart::Values
}

/// The set operators of keys and items views, `a OP b` where `a` or `b` is such a view and
/// `op` is one of `-`, `&`, `|`, `^`: always a new `set`. As in CPython, the other operand
/// may be any iterable: `-`, `|` and `^` start from `set(a)`, and `&` keeps the items of
/// the non-view operand (or of the smaller view) that are in the view.
pub fn view_binop(op: char, a: Value, b: Value) -> R<Ref> {
    use crate::set::{set_data, set_from_iterable, set_new};
    if op == '&' {
        let (view, other) = if is_set_view(a) { (a, b) } else { (b, a) };
        // A set at least as large as the view: the set's own intersection, which hashes
        // each of the view's items (CPython's order, and its errors).
        if crate::set::is_set(other)
            && !crate::set::is_frozen(other)
            && crate::ops::py_len(view)? <= set_data(other).len()
        {
            return crate::set::set_intersection(other, view);
        }
        let (view, other) =
            if is_set_view(other) && crate::ops::py_len(other)? > crate::ops::py_len(view)? {
                (other, view)
            } else {
                (view, other)
            };
        let result = set_new();
        let it = crate::iter::py_iter(other)?;
        while let Some(x) = crate::iter::py_next(it.v())? {
            if crate::ops::contains(view, x.v())? {
                set_data(result.v()).add(x.v())?;
            }
        }
        return Ok(result);
    }
    let result = set_from_iterable(a)?;
    let s = set_data(result.v());
    match op {
        '-' => s.difference_update(result.v(), b)?,
        '|' => s.update(b)?,
        _ => s.symmetric_difference_update(result.v(), b)?,
    }
    Ok(result)
}

/// `a OP b` for the comparison `op` (`crate::ops::cmp` codes `EQ`..`GE`) where `a` or `b`
/// is a keys or items view: set comparison by size and containment when the other operand
/// is a set, frozenset or such a view, `None` (not implemented) otherwise.
pub fn view_compare(op: u32, a: Value, b: Value) -> R<Option<bool>> {
    use crate::ops::cmp;
    let setlike = |v: Value| is_set_view(v) || crate::set::is_set(v);
    if !setlike(a) || !setlike(b) {
        return Ok(None);
    }
    // Every item of `x` is in `y`.
    let contained = |x: Value, y: Value| -> R<bool> {
        let it = crate::iter::py_iter(x)?;
        while let Some(item) = crate::iter::py_next(it.v())? {
            if !crate::ops::contains(y, item.v())? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    let (la, lb) = (crate::ops::py_len(a)?, crate::ops::py_len(b)?);
    Ok(Some(match op {
        cmp::EQ => la == lb && contained(a, b)?,
        cmp::NE => !(la == lb && contained(a, b)?),
        cmp::LT => la < lb && contained(a, b)?,
        cmp::LE => la <= lb && contained(a, b)?,
        cmp::GT => la > lb && contained(b, a)?,
        _ => la >= lb && contained(b, a)?,
    }))
}

fn m_view_isdisjoint(recv: Value, args: Args<'_>) -> R<Ref> {
    if !is_set_view(recv) {
        return type_error("descriptor 'isdisjoint' requires a dict view");
    }
    let [other] = args.exact("isdisjoint")?;
    if other == recv {
        return Ok(Ref::new(Value::from_bool(
            dict_data(view_data(recv).dict).is_empty(),
        )));
    }
    // Iterate over the smaller one when both have a cheap length.
    let (probe, iterated) = if (is_set_view(other) || crate::set::is_set(other))
        && crate::ops::py_len(other)? > crate::ops::py_len(recv)?
    {
        (other, recv)
    } else {
        (recv, other)
    };
    let it = crate::iter::py_iter(iterated)?;
    while let Some(x) = crate::iter::py_next(it.v())? {
        if crate::ops::contains(probe, x.v())? {
            return Ok(Ref::new(Value::FALSE));
        }
    }
    Ok(Ref::new(Value::TRUE))
}

/// The methods of `dict_keys` and `dict_items`.
pub const VIEW_METHODS: &[(&str, crate::object::BuiltinFn)] = &[("isdisjoint", m_view_isdisjoint)];

fn recv_dict(recv: Value) -> R<&'static DictData> {
    if is_dict(recv) {
        Ok(dict_data(recv))
    } else {
        type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            crate::class::type_name(recv)
        ))
    }
}

fn m_get(recv: Value, args: Args<'_>) -> R<Ref> {
    let d = recv_dict(recv)?;
    // Positional-only in CPython: `get(key, default=None, /)`.
    let [key, default] = args.range::<2>("get", 1)?;
    let key = key.unwrap_or(Value::NONE);
    match d.get(key)? {
        Some(v) => Ok(Ref::dup(v)),
        None => Ok(Ref::dup(default.unwrap_or(Value::NONE))),
    }
}

fn m_keys(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_dict(recv)?;
    args.none("keys")?;
    Ok(dict_view(recv, DictPart::Keys))
}

fn m_values(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_dict(recv)?;
    args.none("values")?;
    Ok(dict_view(recv, DictPart::Values))
}

fn m_items(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_dict(recv)?;
    args.none("items")?;
    Ok(dict_view(recv, DictPart::Items))
}

fn m_pop(recv: Value, args: Args<'_>) -> R<Ref> {
    let d = recv_dict(recv)?;
    // Positional-only in CPython (Argument Clinic's count messages).
    let [key, default] = args.range::<2>("pop", 1)?;
    let key = key.unwrap_or(Value::NONE);
    match d.remove(key)? {
        Some(v) => Ok(v),
        None => match default {
            Some(dv) => Ok(Ref::dup(dv)),
            None => key_error(key),
        },
    }
}

fn m_popitem(recv: Value, args: Args<'_>) -> R<Ref> {
    let d = recv_dict(recv)?;
    args.none("popitem")?;
    match d.pop_last() {
        Some((k, v)) => Ok(crate::tuple::tuple_from_array([k, v])),
        None => raise(ExcKind::KeyError, "popitem(): dictionary is empty"),
    }
}

fn m_setdefault(recv: Value, args: Args<'_>) -> R<Ref> {
    let d = recv_dict(recv)?;
    let [key, default] = args.range::<2>("setdefault", 1)?;
    let key = key.unwrap_or(Value::NONE);
    let default = default.unwrap_or(Value::NONE);
    if let Some(v) = d.get(key)? {
        return Ok(Ref::dup(v));
    }
    d.set(key, default)?;
    Ok(Ref::dup(default))
}

fn m_update(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_dict(recv)?;
    if args.pos.len() > 1 {
        return type_error(format!(
            "update expected at most 1 argument, got {}",
            args.pos.len()
        ));
    }
    if let Some(src) = args.pos.first() {
        dict_update(recv, *src)?;
    }
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        dict_data(recv).set(*k, *v)?;
    }
    Ok(Ref::NONE)
}

fn m_copy(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_dict(recv)?;
    args.none("copy")?;
    Ok(dict_copy(recv))
}

fn m_clear(recv: Value, args: Args<'_>) -> R<Ref> {
    let d = recv_dict(recv)?;
    args.none("clear")?;
    d.clear();
    Ok(Ref::NONE)
}

fn m_fromkeys(cls: Value, args: Args<'_>) -> R<Ref> {
    // The receiver is the class it is called through (`dict`, or a subclass `D.fromkeys`).
    args.no_kw("dict.fromkeys")?;
    let [it, value] = args.range::<2>("fromkeys", 1)?;
    // CPython: `cls()`, filled directly when that is an exact dict, through `__setitem__`
    // otherwise.
    let d = if cls == crate::state::rt().t.dict || !crate::class::is_class(cls) {
        dict_new()
    } else {
        crate::call::call(cls, Args::positional(&[]))?
    };
    let value = value.unwrap_or(Value::NONE);
    let it = crate::iter::py_iter(it.unwrap_or(Value::NONE))?;
    let exact = is_dict(d.v()) && crate::class::type_of(d.v()) == crate::state::rt().t.dict;
    while let Some(k) = crate::iter::py_next(it.v())? {
        if exact {
            dict_data(d.v()).set(k.v(), value)?;
        } else {
            crate::ops::setitem(d.v(), k.v(), value)?;
        }
    }
    Ok(d)
}

/// The methods of `dict` (installed into its class namespace).
pub const METHODS: &[(&str, crate::object::BuiltinFn)] = &[
    ("get", m_get),
    ("keys", m_keys),
    ("values", m_values),
    ("items", m_items),
    ("pop", m_pop),
    ("popitem", m_popitem),
    ("setdefault", m_setdefault),
    ("update", m_update),
    ("copy", m_copy),
    ("clear", m_clear),
];

/// The class methods of `dict` (`dict.fromkeys`; the receiver is the class it is called through).
pub const CLASS_METHODS: &[(&str, crate::object::BuiltinFn)] = &[("fromkeys", m_fromkeys)];

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> Value {
        Value::inline_int(i).unwrap_or(Value::NONE)
    }

    #[test]
    fn insertion_order_survives_deletion_and_growth() {
        let d = dict_new();
        let dd = dict_data(d.v());
        for i in 0..100 {
            dd.set(int(i), int(i * 10)).unwrap();
        }
        for i in (0..100).step_by(3) {
            assert!(dd.remove(int(i)).unwrap().is_some());
        }
        dd.set(int(3), int(-3)).unwrap();
        let keys: Vec<i64> = dd.items().iter().map(|(k, _)| k.as_inline_int()).collect();
        let mut expect: Vec<i64> = (0..100).filter(|i| i % 3 != 0).collect();
        expect.push(3);
        assert_eq!(keys, expect);
        assert_eq!(dd.get(int(3)).unwrap(), Some(int(-3)));
        assert_eq!(dd.get(int(6)).unwrap(), None);
        assert_eq!(dd.len(), expect.len());
    }

    #[test]
    fn true_one_and_one_point_zero_are_the_same_key() {
        let d = dict_new();
        let dd = dict_data(d.v());
        dd.set(int(1), int(1)).unwrap();
        dd.set(Value::TRUE, int(2)).unwrap();
        dd.set(Value::from_f64(1.0), int(3)).unwrap();
        assert_eq!(dd.len(), 1);
        assert_eq!(dd.items()[0], (int(1), int(3)));
    }

    #[test]
    fn str_keys_by_content() {
        let d = dict_new();
        let a = crate::str::str_from("hello");
        let b = crate::str::str_from("hello");
        dict_data(d.v()).set(a.v(), int(1)).unwrap();
        assert_eq!(dict_data(d.v()).get(b.v()).unwrap(), Some(int(1)));
        assert_eq!(dict_data(d.v()).get_str("hello"), Some(int(1)));
        let (k, v) = dict_data(d.v()).pop_last().unwrap();
        assert_eq!(crate::str::as_str(k.v()), "hello");
        assert_eq!(v.v(), int(1));
        assert!(dict_data(d.v()).is_empty());
    }
}
