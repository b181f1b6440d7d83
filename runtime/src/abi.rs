//! The exported `extern "C"` functions that generated code calls: the ABI of
//! `docs/runtime.md`, one thin wrapper per function over the modules that do the work.
//!
//! Conventions (all functions): `Value` is a `u64`; arguments are borrowed; returned values
//! are new references; "→ error" means the function returns `Value::ERROR` (or `-1` for an
//! `i32` result) with an exception pending. Integer arguments (operator codes, counts,
//! indices, lengths) are `u32` (a caller passing a 64-bit integer on a 64-bit target is
//! read correctly too). Pointer arguments are native pointers.

use std::cell::UnsafeCell;
use std::ffi::c_char;

use crate::exceptions::{ExcKind, R, raise, to_abi, to_abi_i32, type_error, value_error};
use crate::object::{
    Args, FunctionCode, FunctionData, Kind, Ref, RefVec, alloc_ref, decref, immortalize, incref,
    is_kind, payload,
};
use crate::state::{exc_class, rt};
use crate::str::str_opt;
use crate::tuple::tuple_items;
use crate::value::Value;

/// A slice from a pointer and a count (empty for a null pointer).
///
/// # Safety
/// `p` must point at `n` readable values when `n > 0`.
unsafe fn values<'a>(p: *const Value, n: u32) -> &'a [Value] {
    if p.is_null() || n == 0 {
        return &[];
    }
    // SAFETY: per the contract.
    unsafe { std::slice::from_raw_parts(p, n as usize) }
}

/// Bytes from a pointer and a length (empty for a null pointer).
///
/// # Safety
/// `p` must point at `n` readable bytes when `n > 0`.
unsafe fn bytes<'a>(p: *const u8, n: u32) -> &'a [u8] {
    if p.is_null() || n == 0 {
        return &[];
    }
    // SAFETY: per the contract.
    unsafe { std::slice::from_raw_parts(p, n as usize) }
}

fn name_str<'a>(name: Value) -> R<&'a str> {
    match str_opt(name) {
        Some(s) => Ok(s),
        None => type_error("name must be a str"),
    }
}

/// `refcount += 1` for pointer values (no-op otherwise); returns `v`.
#[unsafe(no_mangle)]
pub extern "C" fn molt_incref(v: Value) -> Value {
    incref(v)
}

/// `refcount -= 1` for pointer values, freeing the object at zero.
#[unsafe(no_mangle)]
pub extern "C" fn molt_decref(v: Value) {
    decref(v);
}

/// Frees an object whose refcount generated code brought to zero.
#[unsafe(no_mangle)]
pub extern "C" fn molt_dealloc(v: Value) {
    if v.is_ptr() {
        crate::object::dealloc(v);
    }
}

/// An immortal str from `len` bytes of UTF-8 at `ptr` (invalid UTF-8 is replaced). Repeated
/// calls with the same bytes return the same object.
#[unsafe(no_mangle)]
pub extern "C" fn molt_const_str(ptr: *const u8, len: u32) -> Value {
    let key = (ptr as usize, len as usize, false);
    if let Some(v) = rt().consts.borrow().get(&key) {
        return *v;
    }
    // SAFETY: codegen passes `len` bytes of static data at `ptr`.
    let b = unsafe { bytes(ptr, len) };
    let v = crate::str::str_intern(&String::from_utf8_lossy(b));
    rt().consts.borrow_mut().insert(key, v);
    v
}

/// An immortal int from decimal digits (optional leading `-`); inline when it fits.
#[unsafe(no_mangle)]
pub extern "C" fn molt_const_bigint(ptr: *const u8, len: u32) -> Value {
    let key = (ptr as usize, len as usize, true);
    if let Some(v) = rt().consts.borrow().get(&key) {
        return *v;
    }
    // SAFETY: codegen passes `len` bytes of static data at `ptr`.
    let b = unsafe { bytes(ptr, len) };
    let text = String::from_utf8_lossy(b);
    // Literals are not subject to the int/str digit limit.
    let (neg, digits) = match text.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, &*text),
    };
    let big = num_bigint::BigInt::parse_bytes(digits.as_bytes(), 10).unwrap_or_default();
    let big = if neg { -big } else { big };
    let v = immortalize(crate::int::int_from_big(big).into_raw());
    rt().consts.borrow_mut().insert(key, v);
    v
}

/// `...`.
#[unsafe(no_mangle)]
pub extern "C" fn molt_const_ellipsis() -> Value {
    rt().ellipsis
}

/// `a + b` (`op`: the add code, maybe in-place) taking over the caller's reference to `a`,
/// its last use: two exact strs with `a` held by that reference only are concatenated in
/// place (`crate::str::concat_in_place`), anything else is [`molt_binary`] and then `a` is
/// released (after computing the result, as CPython's `BINARY_OP` releases its operands).
/// → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_binary_add_moved(op: u32, a: Value, b: Value) -> Value {
    if let Some(r) = crate::str::concat_in_place(a, b) {
        return r;
    }
    let r = molt_binary(op, a, b);
    crate::object::decref(a);
    r
}

/// `a op b`; `op` is `add, sub, mul, truediv, floordiv, mod, pow, lshift, rshift, bitand,
/// bitor, bitxor, matmul` (0..=12), plus 16 for the in-place form. → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_binary(op: u32, a: Value, b: Value) -> Value {
    // Fast path: inline ints that stay inline.
    if a.is_inline_int() && b.is_inline_int() {
        let (x, y) = (a.as_inline_int(), b.as_inline_int());
        let r = match op & !16 {
            0 => Some(x + y),
            1 => Some(x - y),
            2 => x.checked_mul(y),
            9 => Some(x & y),
            10 => Some(x | y),
            11 => Some(x ^ y),
            4 if y > 0 => Some(crate::int::floordiv_i64(x, y)),
            5 if y > 0 => Some(crate::int::mod_i64(x, y)),
            _ => None,
        };
        if let Some(v) = r.and_then(Value::inline_int) {
            return v;
        }
    } else if a.is_float() && b.is_float() {
        let (x, y) = (a.as_f64(), b.as_f64());
        match op & !16 {
            0 => return Value::from_f64(x + y),
            1 => return Value::from_f64(x - y),
            2 => return Value::from_f64(x * y),
            3 if y != 0.0 => return Value::from_f64(x / y),
            _ => {}
        }
    }
    to_abi(crate::ops::binary(op, a, b))
}

/// `op v`; `op` is `neg, pos, invert, not` (0..=3). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_unary(op: u32, v: Value) -> Value {
    to_abi(crate::ops::unary(op, v))
}

/// `a op b`; `op` is `eq, ne, lt, le, gt, ge, is, isnot, in, notin` (0..=9). The result is
/// what the comparison returns (a bool for builtin types). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_compare(op: u32, a: Value, b: Value) -> Value {
    if a.is_inline_int() && b.is_inline_int() {
        let (x, y) = (a.as_inline_int(), b.as_inline_int());
        let r = match op {
            0 | 6 => Some(x == y),
            1 | 7 => Some(x != y),
            2 => Some(x < y),
            3 => Some(x <= y),
            4 => Some(x > y),
            5 => Some(x >= y),
            _ => None,
        };
        if let Some(r) = r {
            return Value::from_bool(r);
        }
    }
    // Two exact strs (`c == " "` in a tokenizer): their texts, without the generic
    // dispatch. A str subclass, whose methods may be overridden, takes the generic path.
    if op <= molt_abi::compare_op::GE && is_kind(a, Kind::Str) && is_kind(b, Kind::Str) {
        let o = if a == b {
            std::cmp::Ordering::Equal
        } else {
            crate::str::as_str(a).cmp(crate::str::as_str(b))
        };
        return Value::from_bool(crate::ops::ord_result(op, o));
    }
    // An exact str in a tuple of exact strs (`tok in ("+", "-")`): no `__eq__` of a user
    // class can run, so the texts decide.
    if (op == molt_abi::compare_op::IN || op == molt_abi::compare_op::NOTIN)
        && is_kind(a, Kind::Str)
        && is_kind(b, Kind::Tuple)
    {
        let items = tuple_items(b);
        if items.iter().all(|&v| is_kind(v, Kind::Str)) {
            let s = crate::str::as_str(a);
            let found = items.iter().any(|&v| v == a || crate::str::as_str(v) == s);
            return Value::from_bool(found != (op == molt_abi::compare_op::NOTIN));
        }
    }
    to_abi(crate::ops::compare(op, a, b))
}

/// `is.type v, T`: 1 when `v` has exactly type `T`, else 0. `code`: 0 `int` (not `bool`),
/// 1 `float`, 2 `bool`. Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn molt_is_type(v: Value, code: u32) -> i32 {
    use molt_abi::type_code::{BOOL, FLOAT, INT};
    let yes = match code {
        INT => v.is_inline_int() || crate::object::is_kind(v, crate::object::Kind::BigInt),
        FLOAT => v.is_float(),
        BOOL => v.is_bool(),
        _ => false,
    };
    yes as i32
}

/// `index v`: `operator.index(v)` as `range()` converts its arguments (see
/// [`crate::range::range_index`]). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_to_index(v: Value) -> Value {
    to_abi(crate::range::range_index(v))
}

/// `bool(v)`: 0 or 1. → -1.
#[unsafe(no_mangle)]
pub extern "C" fn molt_is_true(v: Value) -> i32 {
    if v == Value::TRUE {
        return 1;
    }
    if v == Value::FALSE || v.is_none() {
        return 0;
    }
    if v.is_inline_int() {
        return (v.as_inline_int() != 0) as i32;
    }
    match crate::ops::is_true(v) {
        Ok(b) => b as i32,
        Err(_) => -1,
    }
}

/// A new module named by `len` bytes of UTF-8 at `name_ptr`, with `__name__` set.
#[unsafe(no_mangle)]
pub extern "C" fn molt_module_new(name_ptr: *const u8, len: u32) -> Value {
    // SAFETY: codegen passes `len` bytes of static data.
    let b = unsafe { bytes(name_ptr, len) };
    let m = crate::modules::module_new(&String::from_utf8_lossy(b));
    if b == b"__main__" {
        crate::suggestions::set_main_module(m.v());
    }
    crate::finalize::set_main_module(m.v());
    m.into_raw()
}

fn global_load(module: Value, name: Value) -> R<Ref> {
    if is_kind(module, Kind::Module) {
        let d = crate::modules::module_dict(module);
        if let Some(v) = crate::dict::dict_data(d).get(name)? {
            return Ok(Ref::dup(v));
        }
    }
    if let Some(v) = crate::dict::dict_data(rt().builtins).get(name)? {
        return Ok(Ref::dup(v));
    }
    crate::exceptions::name_error(name, format!("name '{}' is not defined", name_str(name)?))
}

/// Where a global name was found, remembered per (module dict, name) while the dicts involved
/// keep their versions (see `DictData::version`): entry indices stay valid until then.
#[derive(Clone, Copy)]
struct GlobalCacheEntry {
    /// The name (an immortal str: the cache is keyed by identity).
    name: Value,
    /// The module's dict.
    dict: Value,
    /// Its version when the entry was filled.
    dict_version: u64,
    /// The entry index in the module dict, or `u32::MAX` when the name is not a global.
    dict_ix: u32,
    /// The entry index in the builtins dict (when not a global).
    builtins_ix: u32,
    /// The builtins dict's version when the entry was filled.
    builtins_version: u64,
}

