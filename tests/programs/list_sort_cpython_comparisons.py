# list.sort/sorted make CPython's comparisons (timsort with 3.11's powersort merges): the
# same __lt__ calls in the same order, and a comparison that raises leaves the list in
# the same permutation; argument checks (reverse as a C int, the list built first).
def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, "!", type(e).__name__, e)
data = [(1, "a"), (0, "b"), (1, "c"), (0, "d"), (2, "e"), (1, "f")]
print(sorted(data, key=lambda p: p[0]))
print(sorted(data, key=lambda p: p[0], reverse=True))
print(sorted(data, key=lambda p: -p[0], reverse=True))
l = list(range(20))
l.sort(key=lambda x: x % 3)
print(l)
l.sort(key=lambda x: x % 3, reverse=True)
print(l)
class K:
    calls = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        K.calls += 1
        if K.calls == 5:
            raise ValueError("lt fails")
        return self.v < o.v
    def __repr__(self): return f"K{self.v}"
l = [K(i) for i in [5, 3, 8, 1, 9, 2]]
t("sort lt error", lambda: l.sort())
print("after failed sort", l)
def keyf(x):
    if x == 3:
        raise KeyError("key 3")
    return x
l = [5, 3, 1]
t("sort key error", lambda: l.sort(key=keyf))
print(l)
t("mixed types", lambda: sorted([1, "a", 2]))
t("mixed types2", lambda: sorted(["a", 1]))
t("None", lambda: sorted([None, 1]))
t("complex", lambda: sorted([1j, 2j]))
t("nan", lambda: sorted([3, float("nan"), 1, 2]))
t("sets partial", lambda: sorted([{1, 2}, {1}, {3}]))
t("lists", lambda: sorted([[1, 2], [1], [0, 5]]))
t("tuples mixed", lambda: sorted([(1, "a"), (1, 2)]))
class G:
    def __init__(self, v): self.v = v
    def __gt__(self, o): return self.v > o.v
    def __repr__(self): return f"G{self.v}"
t("only __gt__", lambda: sorted([G(3), G(1), G(2)]))
class E:
    def __eq__(self, o): return True
    def __repr__(self): return "E()"
t("only __eq__", lambda: sorted([E(), E()]))
t("single no compare", lambda: sorted([E()]))
def mut():
    l = [3, 2, 1]
    def k(x):
        l.append(0)
        return x
    l.sort(key=k)
    return l
t("mutate during sort", mut)
def mut2():
    l = [3, 2, 1]
    class M:
        def __init__(self, v): self.v = v
        def __lt__(self, o):
            l.clear()
            return self.v < o.v
    l[:] = [M(3), M(2), M(1)]
    l.sort()
t("mutate in lt", mut2)
t("sort kw positional", lambda: [1].sort(None))
t("sorted no args", lambda: sorted())
t("sorted key=None", lambda: sorted([3, 1], key=None))
t("sorted reverse=1", lambda: sorted([3, 1, 2], reverse=1))
t("sorted reverse='x'", lambda: sorted([3, 1, 2], reverse="x"))
t("sorted reverse=None", lambda: sorted([3, 1, 2], reverse=None))
t("sorted cmp kw", lambda: sorted([3, 1], cmp=None))
t("min key error", lambda: min([1, 2], key=lambda x: 1 / 0))
t("sorted str", lambda: sorted("hello"))
t("sorted dict", lambda: sorted({"b": 1, "a": 2}))
t("sorted -0.0", lambda: sorted([0.0, -0.0, 0, -0.0]))
t("sorted bools", lambda: sorted([True, 0, False, 1]))
t("sorted big", lambda: sorted([2**70, -2**70, 5, 1.5, float("inf")]))
t("reversed stable", lambda: sorted([(1, 1), (1, 2), (0, 3)], key=lambda p: p[0], reverse=True))
import functools
t("cmp_to_key", lambda: sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
t("list.sort returns", lambda: [2, 1].sort())
import heapq
h = [5, 3, 8, 1]
heapq.heapify(h)
print(h, heapq.nsmallest(2, [5, 1, 4]), heapq.nlargest(2, [5, 1, 4], key=lambda x: -x))
t("heappush mixed", lambda: heapq.heappush([1], "a"))
t("sort reverse float", lambda: [2, 1].sort(reverse=1.0))
t("sort reverse big", lambda: [2, 1].sort(reverse=2**40))
t("sort reverse huge", lambda: [2, 1].sort(reverse=2**80))
t("sort reverse True", lambda: [1, 2].sort(reverse=True))
def gen_then_bad_kw():
    def g():
        print("gen runs")
        yield 1
    return sorted(g(), bogus=1)
t("sorted iterates before kw check", gen_then_bad_kw)
# the comparisons CPython makes, in order
class C:
    log = []
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        C.log.append((self.v, o.v))
        return self.v < o.v
    def __repr__(self): return f"C{self.v}"
import random
r = random.Random(5)
for n in [2, 5, 20, 70, 300]:
    vals = [r.randrange(50) for _ in range(n)]
    for rev in [False, True]:
        C.log = []
        out = sorted([C(v) for v in vals], reverse=rev)
        print(n, rev, len(C.log), hash(tuple(C.log)) % 1000003, [c.v for c in out][:10])
# runs and galloping
for pattern in [list(range(100)), list(range(100, 0, -1)), list(range(50)) * 2, [i % 7 for i in range(200)], list(range(0, 400, 2)) + list(range(1, 400, 2))]:
    C.log = []
    sorted(C(v) for v in pattern)
    print(len(pattern), len(C.log), hash(tuple(C.log)) % 1000003)
# a comparison failing mid-merge leaves a permutation, as in CPython
class F:
    n = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        F.n += 1
        if F.n == LIMIT:
            raise ValueError("stop")
        return self.v < o.v
    def __repr__(self): return str(self.v)
for LIMIT in [3, 40, 200, 500, 900]:
    F.n = 0
    items = [F((i * 37) % 101) for i in range(150)]
    try:
        items.sort()
    except ValueError:
        pass
    print(LIMIT, [f.v for f in items])
    F.n = 0
    items = [F((i * 37) % 101) for i in range(150)]
    try:
        items.sort(reverse=True)
    except ValueError:
        pass
    print(LIMIT, "rev", [f.v for f in items])
    F.n = 0
    items = [(i * 37) % 101 for i in range(150)]
    try:
        items.sort(key=F)
    except ValueError:
        pass
    print(LIMIT, "key", items)
