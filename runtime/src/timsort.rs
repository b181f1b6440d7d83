//! CPython 3.11's list sort: timsort (natural runs extended by binary insertion to a
//! minimum length, merged with galloping) with the powersort merge policy of 3.11.
//!
//! The algorithm is written after CPython's description of it (`Objects/listsort.txt`)
//! so that a sort makes the same `<` comparisons, in the same order, as CPython's: user
//! `__lt__` methods and key objects see the same calls, and a comparison that raises
//! leaves the list in the same permutation CPython leaves it in (a merge in progress puts
//! the elements it set aside back before the error propagates).
//!
//! The elements sorted are `usize` handles (indices of the keys); `lt(x, y)` answers
//! whether the key of handle `x` is less than that of `y`.

use crate::exceptions::R;

/// Galloping starts after this many consecutive wins of one run (CPython's `MIN_GALLOP`).
const MIN_GALLOP: usize = 7;

/// A run waiting to be merged: `len` elements from `base`, and the power of the boundary
/// between it and the run after it (set once that run is found).
#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

/// The state of one sort.
struct Sort<'a> {
    lt: &'a mut dyn FnMut(usize, usize) -> R<bool>,
    min_gallop: usize,
    pending: Vec<Run>,
    /// Scratch space for the smaller run of a merge.
    tmp: Vec<usize>,
    /// The number of elements sorted.
    len: usize,
}

/// Sorts `v` stably by `lt` (a strict "less than"), making CPython 3.11's comparisons.
/// When `lt` fails, `v` is left as CPython leaves its list (a permutation of the input)
/// and the error is returned.
pub fn timsort(v: &mut [usize], lt: &mut dyn FnMut(usize, usize) -> R<bool>) -> R<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut s = Sort {
        lt,
        min_gallop: MIN_GALLOP,
        pending: Vec::new(),
        tmp: Vec::new(),
        len: n,
    };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    let mut remaining = n;
    while remaining > 0 {
        let (mut run, descending) = s.count_run(v, lo, lo + remaining)?;
        if descending {
            v[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = remaining.min(minrun);
            s.binary_sort(v, lo, lo + force, lo + run)?;
            run = force;
        }
        s.found_new_run(v, run)?;
        s.pending.push(Run {
            base: lo,
            len: run,
            power: 0,
        });
        lo += run;
        remaining -= run;
    }
    s.force_collapse(v)
}