const GLOBAL_CACHE_SIZE: usize = 256;

thread_local! {
    static GLOBAL_CACHE: std::cell::UnsafeCell<[GlobalCacheEntry; GLOBAL_CACHE_SIZE]> =
        const {
            std::cell::UnsafeCell::new(
                [GlobalCacheEntry {
                    name: Value::NONE,
                    dict: Value::NONE,
                    dict_version: 0,
                    dict_ix: 0,
                    builtins_ix: 0,
                    builtins_version: 0,
                }; GLOBAL_CACHE_SIZE],
            )
        };
}

#[inline]
fn global_cache_slot(dict: Value, name: Value) -> usize {
    let h = (name.0 >> 4) ^ (dict.0 >> 6);
    (h as usize) & (GLOBAL_CACHE_SIZE - 1)
}

/// `global_load` through the cache: a hit is a few compares and one indexed read.
fn global_load_cached(module: Value, name: Value) -> R<Ref> {
    if !is_kind(module, Kind::Module) || !crate::str::is_str(name) {
        return global_load(module, name);
    }
    let dict = crate::modules::module_dict(module);
    let dd = crate::dict::dict_data(dict);
    let bd = crate::dict::dict_data(rt().builtins);
    let slot = global_cache_slot(dict, name);
    let cache = GLOBAL_CACHE.with(|c| c.get());
    // SAFETY: thread-local; this borrow ends before anything else can touch the cache.
    let e = unsafe { &(*cache)[slot] };
    if e.name == name && e.dict == dict && e.dict_version == dd.version() {
        if e.dict_ix != u32::MAX {
            return Ok(Ref::dup(dd.value_at(e.dict_ix as usize)));
        }
        if e.builtins_version == bd.version() {
            return Ok(Ref::dup(bd.value_at(e.builtins_ix as usize)));
        }
    }
    // Miss: look the name up, and remember where it was when the name is immortal (a
    // constant: its identity cannot be reused by another str).
    let hash = crate::hash::hash_str(name);
    let immortal = crate::object::is_immortal(name);
    if let Some(i) = dd.find_name(name, hash) {
        if immortal {
            let e = GlobalCacheEntry {
                name,
                dict,
                dict_version: dd.version(),
                dict_ix: i as u32,
                builtins_ix: 0,
                builtins_version: 0,
            };
            // SAFETY: thread-local; no other reference into the cache is live.
            GLOBAL_CACHE.with(|c| unsafe { (*c.get())[slot] = e });
        }
        return Ok(Ref::dup(dd.value_at(i)));
    }
    if let Some(i) = bd.find_name(name, hash) {
        if immortal {
            let e = GlobalCacheEntry {
                name,
                dict,
                dict_version: dd.version(),
                dict_ix: u32::MAX,
                builtins_ix: i as u32,
                builtins_version: bd.version(),
            };
            // SAFETY: thread-local; no other reference into the cache is live.
            GLOBAL_CACHE.with(|c| unsafe { (*c.get())[slot] = e });
        }
        return Ok(Ref::dup(bd.value_at(i)));
    }
    global_load(module, name)
}

/// Module global `name` (a str), else the builtin, else `NameError`. → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_global_load(module: Value, name: Value) -> Value {
    to_abi(global_load_cached(module, name))
}

/// `module.name = v` (a global assignment). 0, or → -1.
#[unsafe(no_mangle)]
pub extern "C" fn molt_global_store(module: Value, name: Value, v: Value) -> i32 {
    if !is_kind(module, Kind::Module) {
        return to_abi_i32(type_error("global store without a module"));
    }
    to_abi_i32(crate::dict::dict_data(crate::modules::module_dict(module)).set(name, v))
}

/// Watches the `call.direct` slot `slot` (the address of a static word holding the function
/// object that the `def` of global `name` just stored) of `module`: when the global is
/// rebound to another object or deleted, the slot is cleared and callers take the generic
/// path (see [`crate::watch`]).
#[unsafe(no_mangle)]
pub extern "C" fn molt_watch_function(module: Value, name: Value, slot: *mut Value) {
    crate::watch::watch_function(module, name, slot);
}

/// `del` of a module global: `NameError` when it is not defined. 0, or → -1.
#[unsafe(no_mangle)]
pub extern "C" fn molt_global_del(module: Value, name: Value) -> i32 {
    let r = (|| {
        if is_kind(module, Kind::Module) {
            if crate::dict::dict_data(crate::modules::module_dict(module))
                .remove(name)?
                .is_some()
            {
                return Ok(());
            }
        }
        crate::exceptions::name_error(name, format!("name '{}' is not defined", name_str(name)?))
    })();
    to_abi_i32(r)
}

/// Builtin `name` (a str). → error (`NameError`).
#[unsafe(no_mangle)]
pub extern "C" fn molt_builtin_load(name: Value) -> Value {
    to_abi(builtin_load_cached(name))
}

/// A builtin by name, remembered in `cell` (a site's zeroed 8-byte inline cache) when it is
/// an immortal object: the builtins dict cannot change (no program can reach it), so
/// generated code reads the cell instead of calling again. → error (`NameError`) as
/// [`molt_builtin_load`].
#[unsafe(no_mangle)]
pub extern "C" fn molt_builtin_load_cell(name: Value, cell: *mut u64) -> Value {
    let r = builtin_load_cached(name);
    if let Ok(v) = &r
        && v.v().is_ptr()
        && crate::object::is_immortal(v.v())
        && !cell.is_null()
    {
        // SAFETY: generated code passes the address of the site's own 8-byte cell.
        unsafe { *cell = v.v().0 };
    }
    to_abi(r)
}

/// A builtin through the global cache (keyed by the builtins dict itself).
fn builtin_load_cached(name: Value) -> R<Ref> {
    if !crate::str::is_str(name) {
        return global_load(Value::NONE, name);
    }
    let dict = rt().builtins;
    let bd = crate::dict::dict_data(dict);
    let slot = global_cache_slot(dict, name);
    let cache = GLOBAL_CACHE.with(|c| c.get());
    // SAFETY: thread-local; this borrow ends before anything else can touch the cache.
    let e = unsafe { &(*cache)[slot] };
    if e.name == name && e.dict == dict && e.dict_version == bd.version() {
        return Ok(Ref::dup(bd.value_at(e.dict_ix as usize)));
    }
    match bd.find_name(name, crate::hash::hash_str(name)) {
        Some(i) => {
            if crate::object::is_immortal(name) {
                let e = GlobalCacheEntry {
                    name,
                    dict,
                    dict_version: bd.version(),
                    dict_ix: i as u32,
                    builtins_ix: 0,
                    builtins_version: 0,
                };
                // SAFETY: thread-local; no other reference into the cache is live.
                unsafe { (*cache)[slot] = e };
            }
            Ok(Ref::dup(bd.value_at(i)))
        }
        None => global_load(Value::NONE, name),
    }
}

/// MIR's error path: records the frame of function `code` at `site` on the pending
/// exception's traceback (see [`crate::traceback`]). Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn molt_tb_add(code: *const crate::object::FunctionCode, site: u32) {
    crate::traceback::tb_add(code, site);
}

/// Raises `UnboundLocalError` for local `name` (a str); a name `"var message"` (with a
/// space, as zero-argument `super()` reads its first argument) raises
/// `RuntimeError(message)` instead. → error, always.
#[unsafe(no_mangle)]
pub extern "C" fn molt_raise_unbound(name: Value) -> Value {
    to_abi(unbound_local(name))
}

/// The error of reading local `name` while it is unbound (see [`molt_raise_unbound`]).
fn unbound_local(name: Value) -> R<Ref> {
    let n = str_opt(name).unwrap_or("?");
    if let Some((_, message)) = n.split_once(' ') {
        return raise(ExcKind::RuntimeError, message);
    }
    raise(
        ExcKind::UnboundLocalError,
        format!("cannot access local variable '{n}' where it is not associated with a value"),
    )
}

/// A name in a class body: the namespace dict `ns`, then the module global, then the
/// builtin. → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_ns_load(ns: Value, module: Value, name: Value) -> Value {
    let r = (|| {
        if crate::dict::is_dict(ns) {
            if let Some(v) = crate::dict::dict_data(ns).get(name)? {
                return Ok(Ref::dup(v));
            }
        } else {
            // A mapping from a metaclass's `__prepare__`: its `__getitem__`, then the
            // globals when it raises `KeyError` (CPython's `LOAD_NAME`).
            match crate::ops::getitem(ns, name) {
                Ok(v) => return Ok(v),
                Err(e) => {
                    if !crate::exceptions::pending_is(ExcKind::KeyError) {
                        return Err(e);
                    }
                    drop(crate::exceptions::take_pending());
                }
            }
        }
        global_load(module, name)
    })();
    to_abi(r)
}

/// A new closure cell holding `v` (which may be *unbound*).
#[unsafe(no_mangle)]
pub extern "C" fn molt_cell_new(v: Value) -> Value {
    alloc_ref(Kind::Cell, UnsafeCell::new(incref(v))).into_raw()
}

fn cell_slot<'a>(cell: Value) -> R<&'a UnsafeCell<Value>> {
    if !is_kind(cell, Kind::Cell) {
        return type_error("expected a cell");
    }
    // SAFETY: kind checked.
    Ok(unsafe { payload::<UnsafeCell<Value>>(cell) })
}

/// The content of `cell`; `NameError` naming `name` when the cell is empty (for a name
/// `"var message"`, `RuntimeError(message)`, as for `molt_raise_unbound`). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_cell_get(cell: Value, name: Value) -> Value {
    let r = (|| {
        // SAFETY: single-threaded; the value is copied out at once.
        let v = unsafe { *cell_slot(cell)?.get() };
        if v == Value::UNBOUND {
            let n = str_opt(name).unwrap_or("?");
            if let Some((_, message)) = n.split_once(' ') {
                return raise(ExcKind::RuntimeError, message);
            }
            return crate::exceptions::name_error(
                name,
                format!(
                    "cannot access free variable '{n}' where it is not associated with a value in enclosing scope"
                ),
            );
        }
        Ok(Ref::dup(v))
    })();
    to_abi(r)
}

/// The content of `cell`, a cell holding a local of the running function (captured by a
/// nested scope); `UnboundLocalError` naming `name` when it is empty, as CPython's
/// `LOAD_DEREF` of a cell variable (a `"var message"` name as for [`molt_cell_get`]).
/// → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_cell_get_local(cell: Value, name: Value) -> Value {
    let r = (|| {
        // SAFETY: single-threaded; the value is copied out at once.
        let v = unsafe { *cell_slot(cell)?.get() };
        if v == Value::UNBOUND {
            return unbound_local(name);
        }
        Ok(Ref::dup(v))
    })();
    to_abi(r)
}

/// Stores `v` (may be *unbound*) into `cell`. 0, or → -1.
#[unsafe(no_mangle)]
pub extern "C" fn molt_cell_set(cell: Value, v: Value) -> i32 {
    to_abi_i32(cell_set(cell, v))
}

/// Stores `v` (may be *unbound*) into `cell`, releasing what it held.
pub(crate) fn cell_set(cell: Value, v: Value) -> R<()> {
    let slot = cell_slot(cell)?;
    // SAFETY: single-threaded; no other reference into the cell is live.
    let old = unsafe { std::mem::replace(&mut *slot.get(), incref(v)) };
    decref(old);
    Ok(())
}

