//! The private module `_heapq`: the heap operations of molt's `heapq` (`stdlib/heapq.py`
//! imports them), native as in CPython, whose `heapq` takes them from its C module of the
//! same name.
//!
//! A heap is a list with `heap[k] <= heap[2k+1]` and `heap[k] <= heap[2k+2]` (the `_max`
//! variants: `>=`). Every operation compares with `<` only, in CPython's order, and moves
//! items as CPython's C implementation does (a swap per step), so a program that watches
//! its comparisons (a logging `__lt__`) or reads the list afterwards sees CPython's
//! sequence and CPython's final order:
//! - sift down (towards the root): the item at `pos` is compared with its parent
//!   (`item < parent`) and swapped with it while smaller;
//! - sift up (towards the leaves, Floyd's bottom-up variant): from `pos`, the smaller child
//!   (`left < right`, else the right one) is swapped up until a leaf is reached, then that
//!   leaf's item is sifted down back to its place;
//! - `heapify` sifts up every parent position from the last one to the root; for more than
//!   2,500 items it visits them in CPython's cache-friendly order (subtree by subtree),
//!   which gives the same list with another sequence of comparisons.
//!
//! A comparison that changes the list's length raises `RuntimeError: list changed size
//! during iteration`, as in CPython; the items compared are held for the comparison.

use crate::exceptions::{ExcKind, R, index_error, raise, type_error};
use crate::list::{is_list, list_len, list_vec};
use crate::object::{Args, Ref, incref};
use crate::value::Value;

/// `a < b` for a min-heap, `b < a` for a max-heap, holding both items meanwhile.
fn less(a: Value, b: Value, max: bool) -> R<bool> {
    let (a, b) = if max { (b, a) } else { (a, b) };
    // Small ints, or tuples of them (`(priority, item)` records): answered without running
    // any code that could change the heap, so nothing needs holding.
    if let Some(r) = crate::ops::lt_native(a, b) {
        return Ok(r);
    }
    let (a, b) = (Ref::dup(a), Ref::dup(b));
    crate::ops::py_lt_bool(a.v(), b.v())
}

fn changed_size<T>() -> R<T> {
    raise(ExcKind::RuntimeError, "list changed size during iteration")
}

/// Moves the item at `pos` towards the root (not past `start`) while it is smaller than
/// its parent.
fn sift_down(heap: Value, start: usize, mut pos: usize, max: bool) -> R<()> {
    let size = list_len(heap);
    if pos >= size {
        return index_error("list index out of range");
    }
    while pos > start {
        let parent = (pos - 1) >> 1;
        let (item, above) = {
            let v = list_vec(heap);
            (v[pos], v[parent])
        };
        let smaller = less(item, above, max)?;
        if size != list_len(heap) {
            return changed_size();
        }
        if !smaller {
            break;
        }
        list_vec(heap).swap(parent, pos);
        pos = parent;
    }
    Ok(())
}

/// Moves the smaller child of `pos` up until a leaf, then sifts that leaf's item down to
/// its place (Floyd's bottom-up sift).
fn sift_up(heap: Value, mut pos: usize, max: bool) -> R<()> {
    let end = list_len(heap);
    let start = pos;
    if pos >= end {
        return index_error("list index out of range");
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (left, right) = {
                let v = list_vec(heap);
                (v[child], v[child + 1])
            };
            if !less(left, right, max)? {
                child += 1;
            }
            if end != list_len(heap) {
                return changed_size();
            }
        }
        list_vec(heap).swap(child, pos);
        pos = child;
    }
    sift_down(heap, start, pos, max)
}

/// The heap argument: a list, else CPython's `TypeError` naming the function and, for the
/// functions of two parameters, the argument's position.
fn heap_arg(heap: Value, function: &str, two: bool) -> R<Value> {
    if is_list(heap) {
        return Ok(heap);
    }
    let argument = if two { "argument 1" } else { "argument" };
    // Argument Clinic names `None` itself, other values by their type.
    let got = if heap.is_none() {
        "None".to_string()
    } else {
        crate::class::type_name(heap)
    };
    type_error(format!("{function}() {argument} must be list, not {got}"))
}

/// The arguments of a function of one parameter (CPython's `METH_O` messages).
fn one(args: &Args<'_>, function: &str) -> R<Value> {
    let heap = match (args.pos, args.kwnames.is_empty()) {
        ([heap], true) => *heap,
        // The qualified name is formatted only for the error.
        _ => args.exact::<1>(&format!("_heapq.{function}"))?[0],
    };
    heap_arg(heap, function, false)
}

/// The arguments of a function of two parameters (CPython's `METH_FASTCALL` messages).
fn two(args: &Args<'_>, function: &str) -> R<(Value, Value)> {
    if !args.kwnames.is_empty() {
        args.no_kw(&format!("_heapq.{function}"))?;
    }
    let [heap, item] = args.exact::<2>(function)?;
    Ok((heap_arg(heap, function, true)?, item))
}

