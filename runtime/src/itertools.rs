//! The private module `_molt_itertools`: the native combinatoric iterators of molt's
//! `itertools` (`stdlib/itertools.py` imports them), as CPython's are C iterators.
//!
//! `permutations`, `combinations`, `combinations_with_replacement` and `product` are builtin
//! classes (`IterType` entries named as CPython's, `__module__` `itertools`), whose
//! constructors check their arguments in CPython's order and with its messages, read every
//! input iterable into a tuple at once (the *pool*), and return a native iterator
//! (`IterData::Native`) whose steps call no Python code. Each step makes a new tuple of pool
//! items chosen by an index vector; the index sequences are the standard ones (the
//! lexicographic order of the index tuples, as the `itertools` documentation specifies):
//! - `permutations`: the index array with a countdown per position (the "cycles" scheme of
//!   the documentation's equivalent code): position `i` counts the swaps left before its
//!   suffix is rotated back to sorted order;
//! - `combinations`: the rightmost index that can still grow is incremented and the ones
//!   after it are reset to consecutive values;
//! - `combinations_with_replacement`: the same with the following indices set equal to it;
//! - `product`: an odometer over the pools, the last pool varying fastest.
//!
//! An exhausted iterator stays exhausted and keeps its pool until it is freed (as CPython's).
//!
//! `cycle` and `zip_longest` are native too (they are the slowest as Python classes).

use crate::exceptions::{R, overflow_error, type_error, value_error};
use crate::iter::native_iter;
use crate::object::{Args, IterType, Ref, incref};
use crate::state::{Runtime, rt};
use crate::value::Value;

/// The `IterType`s of the native `itertools` classes, with their names.
pub const NATIVE_CLASSES: [(IterType, &str); 6] = [
    (IterType::Permutations, "permutations"),
    (IterType::Combinations, "combinations"),
    (
        IterType::CombinationsWithReplacement,
        "combinations_with_replacement",
    ),
    (IterType::Product, "product"),
    (IterType::Cycle, "cycle"),
    (IterType::ZipLongest, "zip_longest"),
];

/// Gives the native `itertools` classes `__module__` `itertools` (so `repr` of the class is
/// `<class 'itertools.permutations'>` and of an instance `<itertools.permutations object at
/// ...>`). Part of the second phase of runtime start-up.
pub fn install(r: &Runtime) {
    let module = crate::object::immortalize(crate::str::str_from("itertools").into_raw());
    for (ty, _) in NATIVE_CLASSES {
        let ns = crate::class::class_data(r.iter_types[ty as usize]).dict;
        crate::dict::dict_set_str(ns, "__module__", module);
    }
}

/// The module `_molt_itertools`: the classes of [`NATIVE_CLASSES`].
pub fn make_itertools_core() -> Ref {
    let m = crate::modules::module_new("_molt_itertools");
    let d = crate::modules::module_dict(m.v());
    for (ty, name) in NATIVE_CLASSES {
        crate::dict::dict_set_str(d, name, rt().iter_types[ty as usize]);
    }
    m
}

/// `tuple(iterable)` (CPython's `PySequence_Tuple`, with `tuple()`'s errors and length-hint
/// call): the pool of a combinatoric iterator.
fn pool_of(iterable: Value) -> R<Ref> {
    crate::tuple::tuple_new(Value::NONE, Args::positional(&[iterable]))
}

/// A new tuple of `pool[i]` for each `i` of `indices` (new references).
fn pick(pool: &[Value], indices: &[usize]) -> Ref {
    if indices.is_empty() {
        return Ref::dup(rt().empty_tuple);
    }
    let mut b = crate::object::TupleBuilder::new(indices.len());
    for &i in indices {
        b.push(incref(pool[i]));
    }
    b.finish()
}

/// `r` of `combinations` and `combinations_with_replacement` (a `Py_ssize_t` argument:
/// `__index__`, `OverflowError` past 64 bits).
fn ssize_arg(v: Value) -> R<i64> {
    crate::int::index_i64(v)
}

/// `ValueError: r must be non-negative` for a negative `r`, else `r`.
fn non_negative(r: i64) -> R<usize> {
    usize::try_from(r).or_else(|_| value_error("r must be non-negative"))
}