/// Closure cell `i` of function object `func`. → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_function_closure(func: Value, i: u32) -> Value {
    let r = (|| {
        if !is_kind(func, Kind::Function) {
            return type_error("expected a function");
        }
        // SAFETY: kind checked.
        let fd = unsafe { payload::<FunctionData>(func) };
        match fd.closure.get(i as usize) {
            Some(c) => Ok(Ref::dup(*c)),
            None => raise(ExcKind::RuntimeError, "closure cell index out of range"),
        }
    })();
    to_abi(r)
}

/// Builds `Args` from the vectorcall layout.
///
/// # Safety
/// `args` must hold `nargs` values plus one per name in `kwnames` (a tuple, or anything else
/// for "no keywords").
unsafe fn vector_args<'a>(args: *const Value, nargs: u32, kwnames: Value) -> Args<'a> {
    let names: &[Value] = if crate::tuple::is_tuple(kwnames) {
        tuple_items(kwnames)
    } else {
        &[]
    };
    // SAFETY: per the contract.
    let all = unsafe { values(args, nargs + names.len() as u32) };
    let (pos, kwvals) = all.split_at(nargs as usize);
    Args {
        pos,
        kwnames: names,
        kwvals,
    }
}

/// `callee(*args)`: `args` holds `nargs` positional values, then one value per name in
/// `kwnames` (a tuple of strs, or `None`/0 for no keywords). Bit `i` of `moved` set: the
/// caller moved its reference to value `i` into the call, which releases it (a compiled
/// callee owns it as a parameter; see [`crate::call::Moved`]); the other values are
/// borrowed. → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_call(
    callee: Value,
    args: *const Value,
    nargs: u32,
    kwnames: Value,
    moved: u64,
) -> Value {
    if crate::profile::on() {
        crate::profile::count(if crate::object::is_kind(callee, Kind::Builtin) {
            crate::profile::Counter::CallBuiltin
        } else {
            crate::profile::Counter::CallGeneric
        });
    }
    let moved = crate::call::Moved(moved);
    if !crate::tuple::is_tuple(kwnames) {
        if let Some(r) = crate::call::call_exact(callee, args, nargs, moved) {
            return to_abi(r);
        }
        if crate::object::is_kind(callee, Kind::Class) {
            let pos: &[Value] = if nargs == 0 {
                &[]
            } else {
                // SAFETY: generated code passes `nargs` values at `args`.
                unsafe { std::slice::from_raw_parts(args, nargs as usize) }
            };
            if let Some(r) = crate::call::call_class_positional(callee, pos, moved) {
                return to_abi(r);
            }
        }
    }
    // SAFETY: generated code passes the vectorcall layout.
    let a = unsafe { vector_args(args, nargs, kwnames) };
    to_abi(crate::call::call_moved(callee, a, moved))
}

/// `recv.name(*args)` (same argument layout as [`molt_call`]; bit 0 of `moved` is the
/// receiver, bit `i + 1` value `i`). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_call_method(
    recv: Value,
    name: Value,
    args: *const Value,
    nargs: u32,
    kwnames: Value,
    moved: u64,
) -> Value {
    crate::profile::count(crate::profile::Counter::CallGeneric);
    // SAFETY: generated code passes the vectorcall layout.
    let a = unsafe { vector_args(args, nargs, kwnames) };
    to_abi(crate::call::call_method_moved(
        recv,
        name,
        a,
        crate::call::Moved(moved),
    ))
}

/// `recv.name` looked up as a method before the call's arguments (MIR `method.load`; see
/// [`crate::call::load_method`]) at a site whose inline cache is `cell` (two words: a
/// builtin class, then its method object `name`; zero when empty). When `recv` is a builtin
/// value (not an instance, class, module or `super`) whose class is the cached one, the
/// method object is the answer without hashing the name or walking the MRO. The cache is
/// filled when the method found is a builtin method of an immutable builtin class (which
/// never changes, and whose methods are immortal). → new reference, or error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_method_load_cached(recv: Value, name: Value, cell: *mut u64) -> Value {
    use crate::object::{BuiltinData, FLAG_IMMUTABLE_TYPE, flags};
    if !cell.is_null()
        && !(recv.is_ptr()
            && matches!(
                crate::object::kind(recv),
                Kind::Instance | Kind::Class | Kind::Module | Kind::Super
            ))
    {
        let cls = crate::class::type_of(recv);
        // SAFETY: generated code passes its own 16-byte cache cell.
        let (cached_cls, cached_f) = unsafe { (cell.read(), cell.add(1).read()) };
        if cached_cls == cls.0 {
            // Builtin methods are immortal: no reference to count.
            return Value(cached_f);
        }
        if flags(cls) & FLAG_IMMUTABLE_TYPE != 0
            && let Some(f) = str_opt(name).and_then(|n| crate::class::lookup(cls, n))
            && is_kind(f, Kind::Builtin)
        {
            // SAFETY: kind checked.
            let b = unsafe { payload::<BuiltinData>(f) };
            if !b.owner.is_none() && b.receiver == Value::UNBOUND && crate::object::is_immortal(f) {
                // SAFETY: as above.
                unsafe {
                    cell.write(cls.0);
                    cell.add(1).write(f.0);
                }
            }
        }
    }
    to_abi(crate::call::load_method(recv, name))
}

/// The lookup of [`molt_method_load_cached`] at a `method.load.direct` site whose inline cache is `cell` (two
/// words: the class shape, then the function object): after the lookup the cell holds the
/// receiver's class shape and the function found when `recv` is an instance of a cacheable
/// class, without instance-dict attributes, whose method `name` is a function compiled from
/// `code`, and zeros otherwise. Generated code then calls that function's compiled code
/// directly when the loaded value is the cached function, so the cell must never keep a
/// function other than the one this lookup found: a stale entry could name a freed
/// function whose memory a new object took. → new reference, or error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_method_load_ic(
    recv: Value,
    name: Value,
    cell: *mut u64,
    code: *const crate::object::FunctionCode,
) -> Value {
    use crate::object::{FunctionData, Kind, SHAPE_NONE, flags, is_kind, payload};
    crate::profile::count(crate::profile::Counter::CallGeneric);
    let r = crate::call::load_method(recv, name);
    let mut entry = (0u64, 0u64);
    if let Ok(f) = &r
        && is_kind(recv, Kind::Instance)
        && flags(recv) == 0
        && is_kind(f.v(), Kind::Function)
        // SAFETY: kind checked before reading the payload.
        && std::ptr::eq(unsafe { payload::<FunctionData>(f.v()) }.code, code)
    {
        let shape = crate::class::class_data(crate::class::instance_data(recv).class)
            .shape
            .get();
        if shape != SHAPE_NONE {
            // A function (not a wrapped instance attribute) is what the class gave: it stays
            // alive while the class keeps this shape.
            entry = (u64::from(shape), f.v().0);
        }
    }
    if !cell.is_null() {
        // SAFETY: generated code passes its own 16-byte cache cell.
        unsafe {
            cell.write(entry.0);
            cell.add(1).write(entry.1);
        }
    }
    to_abi(r)
}

/// Calls `method`, what [`molt_method_load_cached`] gave for `recv` (MIR `call.method.loaded`; same
/// argument layout and `moved` mask as [`molt_call_method`], `method` borrowed). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_call_method_loaded(
    recv: Value,
    method: Value,
    args: *const Value,
    nargs: u32,
    kwnames: Value,
    moved: u64,
) -> Value {
    crate::profile::count(crate::profile::Counter::CallGeneric);
    // SAFETY: generated code passes the vectorcall layout.
    let a = unsafe { vector_args(args, nargs, kwnames) };
    to_abi(crate::call::call_method_loaded(
        recv,
        method,
        a,
        crate::call::Moved(moved),
    ))
}

/// `recv.name(*args)` at a `call.method.direct` site whose inline cache is `cell` (two
/// words: the class shape, then the function object the fast path calls): fills the cache when
/// `recv` is an instance of a cacheable class, without instance-dict attributes, whose
/// `name` is a function compiled from `code`; then calls like [`molt_call_method`] (with the
/// same `moved` mask). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_call_method_ic(
    recv: Value,
    name: Value,
    args: *const Value,
    nargs: u32,
    cell: *mut u64,
    code: *const crate::object::FunctionCode,
    moved: u64,
) -> Value {
    crate::profile::count(crate::profile::Counter::CallGeneric);
    fill_method_cell(recv, name, cell, code);
    molt_call_method(recv, name, args, nargs, Value::NONE, moved)
}

/// Fills the 16-byte cache cell of a `call.method.direct` or `method.is` site (the class
/// shape, then the function object) when `recv` is a plain instance (no instance attribute
/// can shadow a method: flags clear) of a class with a shape, on which `name` finds a
/// function compiled from `code`; returns whether it did. Only reads class dictionaries:
/// no descriptor, `__getattr__` or other Python code runs, and nothing raises.
fn fill_method_cell(
    recv: Value,
    name: Value,
    cell: *mut u64,
    code: *const crate::object::FunctionCode,
) -> bool {
    use crate::object::{FunctionData, Kind, SHAPE_NONE, flags, is_kind, payload};
    if cell.is_null() || !is_kind(recv, Kind::Instance) || flags(recv) != 0 {
        return false;
    }
    let class = crate::class::instance_data(recv).class;
    let shape = crate::class::class_data(class).shape.get();
    if shape == SHAPE_NONE {
        return false;
    }
    let Some(n) = crate::str::str_opt(name) else {
        return false;
    };
    let Some(f) = crate::class::lookup(class, n) else {
        return false;
    };
    // SAFETY: kind checked before reading the payload.
    if !is_kind(f, Kind::Function)
        || !std::ptr::eq(unsafe { payload::<FunctionData>(f) }.code, code)
    {
        return false;
    }
    // SAFETY: generated code passes its own 16-byte cache cell. The function stays alive
    // while the class keeps this shape (its dict holds it; any change gives the class a
    // new shape).
    unsafe {
        cell.write(u64::from(shape));
        cell.add(1).write(f.0);
    }
    true
}

/// `method.is recv, name, f` after its inline cache missed: 1 when `recv.name` finds the
/// function compiled from `code` (the cache `cell` is then filled for the next check), else
/// 0, and the caller makes the call generically. Never raises or runs code (see
/// [`fill_method_cell`]).
#[unsafe(no_mangle)]
pub extern "C" fn molt_method_ic_probe(
    recv: Value,
    name: Value,
    cell: *mut u64,
    code: *const crate::object::FunctionCode,
) -> i32 {
    i32::from(fill_method_cell(recv, name, cell, code))
}

/// `cls(*args)` (same argument layout as [`molt_call`], no keywords) at a `call.class.direct`
/// site whose inline cache is `cell` (two words: the class shape, then the `__init__`
/// function object the fast path calls): fills the cache when calling `cls` is known to
/// run `type.__call__` with `object.__new__` (an object-layout class of metaclass `type`
/// whose `__new__` is the builtin one) and an `__init__` compiled from `code`, on a class
/// whose attribute access is inline-cached (its shape changes whenever any of that
/// changes); then calls `cls` like [`molt_call`] (with the same `moved` mask). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_call_class_ic(
    cls: Value,
    args: *const Value,
    nargs: u32,
    cell: *mut u64,
    code: *const crate::object::FunctionCode,
    moved: u64,
) -> Value {
    fill_class_cell(cls, cell, code);
    molt_call(cls, args, nargs, Value::NONE, moved)
}

