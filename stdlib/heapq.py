# molt's `heapq`: a binary min-heap kept in a list (heap[k] <= heap[2k+1], heap[2k+2]),
# written for molt. The heap operations are the runtime's (`_heapq`, as CPython's come from
# its C module of that name): they compare and move items in CPython's exact order.
from _heapq import (
    _heapify_max,
    _heappop_max,
    _heapreplace_max,
    heapify,
    heappop,
    heappush,
    heappushpop,
    heapreplace,
)


# The pure-Python sift helpers CPython's `heapq` also has (`_siftdown` moves the item at
# `pos` towards the root, `_siftup` walks the smaller child down to a leaf, then sifts the
# item back up).
def _siftdown(heap, startpos, pos):
    item = heap[pos]
    while pos > startpos:
        up = (pos - 1) >> 1
        parent = heap[up]
        if item < parent:
            heap[pos] = parent
            pos = up
        else:
            break
    heap[pos] = item


def _siftup(heap, pos):
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown(heap, start, pos)


def nsmallest(n, iterable, key=None):
    # Equal to sorted(iterable, key=key)[:n], as CPython documents (ties keep their order).
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    # Equal to sorted(iterable, key=key, reverse=True)[:n] (ties keep their order).
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]


def merge(*iterables, key=None, reverse=False):
    # Each heap entry: [sort key, index of the input, current value, its iterator]; the
    # input index breaks ties, so equal items come out in input order (a stable merge).
    iterators = [iter(it) for it in iterables]
    entries = []
    for i in range(len(iterators)):
        it = iterators[i]
        for value in it:
            k = value if key is None else key(value)
            entries.append([k, i, value, it])
            break
    while entries:
        best = 0
        j = 1
        while j < len(entries):
            a = entries[j]
            b = entries[best]
            if reverse:
                better = b[0] < a[0] or (not a[0] < b[0] and a[1] < b[1])
            else:
                better = a[0] < b[0] or (not b[0] < a[0] and a[1] < b[1])
            if better:
                best = j
            j += 1
        entry = entries[best]
        yield entry[2]
        advanced = False
        for value in entry[3]:
            entry[2] = value
            entry[0] = value if key is None else key(value)
            advanced = True
            break
        if not advanced:
            del entries[best]