/// `itertools.permutations(iterable, r=None)`: the `r`-tuples of distinct positions of the
/// pool, in lexicographic order of the positions. `r` must be an int (`TypeError: Expected
/// int as r`, checked after the pool is read) and non-negative; `None` means the pool's
/// length.
pub fn permutations_new(_: Value, args: Args<'_>) -> R<Ref> {
    let [iterable, r] = args.clinic("permutations", &["iterable", "r"], 0, 1, 2)?;
    let pool = pool_of(iterable.unwrap_or(Value::NONE))?;
    let n = crate::tuple::tuple_items(pool.v()).len();
    let r = match r {
        None => n,
        Some(v) if v.is_none() => n,
        Some(v) => {
            let v = crate::class::unwrap_value(v);
            if !crate::int::is_int(v) {
                return type_error("Expected int as r");
            }
            non_negative(crate::int::index_i64(v)?)?
        }
    };
    let mut done = r > n;
    let (mut indices, mut cycles) = if done {
        (Vec::new(), Vec::new())
    } else {
        (
            (0..n).collect::<Vec<_>>(),
            (n - r + 1..=n).rev().collect::<Vec<_>>(),
        )
    };
    let mut started = false;
    Ok(native_iter(IterType::Permutations, move || {
        if done {
            return Ok(None);
        }
        let items = crate::tuple::tuple_items(pool.v());
        if !started {
            started = true;
            return Ok(Some(pick(items, &indices[..r])));
        }
        // From the last position back: count down its swaps; at zero, rotate its suffix
        // back (position `i` takes the smallest index again) and move one position left.
        for i in (0..r).rev() {
            cycles[i] -= 1;
            if cycles[i] == 0 {
                indices[i..].rotate_left(1);
                cycles[i] = n - i;
            } else {
                let j = n - cycles[i];
                indices.swap(i, j);
                return Ok(Some(pick(items, &indices[..r])));
            }
        }
        done = true;
        Ok(None)
    }))
}

/// `itertools.combinations(iterable, r)`: the `r`-tuples of increasing positions of the
/// pool, in lexicographic order.
pub fn combinations_new(_: Value, args: Args<'_>) -> R<Ref> {
    let [iterable, r] = args.clinic("combinations", &["iterable", "r"], 0, 2, 2)?;
    let r = ssize_arg(r.unwrap_or(Value::NONE))?;
    let pool = pool_of(iterable.unwrap_or(Value::NONE))?;
    let r = non_negative(r)?;
    let n = crate::tuple::tuple_items(pool.v()).len();
    let mut done = r > n;
    let mut indices: Vec<usize> = if done { Vec::new() } else { (0..r).collect() };
    let mut started = false;
    Ok(native_iter(IterType::Combinations, move || {
        if done {
            return Ok(None);
        }
        let items = crate::tuple::tuple_items(pool.v());
        if !started {
            started = true;
            return Ok(Some(pick(items, &indices)));
        }
        // The rightmost index below its maximum (`i + n - r`) grows by one; the ones after
        // it follow consecutively.
        let Some(i) = (0..r).rev().find(|&i| indices[i] != i + n - r) else {
            done = true;
            return Ok(None);
        };
        indices[i] += 1;
        for j in i + 1..r {
            indices[j] = indices[j - 1] + 1;
        }
        Ok(Some(pick(items, &indices)))
    }))
}

/// `itertools.combinations_with_replacement(iterable, r)`: the `r`-tuples of non-decreasing
/// positions of the pool, in lexicographic order.
pub fn cwr_new(_: Value, args: Args<'_>) -> R<Ref> {
    let [iterable, r] =
        args.clinic("combinations_with_replacement", &["iterable", "r"], 0, 2, 2)?;
    let r = ssize_arg(r.unwrap_or(Value::NONE))?;
    let pool = pool_of(iterable.unwrap_or(Value::NONE))?;
    let r = non_negative(r)?;
    let n = crate::tuple::tuple_items(pool.v()).len();
    let mut done = n == 0 && r > 0;
    let mut indices: Vec<usize> = if done {
        Vec::new()
    } else {
        let mut v = crate::int::try_vec(r)?;
        v.resize(r, 0);
        v
    };
    let mut started = false;
    Ok(native_iter(
        IterType::CombinationsWithReplacement,
        move || {
            if done {
                return Ok(None);
            }
            let items = crate::tuple::tuple_items(pool.v());
            if !started {
                started = true;
                return Ok(Some(pick(items, &indices)));
            }
            // The rightmost index below `n - 1` grows by one; the ones after it take its value.
            let Some(i) = (0..r).rev().find(|&i| indices[i] != n - 1) else {
                done = true;
                return Ok(None);
            };
            let value = indices[i] + 1;
            indices[i..].fill(value);
            Ok(Some(pick(items, &indices)))
        },
    ))
}