/// `class.is` after its inline cache missed: 1 when calling `cls` constructs with
/// `object.__new__` and the `__init__` compiled from `code` (the cache `cell` is then filled
/// for the next check), else 0, and the caller constructs generically. Never raises or runs
/// code (see [`fill_class_cell`]).
#[unsafe(no_mangle)]
pub extern "C" fn molt_class_ic_probe(
    cls: Value,
    cell: *mut u64,
    code: *const crate::object::FunctionCode,
) -> i32 {
    i32::from(fill_class_cell(cls, cell, code))
}

/// Fills the 16-byte construction cache `cell` (the class shape, then the `__init__`
/// function object) when calling `cls` is known to run `type.__call__` with
/// `object.__new__` (an object-layout class of metaclass `type` whose `__new__` is the
/// builtin one) and an `__init__` compiled from `code`, on a class whose attribute access
/// is inline-cached (its shape changes whenever any of that changes). Whether it filled
/// the cell; reads the class and its MRO only (no lookup runs Python code).
fn fill_class_cell(cls: Value, cell: *mut u64, code: *const crate::object::FunctionCode) -> bool {
    use crate::object::{FunctionData, Kind, SHAPE_NONE, is_kind, payload};
    if cell.is_null() || !crate::class::is_class(cls) {
        return false;
    }
    let cd = crate::class::class_data(cls);
    let shape = cd.shape.get();
    let plain = shape != SHAPE_NONE
        && cd.layout == crate::object::Layout::Object
        && cd.ctor.is_none()
        && cd.meta.is_none()
        && !cd.new_slot.get()
        && !crate::class::is_metaclass(cls)
        && crate::class::lookup(cls, "__new__").is_some_and(|f| is_kind(f, Kind::Builtin));
    // SAFETY (the payload read): kind checked first.
    if plain
        && let Some(f) = crate::class::lookup(cls, "__init__")
        && is_kind(f, Kind::Function)
        && std::ptr::eq(unsafe { payload::<FunctionData>(f) }.code, code)
    {
        // SAFETY: generated code passes its own 16-byte cache cell. The function stays
        // alive while the class keeps this shape (a dict of its MRO holds it; any change
        // gives the class a new shape).
        unsafe {
            cell.write(u64::from(shape));
            cell.add(1).write(f.0);
        }
        return true;
    }
    false
}

/// A new instance of `cls`, a class whose `call.class.direct` cache hit (object layout,
/// `object.__new__`): what `object.__new__(cls)` makes, before `__init__` runs. Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn molt_new_instance(cls: Value) -> Value {
    crate::class::new_instance_raw(cls, None).into_raw()
}

/// Raises CPython's `TypeError: __init__() should return None, not 'T'` for `r`, the
/// result (owned, released here) of an `__init__` that a `call.class.direct` site called.
/// → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_init_not_none(r: Value) -> Value {
    let r = crate::object::Ref::new(r);
    let e: crate::exceptions::R<crate::object::Ref> = crate::exceptions::type_error(format!(
        "__init__() should return None, not '{}'",
        crate::class::type_name(r.v())
    ));
    drop(r);
    to_abi(e)
}

/// `recv.name(*args)` (same argument layout as [`molt_call_method`]) at a `call.method` site
/// whose inline cache is `cell` (two words: a builtin class, then the [`BuiltinFn`] of its
/// method `name`; zero when empty).
///
/// When `recv` is a builtin value (not an instance, class, module or `super`) whose class is
/// the cached one, the method's implementation is called at once, without the name's hash and
/// the lookup through the class's MRO. The cache is filled when the method found is a builtin
/// method of a builtin class: those classes are immutable (`FLAG_IMMUTABLE_TYPE`), so the
/// entry never goes stale. → error.
///
/// [`BuiltinFn`]: crate::object::BuiltinFn
#[unsafe(no_mangle)]
pub extern "C" fn molt_call_method_cached(
    recv: Value,
    name: Value,
    args: *const Value,
    nargs: u32,
    kwnames: Value,
    cell: *mut u64,
    moved: u64,
) -> Value {
    use crate::object::{BuiltinData, BuiltinFn, FLAG_IMMUTABLE_TYPE, flags};
    if crate::profile::on() {
        count_cached_call(recv, cell);
    }
    if cell.is_null() {
        return call_method_cold(recv, name, args, nargs, kwnames, moved);
    }
    if recv.is_ptr() {
        match crate::object::kind(recv) {
            Kind::Instance => {
                // SAFETY: generated code passes its own cell of `CACHED_CELL_SIZE` bytes.
                let entries = unsafe { cell.add(molt_abi::ic::CACHED_CELL_INSTANCES / 8) };
                if let Some(r) =
                    call_method_instance_cached(recv, name, args, nargs, kwnames, entries, moved)
                {
                    return r;
                }
                return call_method_cold(recv, name, args, nargs, kwnames, moved);
            }
            Kind::Class | Kind::Module | Kind::Super => {
                return call_method_cold(recv, name, args, nargs, kwnames, moved);
            }
            _ => {}
        }
    }
    let cls = crate::class::type_of(recv);
    // SAFETY: generated code passes its own 16-byte cache cell.
    let (cached_cls, cached_f) = unsafe { (cell.read(), cell.add(1).read()) };
    if cached_cls == cls.0 {
        // SAFETY: the second word was written below from a `BuiltinFn`.
        let f: BuiltinFn = unsafe { std::mem::transmute::<usize, BuiltinFn>(cached_f as usize) };
        // SAFETY: generated code passes the vectorcall layout.
        let a = unsafe { vector_args(args, nargs, kwnames) };
        let r = f(recv, a);
        let r = if r.is_err() {
            qualify_cached_error(r, recv, name)
        } else {
            r
        };
        release_moved_method(recv, a, moved);
        return to_abi(r);
    }
    if flags(cls) & FLAG_IMMUTABLE_TYPE != 0 {
        if let Some(f) = str_opt(name).and_then(|n| crate::class::lookup(cls, n)) {
            if is_kind(f, Kind::Builtin) {
                // SAFETY: kind checked.
                let b = unsafe { payload::<BuiltinData>(f) };
                if !b.owner.is_none() && b.receiver == Value::UNBOUND {
                    // SAFETY: as above; builtin classes and their methods are immortal.
                    unsafe {
                        cell.write(cls.0);
                        cell.add(1).write(b.f as usize as u64);
                    }
                }
            }
        }
    }
    call_method_cold(recv, name, args, nargs, kwnames, moved)
}

/// The instance part of a `call.method` site's cache (`molt_abi::ic::CACHED_CELL_INSTANCES`):
/// `entries` holds [`CACHED_CELL_INSTANCE_ENTRIES`](molt_abi::ic::CACHED_CELL_INSTANCE_ENTRIES)
/// pairs of words, a class shape (0: empty) and the function object that `name` finds on
/// the class of that shape. When `recv` is an instance whose class has a cached shape and
/// whose dict holds no attribute (which could shadow the method), that function is called
/// at once with the receiver and the arguments ([`crate::call::call_method_exact`]: no
/// lookup through the MRO, no bound method, no argument binding). On a miss the method is
/// looked up; a compiled function taking exactly these arguments goes into the first empty
/// entry (when all are full, the oldest entry leaves and the new one is last) and is called
/// the same way. The class keeps the function alive while it has that
/// shape (any change to a class of its MRO gives it a new shape, and shapes are never
/// reused). `None` when the call takes the generic path (keywords, a class that is not
/// cached, a method that is not such a function, or a name held in one of the instance's
/// slots).
fn call_method_instance_cached(
    recv: Value,
    name: Value,
    args: *const Value,
    nargs: u32,
    kwnames: Value,
    entries: *mut u64,
    moved: u64,
) -> Option<Value> {
    use crate::object::{FunctionData, SHAPE_NONE, flags};
    use molt_abi::ic::CACHED_CELL_INSTANCE_ENTRIES as N;
    if kwnames != Value::NONE || flags(recv) != 0 {
        return None;
    }
    let class = crate::class::instance_data(recv).class;
    let shape = crate::class::class_data(class).shape.get();
    if shape == SHAPE_NONE {
        return None;
    }
    let args: &[Value] = if nargs == 0 {
        &[]
    } else {
        // SAFETY: generated code passes `nargs` values at `args`.
        unsafe { std::slice::from_raw_parts(args, nargs as usize) }
    };
    // (A hit counts in the cell when profiling: `count_cached_call`.)
    let call = |f: Value| {
        crate::call::call_method_exact(f, recv, args, crate::call::Moved(moved)).map(to_abi)
    };
    for k in 0..N {
        // SAFETY: `entries` has `N` pairs of words.
        let (s, f) = unsafe { (entries.add(2 * k).read(), entries.add(2 * k + 1).read()) };
        if s == u64::from(shape) {
            return call(Value(f));
        }
        if s == 0 {
            break;
        }
    }
    let n = str_opt(name)?;
    let f = crate::class::lookup(class, n)?;
    if !is_kind(f, Kind::Function) {
        return None;
    }
    // SAFETY: kind checked.
    let fd = unsafe { payload::<FunctionData>(f) };
    let code = crate::call::code_params(fd);
    if !fd.simple.get() || code.0 != nargs + 1 || code.1 {
        return None;
    }
    // An attribute of the instance's slots named like the method would shadow it.
    let slots = &crate::class::class_data(class).slots;
    if slots.iter().any(|s| crate::str::as_str(*s) == n) {
        return None;
    }
    // SAFETY: as above. The first empty entry; when all are full, the oldest (entry 0)
    // leaves, the others move down and the new one is last.
    unsafe {
        let mut k = (0..N).find(|&k| entries.add(2 * k).read() == 0);
        if k.is_none() {
            for j in 0..N - 1 {
                entries.add(2 * j).write(entries.add(2 * j + 2).read());
                entries.add(2 * j + 1).write(entries.add(2 * j + 3).read());
            }
            k = Some(N - 1);
        }
        let k = k.unwrap_or(N - 1);
        entries.add(2 * k).write(u64::from(shape));
        entries.add(2 * k + 1).write(f.0);
    }
    crate::profile::count(crate::profile::Counter::CallGeneric);
    call(f)
}

