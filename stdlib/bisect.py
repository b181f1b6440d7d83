# molt's `bisect`: binary search in sorted sequences, written for molt (not CPython's code).
# Comparisons are made as CPython's C implementation makes them: `item < x` for the left
# search, `x < item` for the right one, on `key(item)` when a key is given.


def _bounds(a, lo, hi):
    if type(lo) is not int:
        lo = range(lo).stop
    if lo < 0:
        raise ValueError("lo must be non-negative")
    if hi is None:
        hi = len(a)
    elif type(hi) is not int:
        hi = range(hi).stop
    return lo, hi


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < key(a[mid]):
                hi = mid
            else:
                lo = mid + 1
    return lo


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


def insort_right(a, x, lo=0, hi=None, *, key=None):
    if key is None:
        at = bisect_right(a, x, lo, hi)
    else:
        at = bisect_right(a, key(x), lo, hi, key=key)
    a.insert(at, x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    if key is None:
        at = bisect_left(a, x, lo, hi)
    else:
        at = bisect_left(a, key(x), lo, hi, key=key)
    a.insert(at, x)


bisect = bisect_right
insort = insort_right
