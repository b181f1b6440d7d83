# heapq's operations compare with `<` only, in CPython's order, and leave the list in
# CPython's order; their errors and the functions' types are CPython's.
import heapq

log = []


class K:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        log.append((self.v, other.v))
        return self.v < other.v

    def __repr__(self):
        return "K(%d)" % self.v


def values(h):
    return [k.v for k in h]


def seq(n, seed):
    out = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        out.append(seed % 1000)
    return out


h = []
for v in seq(40, 7):
    heapq.heappush(h, K(v))
print("push", values(h), len(log))
print(log[:12])
log.clear()
popped = [heapq.heappop(h).v for _ in range(10)]
print("pop", popped, values(h), len(log))
print(log[-8:])
log.clear()
print("replace", heapq.heapreplace(h, K(500)).v, values(h), log)
log.clear()
print("pushpop small", heapq.heappushpop(h, K(-1)).v, log)
log.clear()
print("pushpop big", heapq.heappushpop(h, K(999)).v, values(h), log)
log.clear()
print("pushpop empty", heapq.heappushpop([], K(3)).v, log)

for n in (0, 1, 2, 7, 100, 2500, 2501, 4097, 6000):
    log.clear()
    data = [K(v) for v in seq(n, n + 1)]
    heapq.heapify(data)
    ok = all(not data[(i - 1) >> 1].v > data[i].v for i in range(1, n))
    print("heapify", n, ok, len(log), sum(a * 3 + b for a, b in log) % 100003, values(data)[:6])

# The max-heap helpers CPython's heapq has.
m = seq(30, 3)
heapq._heapify_max(m)
print("max", m)
print(heapq._heappop_max(m), heapq._heapreplace_max(m, 5), m)

# Ints, floats, tuples, strs.
for data in ([3.5, -1.0, 2.25, 0.0, -0.0], [(2, "b"), (1, "z"), (2, "a"), (1, "a")], list("heapsort")):
    heapq.heapify(data)
    print(data, [heapq.heappop(data) for _ in range(len(data))])


# A comparison that changes the list's size, or raises.
class Grow:
    def __init__(self, heap, v):
        self.heap = heap
        self.v = v

    def __lt__(self, other):
        self.heap.append(Grow(self.heap, 0))
        return self.v < other.v


for op in ("heappush", "heappop", "heapify", "heapreplace", "heappushpop"):
    h = []
    h.extend(Grow(h, v) for v in (1, 2, 3, 4, 5))
    try:
        if op == "heappush":
            heapq.heappush(h, Grow(h, 0))
        elif op == "heappop":
            heapq.heappop(h)
        elif op == "heapify":
            h.reverse()
            heapq.heapify(h)
        elif op == "heapreplace":
            heapq.heapreplace(h, Grow(h, 9))
        else:
            heapq.heappushpop(h, Grow(h, 9))
        print(op, "no error", len(h))
    except RuntimeError as e:
        print(op, "RuntimeError:", e, len(h))


class Bad:
    def __lt__(self, other):
        raise ValueError("no order")


h = [1, 2, 3]
try:
    heapq.heappush(h, Bad())
except ValueError as e:
    print("ValueError:", e, len(h))
try:
    heapq.heappush([1], "a")
except TypeError as e:
    print("TypeError:", e)


class Empties:
    def __init__(self, heap):
        self.heap = heap

    def __lt__(self, other):
        self.heap.clear()
        return True


h = []
h.append(Empties(h))
try:
    heapq.heappushpop(h, 5)
except IndexError as e:
    print("IndexError:", e)

# Argument errors.
calls = [
    (heapq.heapify, ()),
    (heapq.heappop, ()),
    (heapq.heappush, (1,)),
    (heapq.heapreplace, ([],)),
    (heapq.heappushpop, ()),
    (heapq.heapify, (1,)),
    (heapq.heappop, ((),)),
    (heapq.heappush, ((), 1)),
    (heapq.heapreplace, (1, 2)),
    (heapq.heappushpop, ("a", 2)),
    (heapq._heapify_max, (None,)),
    (heapq._heappop_max, ([],)),
    (heapq._heapreplace_max, ({}, 1)),
    (heapq.heappop, ([],)),
    (heapq.heapreplace, ([], 1)),
]
for f, args in calls:
    try:
        f(*args)
        print("no error")
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
try:
    heapq.heappush(heap=[], item=1)
except TypeError as e:
    print("TypeError", e)
try:
    heapq.heapify(x=[])
except TypeError as e:
    print("TypeError", e)
print(heapq.heappush, heapq.heappush.__module__, heapq.heapify.__qualname__, type(heapq.heappop).__name__)
print(heapq.heappush(h, 1), heapq.heapify([]))