/// `super(cls, args[0]).name(*args[1:])` at a `call.super` site: `args` holds `nargs`
/// positional values (the receiver first), then one value per name in `kwnames` (a tuple of
/// strs, or `None` for no keywords); every value is borrowed. `sup` is what the name `super`
/// held at the call and `cell` the site's 32-byte inline cache (receiver's class, `cls`, class
/// epoch, function; see `molt_abi::ic::SUPER_CELL_SIZE`).
///
/// When `sup` is the builtin `super`, `cls` a class, the receiver an instance whose class has
/// `cls` in its MRO and the attribute `name` found first in the class dicts after `cls` in
/// that MRO (CPython's rule for `super`) a plain function, that function is called with the
/// receiver and the arguments: no `super` object, no bound method. The cache holds that
/// function while the receiver's class, `cls` and the class epoch (bumped by any change of a
/// class namespace, and when a class is made or freed) are the ones it was filled with.
/// Otherwise the call is exactly `sup(cls, args[0])` then a method call of `name` on its
/// result. → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_call_super(
    sup: Value,
    cls: Value,
    name: Value,
    args: *const Value,
    nargs: u32,
    kwnames: Value,
    cell: *mut u64,
) -> Value {
    // SAFETY: generated code passes the vectorcall layout, the receiver first.
    let a = unsafe { vector_args(args, nargs, kwnames) };
    let Some(&obj) = a.pos.first() else {
        return to_abi(type_error("super() takes 2 arguments here"));
    };
    if !cell.is_null() && sup == rt().t.super_ && is_kind(obj, Kind::Instance) {
        let start = crate::class::type_of(obj);
        let epoch = crate::class::class_epoch();
        // SAFETY: generated code passes its own 32-byte cache cell.
        let hit = unsafe {
            cell.read() == start.0 && cell.add(1).read() == cls.0 && cell.add(2).read() == epoch
        };
        let f = if hit {
            // SAFETY: as above; word 3 holds the function cached with this key.
            Some(Value(unsafe { cell.add(3).read() }))
        } else {
            super_function(start, cls, name).inspect(|f| {
                // SAFETY: as above. The function stays alive while the epoch is unchanged:
                // a class dict holds it, and any change of a class dict bumps the epoch.
                unsafe {
                    cell.write(start.0);
                    cell.add(1).write(cls.0);
                    cell.add(2).write(epoch);
                    cell.add(3).write(f.0);
                }
            })
        };
        if let Some(f) = f {
            // Held for the call, as the bound method CPython makes would hold it.
            let f = Ref::dup(f);
            return to_abi(crate::call::call_moved(f.v(), a, crate::call::Moved::NONE));
        }
    }
    super_call_generic(sup, cls, name, a)
}

/// The plain function `name` found after `cls` in the MRO of class `start` (`start` itself
/// first), when `cls` is in it and the first class dict holding `name` after it holds a
/// function; `None` otherwise (also when `cls` is not a class or `name` not a str).
fn super_function(start: Value, cls: Value, name: Value) -> Option<Value> {
    use crate::class::class_data;
    let n = str_opt(name)?;
    if n == "__class__" || !is_kind(cls, Kind::Class) {
        return None;
    }
    let data = class_data(start);
    let chain = std::iter::once(start).chain(data.mro.iter().copied());
    let mut after = chain.skip_while(|c| *c != cls);
    after.next()?;
    for c in after {
        if let Some(f) = crate::dict::dict_data(class_data(c).dict).get_str(n) {
            return is_kind(f, Kind::Function).then_some(f);
        }
    }
    None
}

/// [`molt_call_super`]'s generic path: `sup(cls, obj)`, then `name` called on the result.
#[inline(never)]
fn super_call_generic(sup: Value, cls: Value, name: Value, a: Args<'_>) -> Value {
    crate::profile::count(crate::profile::Counter::CallGeneric);
    let pair = [cls, a.pos[0]];
    let s = match crate::call::call(
        sup,
        Args {
            pos: &pair,
            kwnames: &[],
            kwvals: &[],
        },
    ) {
        Ok(s) => s,
        Err(e) => return to_abi(Err(e)),
    };
    let rest = Args {
        pos: &a.pos[1..],
        kwnames: a.kwnames,
        kwvals: a.kwvals,
    };
    to_abi(crate::call::call_method_moved(
        s.v(),
        name,
        rest,
        crate::call::Moved::NONE,
    ))
}

/// [`molt_call_method`], out of line: the other paths of [`molt_call_method_cached`] (whose
/// fast path then needs no stack frame for it).
#[inline(never)]
fn call_method_cold(
    recv: Value,
    name: Value,
    args: *const Value,
    nargs: u32,
    kwnames: Value,
    moved: u64,
) -> Value {
    molt_call_method(recv, name, args, nargs, kwnames, moved)
}

/// Releases what the caller moved into a method call (bit 0 of `moved` the receiver, bit
/// `i + 1` value `i` of `args`) after a builtin method borrowed it.
#[inline(always)]
fn release_moved_method(recv: Value, args: Args<'_>, moved: u64) {
    if moved == 0 {
        return;
    }
    if moved & 1 != 0 {
        decref(recv);
    }
    crate::call::Moved(moved).rest().release(args);
}

/// Releases `v` if bit `bit` of `moved` says the caller moved it.
#[inline(always)]
fn release_if_moved(v: Value, moved: u64, bit: u32) {
    if moved & (1 << bit) != 0 {
        decref(v);
    }
}

/// [`crate::call::qualify_method_error`] for a method called through a `call.method` inline
/// cache (which keeps only the implementation).
#[cold]
fn qualify_cached_error(r: R<Ref>, recv: Value, name: Value) -> R<Ref> {
    let cls = crate::class::type_of(recv);
    match str_opt(name).and_then(|n| crate::class::lookup(cls, n)) {
        Some(f) if is_kind(f, Kind::Builtin) => {
            // SAFETY: kind checked; builtin methods are immortal.
            let b = unsafe { payload::<crate::object::BuiltinData>(f) };
            crate::call::qualify_method_error(r, b, recv, false)
        }
        _ => r,
    }
}

/// Counts a hit or a miss of the inline cache of a `call.method` site in words 2 and 3 of
/// its cell (see `crate::profile::ProfilePoint::cell`): the same test as the lookup below.
#[cold]
fn count_cached_call(recv: Value, cell: *mut u64) {
    if cell.is_null() {
        return;
    }
    let hit = if recv.is_ptr() && crate::object::kind(recv) == Kind::Instance {
        // An instance whose class's shape has an entry (see `call_method_instance_cached`).
        let class = crate::class::instance_data(recv).class;
        let shape = u64::from(crate::class::class_data(class).shape.get());
        (0..molt_abi::ic::CACHED_CELL_INSTANCE_ENTRIES).any(|k| {
            // SAFETY: generated code passes its own cell of `CACHED_CELL_SIZE` bytes.
            unsafe {
                cell.add(molt_abi::ic::CACHED_CELL_INSTANCES / 8 + 2 * k)
                    .read()
                    == shape
            }
        })
    } else {
        !(recv.is_ptr()
            && matches!(
                crate::object::kind(recv),
                Kind::Class | Kind::Module | Kind::Super
            ))
            // SAFETY: generated code passes its own cache cell.
            && unsafe { cell.read() } == crate::class::type_of(recv).0
    };
    // SAFETY: as above.
    unsafe {
        let c = cell.add(if hit { 2 } else { 3 });
        c.write(c.read().wrapping_add(1));
    }
}

/// The one-character str of ASCII code `byte` (generated code indexes an ASCII str inline
/// and reads the character's str here): a new reference. Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn molt_ascii_char(byte: u32) -> Value {
    incref(crate::state::rt().chars[(byte & 0x7F) as usize])
}

/// A new NaN float value with the sign of `bits` (the NaN native float arithmetic produced,
/// as raw `f64` bits) and a fresh payload, so it is a distinct object: generated code calls
/// it for every NaN result. Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn molt_float_nan(bits: u64) -> Value {
    crate::value::fresh_nan_signed(bits >> 63 != 0)
}

/// `len(v)` where `len` is the builtin (generated code checked that the name was not
/// shadowed): the length as an int, without a call through the builtin object. → error
/// (`TypeError` for a value without a length, errors of `__len__`).
#[unsafe(no_mangle)]
pub extern "C" fn molt_len(v: Value) -> Value {
    crate::profile::count(crate::profile::Counter::CallBuiltin);
    match crate::ops::py_len_i64(v) {
        Ok(n) => crate::int::int_from_i64(n).into_raw(),
        Err(_) => Value::ERROR,
    }
}

/// `recv.append(x)` (`name` is `"append"`): pushes onto a list at once, else calls like
/// [`molt_call_method`] (`moved` as there: bit 0 `recv`, bit 1 `x`). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_method_append(recv: Value, name: Value, x: Value, moved: u64) -> Value {
    if crate::list::is_list(recv) {
        crate::profile::count(crate::profile::Counter::CallBuiltin);
        // A moved item's reference goes to the list.
        let item = if moved & 2 != 0 { x } else { incref(x) };
        crate::list::list_vec(recv).push(item);
        release_if_moved(recv, moved, 0);
        return Value::NONE;
    }
    method_call_slow(recv, name, &[x], moved)
}

/// The generic path of the specialized method entry points, kept out of their fast paths
/// (which then need no stack frame for it).
#[cold]
#[inline(never)]
fn method_call_slow(recv: Value, name: Value, args: &[Value], moved: u64) -> Value {
    molt_call_method(
        recv,
        name,
        args.as_ptr(),
        args.len() as u32,
        Value::NONE,
        moved,
    )
}

/// `recv.isdigit()`, `.isalpha()`, ... (`which` a `molt_abi::str_pred` code, `name` the
/// method's name): the test itself for an exact str (a str subclass may override the
/// method), else called like [`molt_call_method`] (`moved` as there: bit 0 `recv`). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_method_str_pred(recv: Value, name: Value, which: u32, moved: u64) -> Value {
    if is_kind(recv, Kind::Str) {
        // SAFETY: kind checked; the caller holds `recv`.
        if let Some(r) = unsafe { crate::str::pred_code(recv, which) } {
            crate::profile::count(crate::profile::Counter::CallBuiltin);
            release_if_moved(recv, moved, 0);
            return Value::from_bool(r);
        }
    }
    method_call_slow(recv, name, &[], moved)
}

/// `recv.name(a0, a1)` with `nargs` positional arguments (at most 2; `which` a
/// `molt_abi::str_method` code, `name` the method's name) where the receiver is typed `str`:
/// the method's implementation called at once for an exact str (the methods of the builtin
/// type cannot be replaced), with the errors qualified as through the method cache; else
/// called like [`molt_call_method`] (`moved` as there: bit 0 `recv`, bits 1 and 2 the
/// arguments). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_method_str(
    recv: Value,
    name: Value,
    which: u32,
    a0: Value,
    a1: Value,
    nargs: u32,
    moved: u64,
) -> Value {
    let buf = [a0, a1];
    let args = &buf[..(nargs as usize).min(2)];
    if is_kind(recv, Kind::Str)
        && let Some(&(_, f)) = crate::str::METHODS.get(which as usize)
    {
        crate::profile::count(crate::profile::Counter::CallBuiltin);
        let r = match f(recv, crate::object::Args::positional(args)) {
            Ok(v) => v.into_raw(),
            Err(e) => match qualify_cached_error(Err(e), recv, name) {
                Ok(v) => v.into_raw(),
                Err(_) => Value::ERROR,
            },
        };
        if moved != 0 {
            release_if_moved(recv, moved, 0);
            for (i, a) in args.iter().enumerate() {
                release_if_moved(*a, moved, i as u32 + 1);
            }
        }
        return r;
    }
    method_call_slow(recv, name, args, moved)
}

/// `recv.pop()` (`name` is `"pop"`): pops the last item of a non-empty list at once, else
/// calls like [`molt_call_method`] (`moved` as there: bit 0 `recv`). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_method_pop(recv: Value, name: Value, moved: u64) -> Value {
    if crate::list::is_list(recv) {
        if let Some(v) = crate::list::list_vec(recv).pop() {
            crate::profile::count(crate::profile::Counter::CallBuiltin);
            release_if_moved(recv, moved, 0);
            return v;
        }
    }
    method_call_slow(recv, name, &[], moved)
}