/// The minimum run length for `n` elements: `n` itself below 64, else a number in 32..=64
/// such that `n / minrun` is a power of two or a little less.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// The powersort "power" of the boundary between the run of `n1` elements at `s1` and the
/// run of `n2` after it, in a list of `n`: the first bit where the binary expansions of the
/// two runs' midpoints (as fractions of `n`) differ.
fn power_of(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    // Twice the midpoints, to stay in integers.
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    let mut result = 0;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// How a merge ended: done, failed (the error), or with one element of a run left to
/// place after (or before) the rest of the other.
enum Exit {
    Done,
    Failed(crate::exceptions::Raised),
    LastOfA,
    FirstOfB,
}

impl Sort<'_> {
    fn lt(&mut self, x: usize, y: usize) -> R<bool> {
        (self.lt)(x, y)
    }

    /// The length of the run starting at `lo` (below `hi`), and whether it is strictly
    /// descending (then the caller reverses it).
    fn count_run(&mut self, v: &[usize], lo: usize, hi: usize) -> R<(usize, bool)> {
        if lo + 1 == hi {
            return Ok((1, false));
        }
        let mut n = 2;
        let mut i = lo + 2;
        if self.lt(v[lo + 1], v[lo])? {
            while i < hi && self.lt(v[i], v[i - 1])? {
                i += 1;
                n += 1;
            }
            Ok((n, true))
        } else {
            while i < hi && !self.lt(v[i], v[i - 1])? {
                i += 1;
                n += 1;
            }
            Ok((n, false))
        }
    }

    /// Sorts `v[lo..hi]`, whose elements before `start` are sorted already, by binary
    /// insertion (stable: an element goes after those equal to it).
    fn binary_sort(&mut self, v: &mut [usize], lo: usize, hi: usize, start: usize) -> R<()> {
        let mut start = if start == lo { start + 1 } else { start };
        while start < hi {
            let pivot = v[start];
            let (mut l, mut r) = (lo, start);
            loop {
                let p = l + ((r - l) >> 1);
                if self.lt(pivot, v[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
                if l >= r {
                    break;
                }
            }
            v.copy_within(l..start, l + 1);
            v[l] = pivot;
            start += 1;
        }
        Ok(())
    }

    /// A run of `n2` elements was found after the pending ones: merges the pending runs
    /// whose boundary power is above the new boundary's.
    fn found_new_run(&mut self, v: &mut [usize], n2: usize) -> R<()> {
        let Some(top) = self.pending.last().copied() else {
            return Ok(());
        };
        let power = power_of(top.base, top.len, n2, self.len);
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
            self.merge_at(v, self.pending.len() - 2)?;
        }
        let last = self.pending.len() - 1;
        self.pending[last].power = power;
        Ok(())
    }

    /// Merges all pending runs, at the end.
    fn force_collapse(&mut self, v: &mut [usize]) -> R<()> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(v, n)?;
        }
        Ok(())
    }

    /// Merges pending runs `i` and `i + 1`.
    fn merge_at(&mut self, v: &mut [usize], i: usize) -> R<()> {
        let Run {
            base: mut base_a,
            len: mut na,
            ..
        } = self.pending[i];
        let Run {
            base: base_b,
            len: nb,
            ..
        } = self.pending[i + 1];
        self.pending[i].len = na + nb;
        if i + 3 == self.pending.len() {
            self.pending[i + 1] = self.pending[i + 2];
        }
        self.pending.pop();
        // The elements of A before where B's first goes are in place already.
        let k = gallop_right(&mut *self.lt, v[base_b], &v[base_a..base_a + na], 0)?;
        base_a += k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        // And so are those of B after where A's last goes.
        let nb = gallop_left(
            &mut *self.lt,
            v[base_a + na - 1],
            &v[base_b..base_b + nb],
            nb - 1,
        )?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(v, base_a, na, base_b, nb)
        } else {
            self.merge_hi(v, base_a, na, base_b, nb)
        }
    }

    /// Merges the adjacent runs `v[a0..a0+na]` and `v[b0..b0+nb]` (`na <= nb`) from the
    /// left, with A set aside.
    fn merge_lo(&mut self, v: &mut [usize], a0: usize, na: usize, b0: usize, nb: usize) -> R<()> {
        let mut tmp = std::mem::take(&mut self.tmp);
        tmp.clear();
        tmp.extend_from_slice(&v[a0..a0 + na]);
        let (mut na, mut nb) = (na, nb);
        let (mut a, mut b, mut dest) = (0usize, b0, a0);
        v[dest] = v[b];
        dest += 1;
        b += 1;
        nb -= 1;
        let exit = 'merge: {
            if nb == 0 {
                break 'merge Exit::Done;
            }
            if na == 1 {
                break 'merge Exit::LastOfA;
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let mut acount = 0;
                let mut bcount = 0;
                // One element at a time, until one run wins `min_gallop` times in a row.
                loop {
                    match self.lt(v[b], tmp[a]) {
                        Err(e) => break 'merge Exit::Failed(e),
                        Ok(true) => {
                            v[dest] = v[b];
                            dest += 1;
                            b += 1;
                            bcount += 1;
                            acount = 0;
                            nb -= 1;
                            if nb == 0 {
                                break 'merge Exit::Done;
                            }
                            if bcount >= min_gallop {
                                break;
                            }
                        }
                        Ok(false) => {
                            v[dest] = tmp[a];
                            dest += 1;
                            a += 1;
                            acount += 1;
                            bcount = 0;
                            na -= 1;
                            if na == 1 {
                                break 'merge Exit::LastOfA;
                            }
                            if acount >= min_gallop {
                                break;
                            }
                        }
                    }
                }
                // Galloping, while a run keeps winning by `MIN_GALLOP` or more.
                min_gallop += 1;
                loop {
                    min_gallop -= usize::from(min_gallop > 1);
                    self.min_gallop = min_gallop;
                    let k = match gallop_right(&mut *self.lt, v[b], &tmp[a..a + na], 0) {
                        Ok(k) => k,
                        Err(e) => break 'merge Exit::Failed(e),
                    };
                    acount = k;
                    if k > 0 {
                        v[dest..dest + k].copy_from_slice(&tmp[a..a + k]);
                        dest += k;
                        a += k;
                        na -= k;
                        if na == 1 {
                            break 'merge Exit::LastOfA;
                        }
                        // Only with an inconsistent comparison.
                        if na == 0 {
                            break 'merge Exit::Done;
                        }
                    }
                    v[dest] = v[b];
                    dest += 1;
                    b += 1;
                    nb -= 1;
                    if nb == 0 {
                        break 'merge Exit::Done;
                    }
                    let k = match gallop_left(&mut *self.lt, tmp[a], &v[b..b + nb], 0) {
                        Ok(k) => k,
                        Err(e) => break 'merge Exit::Failed(e),
                    };
                    bcount = k;
                    if k > 0 {
                        v.copy_within(b..b + k, dest);
                        dest += k;
                        b += k;
                        nb -= k;
                        if nb == 0 {
                            break 'merge Exit::Done;
                        }
                    }
                    v[dest] = tmp[a];
                    dest += 1;
                    a += 1;
                    na -= 1;
                    if na == 1 {
                        break 'merge Exit::LastOfA;
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        let r = match exit {
            Exit::LastOfA => {
                // A's last element goes after what is left of B.
                v.copy_within(b..b + nb, dest);
                v[dest + nb] = tmp[a];
                Ok(())
            }
            Exit::Done | Exit::FirstOfB => {
                v[dest..dest + na].copy_from_slice(&tmp[a..a + na]);
                Ok(())
            }
            Exit::Failed(e) => {
                v[dest..dest + na].copy_from_slice(&tmp[a..a + na]);
                Err(e)
            }
        };
        self.tmp = tmp;
        r
    }

    /// Merges the adjacent runs `v[a0..a0+na]` and `v[b0..b0+nb]` (`na > nb`) from the
    /// right, with B set aside.
    fn merge_hi(&mut self, v: &mut [usize], a0: usize, na: usize, b0: usize, nb: usize) -> R<()> {
        let mut tmp = std::mem::take(&mut self.tmp);
        tmp.clear();
        tmp.extend_from_slice(&v[b0..b0 + nb]);
        let (mut na, mut nb) = (na, nb);
        // Positions of the last element of A (in `v`), of B (in `tmp`), and the slot to
        // fill; they move left and may pass the start, hence signed.
        let mut a = (a0 + na - 1) as isize;
        let mut b = nb as isize - 1;
        let mut dest = (b0 + nb - 1) as isize;
        let at = |i: isize| i as usize;
        v[at(dest)] = v[at(a)];
        dest -= 1;
        a -= 1;
        na -= 1;
        let exit = 'merge: {
            if na == 0 {
                break 'merge Exit::Done;
            }
            if nb == 1 {
                break 'merge Exit::FirstOfB;
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let mut acount = 0;
                let mut bcount = 0;
                loop {
                    match self.lt(tmp[at(b)], v[at(a)]) {
                        Err(e) => break 'merge Exit::Failed(e),
                        Ok(true) => {
                            v[at(dest)] = v[at(a)];
                            dest -= 1;
                            a -= 1;
                            acount += 1;
                            bcount = 0;
                            na -= 1;
                            if na == 0 {
                                break 'merge Exit::Done;
                            }
                            if acount >= min_gallop {
                                break;
                            }
                        }
                        Ok(false) => {
                            v[at(dest)] = tmp[at(b)];
                            dest -= 1;
                            b -= 1;
                            bcount += 1;
                            acount = 0;
                            nb -= 1;
                            if nb == 1 {
                                break 'merge Exit::FirstOfB;
                            }
                            if bcount >= min_gallop {
                                break;
                            }
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= usize::from(min_gallop > 1);
                    self.min_gallop = min_gallop;
                    let k = match gallop_right(&mut *self.lt, tmp[at(b)], &v[a0..a0 + na], na - 1) {
                        Ok(k) => na - k,
                        Err(e) => break 'merge Exit::Failed(e),
                    };
                    acount = k;
                    if k > 0 {
                        dest -= k as isize;
                        a -= k as isize;
                        v.copy_within(at(a + 1)..at(a + 1) + k, at(dest + 1));
                        na -= k;
                        if na == 0 {
                            break 'merge Exit::Done;
                        }
                    }
                    v[at(dest)] = tmp[at(b)];
                    dest -= 1;
                    b -= 1;
                    nb -= 1;
                    if nb == 1 {
                        break 'merge Exit::FirstOfB;
                    }
                    let k = match gallop_left(&mut *self.lt, v[at(a)], &tmp[..nb], nb - 1) {
                        Ok(k) => nb - k,
                        Err(e) => break 'merge Exit::Failed(e),
                    };
                    bcount = k;
                    if k > 0 {
                        dest -= k as isize;
                        b -= k as isize;
                        v[at(dest + 1)..at(dest + 1) + k]
                            .copy_from_slice(&tmp[at(b + 1)..at(b + 1) + k]);
                        nb -= k;
                        if nb == 1 {
                            break 'merge Exit::FirstOfB;
                        }
                        // Only with an inconsistent comparison.
                        if nb == 0 {
                            break 'merge Exit::Done;
                        }
                    }
                    v[at(dest)] = v[at(a)];
                    dest -= 1;
                    a -= 1;
                    na -= 1;
                    if na == 0 {
                        break 'merge Exit::Done;
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        let put_back_b = |v: &mut [usize], dest: isize, nb: usize| {
            if nb > 0 {
                let start = at(dest + 1) - nb;
                v[start..start + nb].copy_from_slice(&tmp[..nb]);
            }
        };
        let r = match exit {
            Exit::FirstOfB => {
                // B's first element goes before what is left of A.
                let start = at(dest + 1) - na;
                v.copy_within(at(a + 1) - na..at(a + 1), start);
                v[start - 1] = tmp[at(b)];
                Ok(())
            }
            Exit::Done | Exit::LastOfA => {
                put_back_b(v, dest, nb);
                Ok(())
            }
            Exit::Failed(e) => {
                put_back_b(v, dest, nb);
                Err(e)
            }
        };
        self.tmp = tmp;
        r
    }
}

/// Where `key` goes in the sorted `a` (before any element equal to it: the first index
/// whose element is not less than `key`), searching from `a[hint]` outwards by doubling
/// steps and then by bisection, as CPython's `gallop_left`.
fn gallop_left(
    lt: &mut dyn FnMut(usize, usize) -> R<bool>,
    key: usize,
    a: &[usize],
    hint: usize,
) -> R<usize> {
    let n = a.len() as isize;
    let h = hint as isize;
    let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
    if lt(a[hint], key)? {
        // a[hint] < key: gallop right, until a[hint + lastofs] < key <= a[hint + ofs].
        let maxofs = n - h;
        while ofs < maxofs {
            if lt(a[(h + ofs) as usize], key)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        lastofs += h;
        ofs += h;
    } else {
        // key <= a[hint]: gallop left, until a[hint - ofs] < key <= a[hint - lastofs].
        let maxofs = h + 1;
        while ofs < maxofs {
            if lt(a[(h - ofs) as usize], key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        lastofs = h - ofs;
        ofs = h - k;
    }
    // a[lastofs] < key <= a[ofs]: bisect in between.
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(a[m as usize], key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs as usize)
}

/// Where `key` goes in the sorted `a` after any element equal to it (the first index whose
/// element is greater than `key`), as CPython's `gallop_right`.
fn gallop_right(
    lt: &mut dyn FnMut(usize, usize) -> R<bool>,
    key: usize,
    a: &[usize],
    hint: usize,
) -> R<usize> {
    let n = a.len() as isize;
    let h = hint as isize;
    let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
    if lt(key, a[hint])? {
        // key < a[hint]: gallop left, until a[hint - ofs] <= key < a[hint - lastofs].
        let maxofs = h + 1;
        while ofs < maxofs {
            if lt(key, a[(h - ofs) as usize])? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        lastofs = h - ofs;
        ofs = h - k;
    } else {
        // a[hint] <= key: gallop right, until a[hint + lastofs] <= key < a[hint + ofs].
        let maxofs = n - h;
        while ofs < maxofs {
            if lt(key, a[(h + ofs) as usize])? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lastofs += h;
        ofs += h;
    }
    // a[lastofs] <= key < a[ofs]: bisect in between.
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(key, a[m as usize])? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs as usize)
}