/// `heappush(heap, item)`: appends `item` and sifts it down. → `None`.
fn heappush(_: Value, args: Args<'_>) -> R<Ref> {
    let (heap, item) = two(&args, "heappush")?;
    crate::list::list_append(heap, item);
    sift_down(heap, 0, list_len(heap) - 1, false)?;
    Ok(Ref::new(Value::NONE))
}

/// Pops the last item, puts it at the root and sifts it up; → the old root (or the last
/// item when it was the only one). `IndexError` on an empty heap.
fn pop(heap: Value, max: bool) -> R<Ref> {
    let last = match list_vec(heap).pop() {
        Some(last) => Ref::new(last),
        None => return index_error("index out of range"),
    };
    if list_len(heap) == 0 {
        return Ok(last);
    }
    let top = Ref::new(std::mem::replace(&mut list_vec(heap)[0], last.into_raw()));
    sift_up(heap, 0, max)?;
    Ok(top)
}

/// Replaces the root by `item` and sifts it up; → the old root. `IndexError` on an empty
/// heap.
fn replace(heap: Value, item: Value, max: bool) -> R<Ref> {
    if list_len(heap) == 0 {
        return index_error("index out of range");
    }
    let top = Ref::new(std::mem::replace(&mut list_vec(heap)[0], incref(item)));
    sift_up(heap, 0, max)?;
    Ok(top)
}

/// Sifts up every parent position, last first (or in the cache-friendly order past 2,500
/// items, see the module docs).
fn heapify_list(heap: Value, max: bool) -> R<()> {
    let n = list_len(heap);
    if n > 2500 {
        // Subtree by subtree: from each position, sift it, then its parent while the
        // position was a left child (the parent's right subtree is done by then).
        let m = n >> 1;
        let leftmost = top_bit(m + 1) - 1;
        let mhalf = m >> 1;
        let visit = |first: usize, last: usize| -> R<()> {
            for i in (last..first).rev() {
                let mut j = i;
                loop {
                    sift_up(heap, j, max)?;
                    if j & 1 == 0 {
                        break;
                    }
                    j >>= 1;
                }
            }
            Ok(())
        };
        visit(leftmost, mhalf)?;
        return visit(m, leftmost);
    }
    for i in (0..n >> 1).rev() {
        sift_up(heap, i, max)?;
    }
    Ok(())
}

/// The largest power of two not above `n` (`n` ≥ 1).
fn top_bit(n: usize) -> usize {
    1 << (usize::BITS - 1 - n.leading_zeros())
}

/// `heappop(heap)`.
fn heappop(_: Value, args: Args<'_>) -> R<Ref> {
    pop(one(&args, "heappop")?, false)
}

/// `_heappop_max(heap)`: `heappop` of a max-heap.
fn heappop_max(_: Value, args: Args<'_>) -> R<Ref> {
    pop(one(&args, "_heappop_max")?, true)
}

/// `heapreplace(heap, item)`.
fn heapreplace(_: Value, args: Args<'_>) -> R<Ref> {
    let (heap, item) = two(&args, "heapreplace")?;
    replace(heap, item, false)
}

/// `_heapreplace_max(heap, item)`: `heapreplace` of a max-heap.
fn heapreplace_max(_: Value, args: Args<'_>) -> R<Ref> {
    let (heap, item) = two(&args, "_heapreplace_max")?;
    replace(heap, item, true)
}

/// `heappushpop(heap, item)`: `item` itself when the heap is empty or its root is not
/// smaller, else the root, replaced by `item`.
fn heappushpop(_: Value, args: Args<'_>) -> R<Ref> {
    let (heap, item) = two(&args, "heappushpop")?;
    let Some(&top) = list_vec(heap).first() else {
        return Ok(Ref::dup(item));
    };
    if !less(top, item, false)? {
        return Ok(Ref::dup(item));
    }
    // The comparison may have emptied the list.
    replace(heap, item, false)
}

/// `heapify(x)`.
fn heapify(_: Value, args: Args<'_>) -> R<Ref> {
    heapify_list(one(&args, "heapify")?, false)?;
    Ok(Ref::new(Value::NONE))
}

/// `_heapify_max(x)`: `heapify` into a max-heap.
fn heapify_max(_: Value, args: Args<'_>) -> R<Ref> {
    heapify_list(one(&args, "_heapify_max")?, true)?;
    Ok(Ref::new(Value::NONE))
}

/// The module `_heapq`.
pub fn make_heapq() -> Ref {
    let m = crate::modules::module_new("_heapq");
    crate::modules::add_fns(
        m.v(),
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
            ("heapify", heapify),
            ("_heappop_max", heappop_max),
            ("_heapreplace_max", heapreplace_max),
            ("_heapify_max", heapify_max),
        ],
    );
    m
}

#[cfg(test)]
mod tests {
    use super::top_bit;

    #[test]
    fn top_bit_is_the_largest_power_of_two_not_above() {
        assert_eq!(top_bit(1), 1);
        assert_eq!(top_bit(2), 2);
        assert_eq!(top_bit(3), 2);
        assert_eq!(top_bit(1251), 1024);
        assert_eq!(top_bit(2048), 2048);
    }
}