/// `recv.get(key)` or `recv.get(key, default)` (`name` is `"get"`; `default` is
/// `Value::UNBOUND` when not given): looks a dict up at once, else calls like
/// [`molt_call_method`] (`moved` as there: bit 0 `recv`, then `key` and `default`). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_method_get(
    recv: Value,
    name: Value,
    key: Value,
    default: Value,
    moved: u64,
) -> Value {
    if crate::dict::is_dict(recv) {
        crate::profile::count(crate::profile::Counter::CallBuiltin);
        let r = match crate::dict::dict_data(recv).get(key) {
            Ok(Some(v)) => incref(v),
            Ok(None) if default == Value::UNBOUND => Value::NONE,
            Ok(None) => incref(default),
            Err(_) => Value::ERROR,
        };
        if moved != 0 {
            release_if_moved(recv, moved, 0);
            release_if_moved(key, moved, 1);
            release_if_moved(default, moved, 2);
        }
        return r;
    }
    if default == Value::UNBOUND {
        method_call_slow(recv, name, &[key], moved)
    } else {
        method_call_slow(recv, name, &[key, default], moved)
    }
}

/// The bound `__exit__` of context manager `mgr`, both special methods looked up on its
/// type as CPython's `BEFORE_WITH`. → error (`TypeError` "'T' object does not support the
/// context manager protocol", with "(missed __exit__ method)" when only `__exit__` lacks).
#[unsafe(no_mangle)]
pub extern "C" fn molt_with_exit(mgr: Value) -> Value {
    let r = (|| {
        let cls = crate::class::type_of(mgr);
        let cls = Ref::dup(cls);
        let unsupported = |suffix: &str| {
            type_error(format!(
                "'{}' object does not support the context manager protocol{suffix}",
                crate::class::type_name(mgr)
            ))
        };
        if crate::class::lookup(cls.v(), "__enter__").is_none() {
            return unsupported("");
        }
        let Some(exit) = crate::class::lookup(cls.v(), "__exit__") else {
            return unsupported(" (missed __exit__ method)");
        };
        crate::attr::bind(exit, mgr, cls.v())
    })();
    to_abi(r)
}

/// The innermost exception being handled (CPython's `sys.exception()`), for a bare
/// `raise` outside an `except` block. → error (`RuntimeError` "No active exception to
/// reraise") when none is.
#[unsafe(no_mangle)]
pub extern "C" fn molt_exc_handled() -> Value {
    match crate::exceptions::handled_top() {
        e if crate::exceptions::is_exception(e) => crate::object::incref(e),
        _ => to_abi(raise(
            ExcKind::RuntimeError,
            "No active exception to reraise",
        )),
    }
}

/// The operands of a guarded int operation whose generic path runs with some of them kept
/// in registers by generated code: bit 0 of `wide` says the left one is the int `raw_l`
/// (the word `l` is then a placeholder), bit 1 the same of the right one. Boxes those (a new
/// heap int beyond the inline range, 48 bits) and runs `f` on the operands.
fn with_wide_operands(
    l: Value,
    r: Value,
    raw_l: i64,
    raw_r: i64,
    wide: u32,
    f: impl FnOnce(Value, Value) -> Value,
) -> Value {
    let boxed = |bit: u32, raw: i64| (wide & bit != 0).then(|| crate::int::int_from_i64(raw));
    let (bl, br) = (boxed(1, raw_l), boxed(2, raw_r));
    f(bl.as_ref().map_or(l, Ref::v), br.as_ref().map_or(r, Ref::v))
}

/// `molt_binary(op, l, r)` where generated code kept some operands in registers (see
/// `with_wide_operands`): the generic path of an integer expression such as
/// `(seed * 1103515245 + 12345) % 2**31`, whose intermediate results stay in registers
/// beyond the inline range → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_binary_wide(
    op: u32,
    l: Value,
    r: Value,
    raw_l: i64,
    raw_r: i64,
    wide: u32,
) -> Value {
    with_wide_operands(l, r, raw_l, raw_r, wide, |l, r| molt_binary(op, l, r))
}

/// `molt_compare(op, l, r)` where generated code kept some operands in registers (see
/// `molt_binary_wide`) → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_compare_wide(
    op: u32,
    l: Value,
    r: Value,
    raw_l: i64,
    raw_r: i64,
    wide: u32,
) -> Value {
    with_wide_operands(l, r, raw_l, raw_r, wide, |l, r| molt_compare(op, l, r))
}

/// Called by `is`/`is not` when both operands are the same word `v`: 0 when CPython would
/// also see one object, else (→ -1) `NotImplementedError`. Ints outside CPython's small-int
/// cache (-5..=256) and floats are unboxed here, so whether two equal ones are one object
/// in CPython (`y = x`) or two (`int("1000") is int("1000")` is False there) is not known;
/// raising says so instead of answering differently. NaNs keep per-object payloads, so
/// their identity is exact.
#[unsafe(no_mangle)]
pub extern "C" fn molt_identity_check(v: Value) -> i32 {
    let ambiguous = if v.is_inline_int() {
        !(-5..=256).contains(&v.as_inline_int())
    } else if v.is_float() {
        !v.as_f64().is_nan()
    } else {
        is_kind(v, Kind::BigInt)
    };
    if !ambiguous {
        return 0;
    }
    let what = if v.is_float() { "float" } else { "int" };
    to_abi_i32(raise(
        ExcKind::NotImplementedError,
        format!(
            "molt: `is` between two equal {what} values is not supported: CPython's answer depends on its object caching (compare with == instead)"
        ),
    ))
}

/// `list.extend(v)` for a starred item (see [`crate::iter::star_extend`]). 0, or → -1.
#[unsafe(no_mangle)]
pub extern "C" fn molt_star_extend(list: Value, v: Value) -> i32 {
    to_abi_i32(crate::iter::star_extend(list, v))
}

/// Merges mapping `m` into the keyword dict `kw` of a call of `callee` (see
/// [`crate::call::kwargs_merge`]). 0, or → -1.
#[unsafe(no_mangle)]
pub extern "C" fn molt_kwargs_merge(callee: Value, kw: Value, m: Value) -> i32 {
    to_abi_i32(crate::call::kwargs_merge(callee, kw, m))
}

/// `callee(*args_tuple, **kwargs_dict)` (`kwargs_dict` may be `None`). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_call_ex(callee: Value, args_tuple: Value, kwargs_dict: Value) -> Value {
    crate::profile::count(crate::profile::Counter::CallGeneric);
    to_abi(crate::call::call_ex(callee, args_tuple, kwargs_dict))
}

/// `o.name`. → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_getattr(o: Value, name: Value) -> Value {
    crate::profile::count(crate::profile::Counter::AttrGeneric);
    to_abi(with_attribute_context(
        o,
        name,
        crate::attr::getattr(o, name),
    ))
}

/// Records `name` and `obj` on an `AttributeError` from the lookup of `o.name`.
fn with_attribute_context(o: Value, name: Value, r: R<Ref>) -> R<Ref> {
    if r.is_err() {
        if let Some(n) = str_opt(name) {
            crate::exceptions::set_attribute_error_context(o, n);
        }
    }
    r
}

/// Fills an attribute inline cache (`cell`: the class shape in the low 32 bits, the slot
/// index in the high 32 bits) when `name` of instance `o` lives in slot of a cacheable class.
fn fill_attr_cache(o: Value, name: Value, cell: *mut u64) {
    if cell.is_null() || !crate::object::is_kind(o, crate::object::Kind::Instance) {
        return;
    }
    let Some(n) = crate::str::str_opt(name) else {
        return;
    };
    let inst = crate::class::instance_data(o);
    let shape = crate::class::class_data(inst.class).shape.get();
    if shape == crate::object::SHAPE_NONE || crate::object::flags(o) != 0 {
        return;
    }
    if let Some(p) = crate::class::slot_ptr(o, n) {
        // SAFETY: `p` points into `inst.slots`.
        let index = unsafe { p.offset_from(inst.slots) } as u64;
        // SAFETY: generated code passes its own 8-byte cache cell.
        unsafe { cell.write(u64::from(shape) | (index << 32)) };
    }
}

/// `o.name` at a site with an inline cache `cell` (see `fill_attr_cache`): the fallback of
/// the inline slot read. → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_getattr_ic(o: Value, name: Value, cell: *mut u64) -> Value {
    crate::profile::count(crate::profile::Counter::AttrGeneric);
    let r = with_attribute_context(o, name, crate::attr::getattr(o, name));
    if r.is_ok() {
        fill_attr_cache(o, name, cell);
    }
    to_abi(r)
}

/// `o.name = v` at a site with an inline cache `cell`: the fallback of the inline slot
/// write. 0, or → -1.
#[unsafe(no_mangle)]
pub extern "C" fn molt_setattr_ic(o: Value, name: Value, v: Value, cell: *mut u64) -> i32 {
    crate::profile::count(crate::profile::Counter::AttrGeneric);
    let r = crate::attr::setattr(o, name, v);
    if r.is_ok() {
        fill_attr_cache(o, name, cell);
    }
    to_abi_i32(r)
}

/// `o.name = v`. 0, or → -1.
#[unsafe(no_mangle)]
pub extern "C" fn molt_setattr(o: Value, name: Value, v: Value) -> i32 {
    crate::profile::count(crate::profile::Counter::AttrGeneric);
    to_abi_i32(crate::attr::setattr(o, name, v))
}

/// `del o.name`. 0, or → -1.
#[unsafe(no_mangle)]
pub extern "C" fn molt_delattr(o: Value, name: Value) -> i32 {
    crate::profile::count(crate::profile::Counter::AttrGeneric);
    to_abi_i32(crate::attr::delattr(o, name))
}

/// `o[k]`. → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_getitem(o: Value, k: Value) -> Value {
    if k.is_inline_int() && o.is_ptr() {
        let items: &[Value] = match crate::object::kind(o) {
            Kind::List => crate::list::list_vec(o),
            Kind::Tuple => tuple_items(o),
            _ => &[],
        };
        if let Some(j) = crate::int::seq_pos(k.as_inline_int(), items.len()) {
            return incref(items[j]);
        }
        if is_kind(o, Kind::Str) {
            return to_abi(crate::str::str_getindex(o, k.as_inline_int()));
        }
    }
    getitem_slow(o, k)
}

#[inline(never)]
fn getitem_slow(o: Value, k: Value) -> Value {
    to_abi(crate::ops::getitem(o, k))
}

/// `o[k] = v`. 0, or → -1.
#[unsafe(no_mangle)]
pub extern "C" fn molt_setitem(o: Value, k: Value, v: Value) -> i32 {
    if k.is_inline_int() && is_kind(o, Kind::List) {
        // SAFETY: kind checked; single-threaded, and no other borrow of the list's vector
        // is live (the old item is released after the store).
        let items = unsafe { &mut *payload::<crate::list::ListData>(o).items.get() };
        if let Some(j) = crate::int::seq_pos(k.as_inline_int(), items.len()) {
            let old = std::mem::replace(&mut items[j], incref(v));
            decref(old);
            return 0;
        }
    }
    to_abi_i32(crate::ops::setitem(o, k, v))
}

/// `del o[k]`. 0, or → -1.
#[unsafe(no_mangle)]
pub extern "C" fn molt_delitem(o: Value, k: Value) -> i32 {
    to_abi_i32(crate::ops::delitem(o, k))
}

/// `[items...]` from `n` borrowed values.
#[unsafe(no_mangle)]
pub extern "C" fn molt_build_list(items: *const Value, n: u32) -> Value {
    // SAFETY: generated code passes `n` values.
    crate::list::list_from_slice(unsafe { values(items, n) }).into_raw()
}