/// `itertools.product(*iterables, repeat=1)`: the tuples of one item of each pool (the
/// pools repeated `repeat` times), the last pool varying fastest. `repeat` is the only
/// keyword (`Py_ssize_t`, non-negative); the pools are read after it is checked, and not at
/// all when it is 0.
pub fn product_new(_: Value, args: Args<'_>) -> R<Ref> {
    let mut repeat = 1i64;
    if !args.kwnames.is_empty() {
        if args.kwnames.len() > 1 {
            return type_error(format!(
                "product() takes at most 1 keyword argument ({} given)",
                args.kwnames.len()
            ));
        }
        let key = crate::str::str_opt(args.kwnames[0]).unwrap_or("");
        if key != "repeat" {
            return type_error(format!(
                "'{key}' is an invalid keyword argument for product()"
            ));
        }
        repeat = ssize_arg(args.kwvals[0])?;
        if repeat < 0 {
            return value_error("repeat argument cannot be negative");
        }
    }
    let nargs = if repeat == 0 { 0 } else { args.pos.len() };
    // CPython's limit: the index array of `nargs * repeat` machine words must be
    // addressable.
    if nargs > 0 && nargs as u64 > (i64::MAX as u64) / 8 / repeat as u64 {
        return overflow_error("repeat argument too large");
    }
    // With `repeat=0` the iterables are not read at all (as in CPython).
    let mut pools = Vec::with_capacity(nargs);
    for a in &args.pos[..nargs] {
        pools.push(pool_of(*a)?);
    }
    let npools = nargs * repeat as usize;
    let mut all: Vec<Ref> = crate::int::try_vec(npools)?;
    for _ in 0..if nargs == 0 { 0 } else { repeat as usize } {
        all.extend(pools.iter().map(|p| Ref::dup(p.v())));
    }
    drop(pools);
    let mut done = all
        .iter()
        .any(|p| crate::tuple::tuple_items(p.v()).is_empty());
    let mut indices = vec![0usize; if done { 0 } else { npools }];
    let mut started = false;
    let mut result: Vec<Value> = Vec::with_capacity(indices.len());
    Ok(native_iter(IterType::Product, move || {
        if done {
            return Ok(None);
        }
        if started {
            // The odometer: the last index that does not wrap grows; the later ones restart.
            let mut i = npools;
            loop {
                if i == 0 {
                    done = true;
                    return Ok(None);
                }
                i -= 1;
                indices[i] += 1;
                if indices[i] < crate::tuple::tuple_items(all[i].v()).len() {
                    break;
                }
                indices[i] = 0;
            }
        }
        started = true;
        result.clear();
        result.extend(
            all.iter()
                .zip(&indices)
                .map(|(p, &i)| crate::tuple::tuple_items(p.v())[i]),
        );
        Ok(Some(crate::tuple::tuple_from_slice(&result)))
    }))
}

/// `itertools.cycle(iterable, /)`: the items of `iterable`, read one at a time and saved,
/// then the saved items over and over (nothing when there were none). The input iterator
/// is released once exhausted.
pub fn cycle_new(_: Value, args: Args<'_>) -> R<Ref> {
    args.no_kw("cycle")?;
    if args.pos.len() != 1 {
        return type_error(format!("cycle expected 1 argument, got {}", args.pos.len()));
    }
    let mut it = Some(crate::iter::py_iter(args.pos[0])?);
    let mut saved: Vec<Ref> = Vec::new();
    let mut index = 0usize;
    Ok(native_iter(IterType::Cycle, move || {
        if let Some(source) = &it {
            if let Some(item) = crate::iter::py_next(source.v())? {
                saved.push(Ref::dup(item.v()));
                return Ok(Some(item));
            }
            it = None;
        }
        if saved.is_empty() {
            return Ok(None);
        }
        let item = Ref::dup(saved[index].v());
        index = if index + 1 >= saved.len() {
            0
        } else {
            index + 1
        };
        Ok(Some(item))
    }))
}

/// `itertools.zip_longest(*iterables, fillvalue=None)`: tuples of one item of each
/// iterable, `fillvalue` standing for the exhausted ones, until all are exhausted. As in
/// CPython, an exception raised by an input ends the iteration for good, and an exhausted
/// input is released.
pub fn zip_longest_new(_: Value, args: Args<'_>) -> R<Ref> {
    let mut fill = Value::NONE;
    if !args.kwnames.is_empty() {
        match args.kw("fillvalue") {
            Some(v) if args.kwnames.len() == 1 => fill = v,
            _ => return type_error("zip_longest() got an unexpected keyword argument"),
        }
    }
    let fill = Ref::dup(fill);
    let mut its: Vec<Option<Ref>> = Vec::with_capacity(args.pos.len());
    for a in args.pos {
        its.push(Some(crate::iter::py_iter(*a)?));
    }
    let mut active = its.len();
    Ok(native_iter(IterType::ZipLongest, move || {
        if active == 0 {
            return Ok(None);
        }
        let mut items = Vec::with_capacity(its.len());
        for slot in its.iter_mut() {
            let Some(it) = slot else {
                items.push(Ref::dup(fill.v()));
                continue;
            };
            match crate::iter::py_next(it.v()) {
                Ok(Some(x)) => items.push(x),
                Ok(None) => {
                    active -= 1;
                    if active == 0 {
                        return Ok(None);
                    }
                    *slot = None;
                    items.push(Ref::dup(fill.v()));
                }
                Err(e) => {
                    active = 0;
                    return Err(e);
                }
            }
        }
        Ok(Some(crate::tuple::tuple_from_vec(items)))
    }))
}
