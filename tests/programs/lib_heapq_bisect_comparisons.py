# heapq.nsmallest/nlargest/merge, bisect, min/max, containment and sequence comparisons
# make CPython's comparisons (__lt__/__eq__/__hash__ calls, in order).
import heapq, bisect
log = []
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o): log.append(("lt", self.v, o.v)); return self.v < o.v
    def __le__(self, o): log.append(("le", self.v, o.v)); return self.v <= o.v
    def __gt__(self, o): log.append(("gt", self.v, o.v)); return self.v > o.v
    def __eq__(self, o): log.append(("eq", self.v, getattr(o, "v", o))); return isinstance(o, C) and self.v == o.v
    def __hash__(self): log.append(("hash", self.v)); return hash(self.v)
    def __repr__(self): return f"C{self.v}"
def run(name, f):
    log.clear()
    try:
        r = f()
    except Exception as e:
        r = f"{type(e).__name__}: {e}"
    print(name, r, log)
vals = [5, 3, 8, 1, 9, 2, 7]
run("heapify", lambda: (lambda h: (heapq.heapify(h), h)[1])([C(v) for v in vals]))
run("heappush", lambda: (lambda h: (heapq.heappush(h, C(0)), h)[1])([C(1), C(3), C(2)]))
run("heappop", lambda: (lambda h: (heapq.heappop(h), h))([C(1), C(3), C(2), C(5)]))
run("heapreplace", lambda: heapq.heapreplace([C(1), C(3), C(2)], C(4)))
run("heappushpop", lambda: heapq.heappushpop([C(1), C(3), C(2)], C(4)))
run("nsmallest", lambda: heapq.nsmallest(2, [C(v) for v in vals]))
run("nlargest", lambda: heapq.nlargest(2, [C(v) for v in vals]))
run("nsmallest1", lambda: heapq.nsmallest(1, [C(v) for v in vals]))
run("merge", lambda: list(heapq.merge([C(1), C(4)], [C(2), C(3)])))
s = [C(v) for v in [1, 3, 5, 7, 9]]
run("bisect_left", lambda: bisect.bisect_left(s, C(5)))
run("bisect_right", lambda: bisect.bisect_right(s, C(5)))
run("insort", lambda: bisect.insort(list(s), C(4)))
run("bisect key", lambda: bisect.bisect_left(s, 5, key=lambda c: c.v))
l = [C(1), C(2), C(3)]
x = C(2)
run("in", lambda: x in l)
run("in identity", lambda: l[2] in l)
run("index", lambda: l.index(C(3)))
run("count", lambda: l.count(C(2)))
run("remove", lambda: list(l).remove(C(3)))
run("list eq", lambda: [C(1), C(2)] == [C(1), C(3)])
run("list lt", lambda: [C(1), C(2)] < [C(1), C(3)])
run("tuple lt", lambda: (C(1), C(2)) < (C(1), C(3)))
run("tuple le", lambda: (C(1), C(2)) <= (C(1), C(2)))
run("dict set", lambda: {C(1): 1, C(1): 2})
run("dict get", lambda: {C(1): 1}.get(C(1)))
run("set", lambda: {C(1), C(2), C(1)})
run("set ops", lambda: {C(1), C(2)} & {C(2), C(3)})
run("set <=", lambda: {C(1)} <= {C(1), C(2)})
run("max", lambda: max([C(3), C(1), C(4)]))
run("min", lambda: min([C(3), C(1), C(4)]))
run("sorted 3", lambda: sorted([C(3), C(1), C(2)]))
run("chained", lambda: C(1) < C(2) < C(3))
run("ne fallback", lambda: C(1) != C(2))
run("ge reflected", lambda: C(1) >= C(2))
run("list.sort key", lambda: sorted([3, 1, 2], key=C))
run("dict eq", lambda: {1: C(1)} == {1: C(1)})
run("in dict values", lambda: C(2) in {1: C(1), 2: C(2)}.values())
run("in tuple", lambda: C(5) in (C(1), C(5)))
run("str in", lambda: "a" in [C(1)])
run("list.index start", lambda: [C(1), C(2), C(2)].index(C(2), 2))

vals2 = [5, 3, 8, 1, 9, 2, 7, 3, 5]
for n in [-1, 0, 1, 2, 3, 8, 9, 20]:
    run(f"nsmallest {n}", lambda: heapq.nsmallest(n, [C(v) for v in vals2]))
    run(f"nlargest {n}", lambda: heapq.nlargest(n, [C(v) for v in vals2]))
    run(f"nsmallest gen {n}", lambda: heapq.nsmallest(n, (C(v) for v in vals2)))
    run(f"nlargest gen {n}", lambda: heapq.nlargest(n, (C(v) for v in vals2)))
    run(f"nsmallest key {n}", lambda: heapq.nsmallest(n, iter(vals2), key=C))
    run(f"nlargest key {n}", lambda: heapq.nlargest(n, iter(vals2), key=C))
run("nsmallest empty", lambda: heapq.nsmallest(2, iter([])))
run("nlargest empty 1", lambda: heapq.nlargest(1, []))
run("merge", lambda: list(heapq.merge([C(1), C(4), C(7)], [C(2), C(5)], [], [C(3), C(3)])))
run("merge rev", lambda: list(heapq.merge([C(7), C(4), C(1)], [C(5), C(2)], reverse=True)))
run("merge key", lambda: list(heapq.merge([1, 4, 7], [2, 5], key=C)))
run("merge key rev", lambda: list(heapq.merge([7, 4, 1], [5, 2], key=C, reverse=True)))
run("merge one", lambda: list(heapq.merge([C(1), C(2)])))
run("merge none", lambda: list(heapq.merge()))
run("merge strs", lambda: list(heapq.merge("ace", "bd")))
def g():
    yield 1
    raise KeyError("mid")
run("merge err", lambda: list(heapq.merge(g(), [0, 2])))
run("nsmallest bad key", lambda: heapq.nsmallest(2, [1, 2, 3], key=lambda x: 1 / 0))
run("nsmallest mixed", lambda: heapq.nsmallest(2, [1, "a", 2]))