/// `(items...)` from `n` borrowed values.
#[unsafe(no_mangle)]
pub extern "C" fn molt_build_tuple(items: *const Value, n: u32) -> Value {
    // SAFETY: generated code passes `n` values.
    crate::tuple::tuple_from_slice(unsafe { values(items, n) }).into_raw()
}

/// `{items...}` from `n` borrowed values. → error (unhashable item).
#[unsafe(no_mangle)]
pub extern "C" fn molt_build_set(items: *const Value, n: u32) -> Value {
    // SAFETY: generated code passes `n` values.
    let vs = unsafe { values(items, n) };
    let r = (|| {
        let s = crate::set::set_new();
        for v in vs {
            crate::set::set_data(s.v()).add(*v)?;
        }
        Ok(s)
    })();
    to_abi(r)
}

/// `{k: v, ...}` from `npairs` key/value pairs (`items` = k0, v0, k1, v1, ...). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_build_dict(items: *const Value, npairs: u32) -> Value {
    // SAFETY: generated code passes `2 * npairs` values.
    let vs = unsafe { values(items, npairs.saturating_mul(2)) };
    let r = (|| {
        let d = crate::dict::dict_new();
        for kv in vs.chunks_exact(2) {
            crate::dict::dict_data(d.v()).set(kv[0], kv[1])?;
        }
        Ok(d)
    })();
    to_abi(r)
}

/// `slice(lo, hi, step)` (absent parts are `None`).
#[unsafe(no_mangle)]
pub extern "C" fn molt_build_slice(lo: Value, hi: Value, step: Value) -> Value {
    crate::ops::slice_new(lo, hi, step).into_raw()
}

/// The concatenation of `n` strs (f-string pieces; non-strs are converted with `str`).
/// → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_build_string(items: *const Value, n: u32) -> Value {
    // SAFETY: generated code passes `n` values.
    let vs = unsafe { values(items, n) };
    let r = (|| {
        if vs.iter().all(|v| crate::str::is_str(*v)) {
            return crate::str::str_concat_all(vs);
        }
        let mut out = String::new();
        for v in vs {
            match str_opt(*v) {
                Some(s) => out.push_str(s),
                None => out.push_str(&crate::ops::str_string(*v)?),
            }
        }
        Ok(crate::str::str_from_owned(out))
    })();
    to_abi(r)
}

/// `format(v, spec)` with `spec` a str. → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_format(v: Value, spec: Value) -> Value {
    let r = (|| {
        let spec = match str_opt(spec) {
            Some(s) => s,
            None if spec.is_none() => "",
            None => return type_error("format spec must be a str"),
        };
        crate::format::format_value(v, spec)
    })();
    to_abi(r)
}

/// `str(v)` (0), `repr(v)` (1) or `ascii(v)` (2). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_convert(kind: u32, v: Value) -> Value {
    use molt_abi::conversion::{ASCII, REPR, STR};
    let r = match kind {
        STR => crate::ops::py_str(v),
        REPR => crate::ops::py_repr(v),
        ASCII => crate::ops::py_ascii(v),
        _ => raise(ExcKind::RuntimeError, format!("bad conversion code {kind}")),
    };
    to_abi(r)
}

/// `iter(v)`. → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_iter(v: Value) -> Value {
    to_abi(crate::iter::py_iter(v))
}

/// The next item of iterator `it`, or `Value::EXHAUSTED` at the end (no `StopIteration`
/// is raised). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_iter_next(it: Value) -> Value {
    // Fast paths: ranges and lists/tuples.
    if is_kind(it, Kind::Iter) {
        // SAFETY: kind checked.
        match unsafe { payload::<crate::object::IterData>(it) } {
            crate::object::IterData::Range { next, left, step } => {
                let n = left.get();
                if n == 0 {
                    return Value::EXHAUSTED;
                }
                left.set(n - 1);
                let v = next.get();
                next.set(v.wrapping_add(*step));
                return match Value::inline_int(v) {
                    Some(x) => x,
                    None => crate::int::int_from_i64(v).into_raw(),
                };
            }
            crate::object::IterData::Seq { seq, index } => {
                let i = index.get();
                let items = crate::iter::seq_items(*seq);
                if i < items.len() as u64 {
                    index.set(i + 1);
                    return incref(items[i as usize]);
                }
            }
            _ => {}
        }
    }
    iter_next_slow(it)
}

#[inline(never)]
fn iter_next_slow(it: Value) -> Value {
    match crate::iter::py_next(it) {
        Ok(Some(x)) => x.into_raw(),
        Ok(None) => Value::EXHAUSTED,
        Err(_) => Value::ERROR,
    }
}

fn unpack(v: Value, n: usize) -> R<Ref> {
    if crate::tuple::is_tuple(v) || crate::list::is_list(v) {
        let len = crate::iter::seq_items(v).len();
        if len == n {
            if crate::tuple::is_tuple(v) {
                return Ok(Ref::dup(v));
            }
            return Ok(crate::tuple::tuple_from_slice(crate::iter::seq_items(v)));
        }
        if len < n {
            return value_error(format!(
                "not enough values to unpack (expected {n}, got {len})"
            ));
        }
        return value_error(format!("too many values to unpack (expected {n})"));
    }
    let it = crate::iter::unpack_iter(v)?;
    // The items taken so far are released last first when the unpacking fails, as
    // CPython unwinds the items it pushed on its stack.
    let mut items = RefVec(Vec::with_capacity(n));
    while items.len() < n {
        match crate::iter::py_next(it.v())? {
            Some(x) => items.push(x),
            None => {
                return value_error(format!(
                    "not enough values to unpack (expected {n}, got {})",
                    items.len()
                ));
            }
        }
    }
    if crate::iter::py_next(it.v())?.is_some() {
        return value_error(format!("too many values to unpack (expected {n})"));
    }
    Ok(crate::tuple::tuple_from_vec(items.into_vec()))
}

/// `v` unpacked into exactly `n` items, as a tuple. → error (`ValueError`).
#[unsafe(no_mangle)]
pub extern "C" fn molt_unpack(v: Value, n: u32) -> Value {
    to_abi(unpack(v, n as usize))
}

fn unpack_ex(v: Value, before: usize, after: usize) -> R<Ref> {
    let items = if crate::tuple::is_tuple(v) || crate::list::is_list(v) {
        crate::iter::collect_vec(v)?
    } else {
        crate::iter::collect_vec(crate::iter::unpack_iter(v)?.v())?
    };
    if items.len() < before + after {
        return value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        ));
    }
    let mut items = items.into_vec();
    let tail = items.split_off(items.len() - after);
    let middle = items.split_off(before);
    let mut out = items;
    out.push(crate::list::list_from_vec(middle));
    out.extend(tail);
    Ok(crate::tuple::tuple_from_vec(out))
}

/// Starred unpacking: `before` items, a list of the rest, `after` items, as a tuple.
/// → error (`ValueError`).
#[unsafe(no_mangle)]
pub extern "C" fn molt_unpack_ex(v: Value, before: u32, after: u32) -> Value {
    to_abi(unpack_ex(v, before as usize, after as usize))
}

/// Item `i` of tuple `t` (as produced by `molt_unpack`). → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_tuple_get(t: Value, i: u32) -> Value {
    match tuple_items(t).get(i as usize) {
        Some(v) => incref(*v),
        None => to_abi(raise(ExcKind::IndexError, "tuple index out of range")),
    }
}

/// A function object for `code` with `ndefaults` default values (positional then
/// keyword-only, in parameter order), `nclosure` closure cells, and the module whose
/// globals it reads. All borrowed.
#[unsafe(no_mangle)]
pub extern "C" fn molt_make_function(
    code: *const FunctionCode,
    defaults: *const Value,
    ndefaults: u32,
    closure: *const Value,
    nclosure: u32,
    module: Value,
) -> Value {
    if code.is_null() {
        return to_abi(raise(
            ExcKind::RuntimeError,
            "molt_make_function: null code",
        ));
    }
    // SAFETY: codegen passes a static descriptor.
    let c = unsafe { &*code };
    let qualname = crate::call::code_name(c);
    let qualname = qualname.as_str();
    let name = qualname.rsplit('.').next().unwrap_or(qualname);
    // SAFETY: codegen passes `ndefaults` and `nclosure` values.
    let (defaults, closure) = unsafe { (values(defaults, ndefaults), values(closure, nclosure)) };
    let fd = FunctionData {
        code,
        defaults: defaults.iter().map(|v| incref(*v)).collect(),
        closure: closure.iter().map(|v| incref(*v)).collect(),
        module: incref(module),
        name: crate::str::str_intern(name),
        qualname: crate::str::str_intern(qualname),
        simple: std::cell::Cell::new(crate::call::is_simple(c)),
        extra: std::cell::UnsafeCell::new(None),
    };
    alloc_ref(Kind::Function, fd).into_raw()
}

/// A class named `name` (a str) from a tuple of bases and a namespace dict. → error.
#[unsafe(no_mangle)]
pub extern "C" fn molt_make_class(
    name: Value,
    bases: Value,
    ns: Value,
    slots: *const Value,
    nslots: u32,
    module: Value,
) -> Value {
    let slots: &[Value] = if slots.is_null() || nslots == 0 {
        &[]
    } else {
        // SAFETY: generated code passes `nslots` str values.
        unsafe { std::slice::from_raw_parts(slots, nslots as usize) }
    };
    // The class body's implicit `__module__ = __name__` reads the module's global.
    let r = (|| {
        let module_name = if is_kind(module, Kind::Module) {
            let d = crate::modules::module_dict(module);
            Some(match crate::dict::dict_data(d).get_str("__name__") {
                Some(n) => Ref::dup(n),
                None => crate::str::str_from("builtins"),
            })
        } else {
            None
        };
        let module_name = module_name.as_ref().map(Ref::v);
        // A class statement with bases or keywords hands over the state of its
        // `class_prepare`, whose first item is the namespace its body filled.
        if crate::tuple::is_tuple(bases)
            && crate::tuple::tuple_items(bases).len() == 5
            && crate::tuple::tuple_items(bases)[0] == ns
        {
            return crate::class::class_finish(name, bases, ns, slots, module_name);
        }
        crate::class::make_class_in(name, bases, ns, slots, module_name)
    })();
    to_abi(r)
}

/// `import` (CPython's `IMPORT_NAME`, `crate::modules::import`): module `name` (a str)
/// with `level` leading dots relative to module `importer`, and the `fromlist` of a `from`
/// import (a tuple of str, or `None`). → error (`ImportError`, `ModuleNotFoundError`, or
/// what the module's code raised).
#[unsafe(no_mangle)]
pub extern "C" fn molt_import(name: Value, level: i32, fromlist: Value, importer: Value) -> Value {
    let r = (|| crate::modules::import(name_str(name)?, level.max(0) as u32, fromlist, importer))();
    to_abi(r)
}

/// Hands the runtime the program's module table (`len` entries, `__main__` first; see
/// `crate::modules::ModuleEntry`) and creates `__main__`. Returns it (borrowed: its slot
/// keeps it).
#[unsafe(no_mangle)]
pub extern "C" fn molt_modules_init(
    table: *const crate::modules::ModuleEntry,
    len: usize,
) -> Value {
    // SAFETY: codegen passes its static table of `len` entries.
    unsafe { crate::modules::init_program_modules(table, len) }
}

