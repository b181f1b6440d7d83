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


# nsmallest, nlargest and merge follow the algorithms of CPython's `heapq` (so that the
# items are compared, and the key function called, the same way): a heap of the best `n`
# seen so far, decorated with a counter that keeps equal items in input order.


def nsmallest(n, iterable, key=None):
    if n == 1:
        missing = object()
        best = min(iter(iterable), default=missing, key=key)
        return [] if best is missing else [best]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    it = iter(iterable)
    if key is None:
        # (item, position): the positions count up.
        heap = [(item, pos) for pos, item in zip(range(n), it)]
        if not heap:
            return heap
        _heapify_max(heap)
        worst = heap[0][0]
        pos = n
        for item in it:
            if item < worst:
                _heapreplace_max(heap, (item, pos))
                worst = heap[0][0]
                pos += 1
        heap.sort()
        return [entry[0] for entry in heap]
    heap = [(key(item), pos, item) for pos, item in zip(range(n), it)]
    if not heap:
        return heap
    _heapify_max(heap)
    worst = heap[0][0]
    pos = n
    for item in it:
        k = key(item)
        if k < worst:
            _heapreplace_max(heap, (k, pos, item))
            worst = heap[0][0]
            pos += 1
    heap.sort()
    return [entry[2] for entry in heap]


def nlargest(n, iterable, key=None):
    if n == 1:
        missing = object()
        best = max(iter(iterable), default=missing, key=key)
        return [] if best is missing else [best]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    it = iter(iterable)
    if key is None:
        # (item, position): the positions count down, so that among equal items the
        # earlier one is the larger entry.
        heap = [(item, pos) for pos, item in zip(range(0, -n, -1), it)]
        if not heap:
            return heap
        heapify(heap)
        worst = heap[0][0]
        pos = -n
        for item in it:
            if worst < item:
                heapreplace(heap, (item, pos))
                worst = heap[0][0]
                pos -= 1
        heap.sort(reverse=True)
        return [entry[0] for entry in heap]
    heap = [(key(item), pos, item) for pos, item in zip(range(0, -n, -1), it)]
    if not heap:
        return heap
    heapify(heap)
    worst = heap[0][0]
    pos = -n
    for item in it:
        k = key(item)
        if worst < k:
            heapreplace(heap, (k, pos, item))
            worst = heap[0][0]
            pos -= 1
    heap.sort(reverse=True)
    return [entry[2] for entry in heap]


def merge(*iterables, key=None, reverse=False):
    # A heap of [sort key, input number (negated for reverse), current value, next-method]
    # entries (lists, updated in place); the input number breaks ties, so equal items come
    # out in input order. Without a key the value is its own sort key.
    if reverse:
        make_heap, pop, replace, sign = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        make_heap, pop, replace, sign = heapify, heappop, heapreplace, 1
    heap = []
    for number, source in enumerate(iterables):
        advance = iter(source).__next__
        try:
            value = advance()
        except StopIteration:
            continue
        if key is None:
            heap.append([value, number * sign, advance])
        else:
            heap.append([key(value), number * sign, value, advance])
    make_heap(heap)
    while len(heap) > 1:
        entry = heap[0]
        try:
            while True:
                if key is None:
                    yield entry[0]
                    entry[0] = entry[2]()
                else:
                    yield entry[2]
                    value = entry[3]()
                    entry[0] = key(value)
                    entry[2] = value
                replace(heap, entry)
                entry = heap[0]
        except StopIteration:
            pop(heap)
    if heap:
        entry = heap[0]
        if key is None:
            yield entry[0]
            yield from entry[2].__self__
        else:
            yield entry[2]
            yield from entry[3].__self__