/// Writes `len` bytes of UTF-8 text at `ptr` to stderr (the program's compile-time warnings,
/// before its module code runs).
#[unsafe(no_mangle)]
pub extern "C" fn molt_write_stderr(ptr: *const u8, len: usize) {
    // SAFETY: codegen passes a data object of `len` bytes of UTF-8.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    crate::io::write_stderr(&String::from_utf8_lossy(bytes));
}

/// `from m import name` (CPython's `IMPORT_FROM`, `crate::modules::import_from`). → error
/// (`ImportError` with CPython 3.11's message).
#[unsafe(no_mangle)]
pub extern "C" fn molt_import_from(module: Value, name: Value) -> Value {
    to_abi(crate::modules::import_from(module, name))
}

/// `from m import *` at module level (CPython's `IMPORT_STAR`,
/// `crate::modules::import_star`): binds `module`'s public names in the globals of `into`
/// (the importing module); `only` is `None`, or a tuple of str: then just those of the
/// names the module has. 0, or → -1 (`TypeError`, `AttributeError`).
#[unsafe(no_mangle)]
pub extern "C" fn molt_import_star(module: Value, into: Value, only: Value) -> i32 {
    to_abi_i32(crate::modules::import_star(module, into, only))
}

#[inline(always)]
fn exception_from(v: Value, what: &str) -> R<Ref> {
    if crate::exceptions::is_exception(v) {
        return Ok(Ref::dup(v));
    }
    if crate::class::is_class(v) && crate::class::is_subclass(v, exc_class(ExcKind::BaseException))
    {
        return crate::class::call_class_object(v, Args::positional(&[]));
    }
    type_error(what.to_string())
}

fn do_raise(exc: Value, cause: Value) -> R<Ref> {
    let e = exception_from(exc, "exceptions must derive from BaseException")?;
    if cause != Value::UNBOUND {
        let c = if cause.is_none() {
            Ref::NONE
        } else {
            exception_from(cause, "exception causes must derive from BaseException")?
        };
        if let Some(state) = crate::exceptions::exc_state(e.v()) {
            let old = state.cause.replace(c.into_raw());
            decref(old);
            state.suppress_context.set(true);
        }
    }
    crate::exceptions::raise_exc(e);
    Err(crate::exceptions::Raised)
}

/// `raise exc from cause`: a class is instantiated; `cause` is *unbound* when absent.
/// → error, always.
#[unsafe(no_mangle)]
pub extern "C" fn molt_raise(exc: Value, cause: Value) -> Value {
    to_abi(do_raise(exc, cause))
}

/// `yield v` in a generator body (`v` borrowed): suspends the generator; returns the value
/// sent in when it is resumed (a new reference; `None` for `next`). → error when resumed by
/// `throw()`/`close()` (the exception is pending) or outside a running generator. On wasm32
/// it only records `v` as the item (the state-machine body then returns; its result is
/// ignored, the sent value comes from [`molt_gen_sent`]).
#[unsafe(no_mangle)]
pub extern "C" fn molt_yield(v: Value) -> Value {
    crate::generator::yield_value(v)
}

/// [`molt_yield`] of an owned `v`: the reference goes to the resumer.
#[unsafe(no_mangle)]
pub extern "C" fn molt_yield_owned(v: Value) -> Value {
    crate::generator::yield_owned(v)
}

/// The save area of the running generator, for wasm32's state-machine generator bodies
/// (`docs/runtime.md`, "Generators on wasm32"): at least `size` bytes, zeroed when first
/// allocated, 16-byte aligned, at the same address on every resumption, freed with the
/// generator; bytes 0..4 hold the resume point (`u32`, 0 = the start). → null with
/// `SystemError` pending outside a running generator, and natively (native bodies run on
/// their own stacks and never call it).
#[unsafe(no_mangle)]
pub extern "C" fn molt_gen_state(size: u32) -> *mut u8 {
    crate::generator::save_area(size)
}

/// The value sent into the running generator (a new reference; `None` for `next`), for a
/// wasm32 state-machine body resumed at a `yield`. → error when resumed by
/// `throw()`/`close()` (the exception is pending); `SystemError` outside a running
/// generator and natively (native bodies get the value from `molt_yield`).
#[unsafe(no_mangle)]
pub extern "C" fn molt_gen_sent() -> Value {
    crate::generator::sent_value()
}

/// Gives `v` (owned) to the pending exception: a value the names of a frame held when the
/// exception left that frame. CPython's traceback keeps the frame, and so `v`, alive until
/// the exception is freed. Non-pointer values (and the exception itself) are just dropped.
#[unsafe(no_mangle)]
pub extern "C" fn molt_exc_hold(v: Value) {
    exc_hold(v)
}

/// [`molt_exc_hold`]'s work.
#[inline(always)]
fn exc_hold(v: Value) {
    if !v.is_ptr() {
        return;
    }
    let exc = crate::exceptions::peek_pending();
    match crate::exceptions::exc_state(exc) {
        Some(state) if exc != v => state.held.borrow_mut().push(v),
        _ => crate::object::decref(v),
    }
}

/// Gives a new reference to function `f` (borrowed: the running function's object) to the
/// pending exception, after the frame's locals ([`molt_exc_hold`]): CPython's frame keeps
/// its function alive, and with it the defaults and closure cells.
#[unsafe(no_mangle)]
pub extern "C" fn molt_exc_hold_func(f: Value) {
    if crate::object::is_kind(f, Kind::Function) {
        exc_hold(crate::object::incref(f));
    }
}

/// Takes the pending exception (a new reference; the pending state is cleared).
#[unsafe(no_mangle)]
pub extern "C" fn molt_exc_fetch() -> Value {
    match crate::exceptions::take_pending() {
        Some(e) => e.into_raw(),
        None => {
            let e = crate::exceptions::new_exception(
                exc_class(ExcKind::RuntimeError),
                crate::tuple::tuple_from_array([crate::str::str_from("no exception is pending")]),
            );
            e.into_raw()
        }
    }
}

/// MIR `exc.enter exc, level`, the first instruction of an exception handler (`except`
/// clauses, a `finally` block run for an exception, the `__exit__` call of a `with` left by
/// an exception): `exc` (borrowed) becomes the exception being handled, after the running
/// frame's handled exceptions beyond the first `level` are dropped. `level` is the number of
/// handlers of the frame in progress around the `try`/`with` statement (0 outside every
/// handler). Exceptions raised while it is handled get it as `__context__`.
#[unsafe(no_mangle)]
pub extern "C" fn molt_exc_enter(exc: Value, level: u32) {
    crate::exceptions::exc_enter(exc, level)
}

/// MIR `exc.leave level`: handlers of the running frame ended normally (fell through, or
/// `break`/`continue`/`return` left them); keeps the frame's first `level` handled
/// exceptions. Exceptional exits need no call (the next `molt_exc_enter` of the frame trims
/// the stack, and the runtime drops a frame's entries when it returns).
#[unsafe(no_mangle)]
pub extern "C" fn molt_exc_leave(level: u32) {
    crate::exceptions::exc_leave(level)
}

fn exc_match(exc: Value, cls: Value) -> R<bool> {
    // An exception of exactly the class named: the class is an exception class.
    if crate::object::is_kind(exc, Kind::Instance) && crate::class::instance_data(exc).class == cls
    {
        return Ok(true);
    }
    let base = exc_class(ExcKind::BaseException);
    if crate::class::is_class(cls) {
        if !crate::class::is_subclass(cls, base) {
            return type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            );
        }
        return Ok(crate::class::isinstance_class(exc, cls));
    }
    if crate::tuple::is_tuple(cls) {
        let mut any = false;
        for c in tuple_items(cls) {
            if exc_match(exc, *c)? {
                any = true;
            }
        }
        return Ok(any);
    }
    type_error("catching classes that do not inherit from BaseException is not allowed")
}

/// `isinstance(exc, cls)` for an `except` clause: `cls` is a class or a tuple of classes.
/// 0 or 1, or → -1 (`TypeError` for non-exception classes).
#[unsafe(no_mangle)]
pub extern "C" fn molt_exc_match(exc: Value, cls: Value) -> i32 {
    match exc_match(exc, cls) {
        Ok(b) => b as i32,
        Err(_) => -1,
    }
}

/// Program entry: sets `sys.argv`, runs `init` (`<module>` as `__main__`), handles
/// `SystemExit` and uncaught exceptions, flushes stdout; returns the exit status.
#[unsafe(no_mangle)]
pub extern "C" fn molt_main(
    argc: i32,
    argv: *const *const c_char,
    init: extern "C" fn() -> Value,
) -> i32 {
    // SAFETY: the C `main` passes its own argc/argv.
    let args = unsafe { crate::entry::collect_argv(argc, argv) };
    crate::entry::run_program(args, init)
}

/// The entry of a WASI command module: the generated `_start` calls it with the module
/// initializer. It reads the program arguments through WASI (`args_get`), runs the program
/// exactly as [`molt_main`] does (on the calling thread: wasm32 has one), flushes stdout,
/// then returns for exit status 0 (`_start` returns: WASI's exit status 0) and ends the
/// process with `proc_exit(status)` for another status (see [`crate::entry::run_wasi`]). On native targets, where it exists for the sake of one ABI
/// list, it runs the program like `molt_main` with the process's arguments and calls `exit`.
#[unsafe(no_mangle)]
pub extern "C" fn molt_wasi_start(init: extern "C" fn() -> Value) {
    #[cfg(target_arch = "wasm32")]
    crate::entry::run_wasi(init);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let args = std::env::args_os()
            .map(|a| {
                if a.to_str().is_none() {
                    crate::modules::note_argv_not_utf8();
                }
                a.to_string_lossy().into_owned()
            })
            .collect();
        let status = crate::entry::run_program(args, init);
        std::process::exit(status)
    }
}

/// [`molt_enter_call`] for a callee without exception handlers: it cannot push handled
/// exceptions, so only the recursion depth is counted. 0, or -1 with `RecursionError` set.
#[unsafe(no_mangle)]
pub extern "C" fn molt_depth_enter() -> i64 {
    let r = rt();
    let depth = r.depth.get();
    if depth >= r.recursion_limit.get() || crate::recursion::stack_exhausted() {
        let _ = crate::exceptions::raise::<()>(
            crate::exceptions::ExcKind::RecursionError,
            "maximum recursion depth exceeded",
        );
        return -1;
    }
    r.depth.set(depth + 1);
    0
}

/// Leaves a call entered with [`molt_depth_enter`] (`token` is ignored).
#[unsafe(no_mangle)]
pub extern "C" fn molt_depth_leave(_token: i64) {
    let r = rt();
    r.depth.set(r.depth.get().saturating_sub(1));
}

/// Before a direct call of compiled code (`call.direct`, which skips `molt_call`): counts the
/// call depth as `molt_call` does and enters a frame. Returns a token for
/// [`molt_leave_call`], or `-1` with `RecursionError` pending past the recursion limit.
#[unsafe(no_mangle)]
pub extern "C" fn molt_enter_call() -> i64 {
    if molt_depth_enter() < 0 {
        return -1;
    }
    crate::exceptions::frame_enter() as i64
}

/// After a direct call entered with [`molt_enter_call`] returned (normally or with an error).
#[unsafe(no_mangle)]
pub extern "C" fn molt_leave_call(token: i64) {
    crate::exceptions::frame_exit(token.max(0) as usize);
    molt_depth_leave(token);
}
