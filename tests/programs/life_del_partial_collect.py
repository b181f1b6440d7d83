# Items gathered from an iterable and dropped on an error (the iterator raising part way,
# a bad item found later, a failing key function or call) are released last first, as
# CPython releases its partly built list or tuple; `__del__` shows the order.
class D:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"D{self.n}"
    def __del__(self):
        print("del", self.n)
    def __hash__(self):
        return self.n
    def __eq__(self, o):
        return self is o
    def __index__(self):
        if self.n == 2:
            raise TypeError("no index")
        return self.n

def gen(n, bad=True):
    for i in range(n):
        yield D(i)
    if bad:
        raise ValueError("boom")

def case(name, f):
    print("--", name)
    try:
        f()
    except Exception as e:
        print("caught", type(e).__name__, e)
    print("end", name)

case("list", lambda: list(gen(3)))
case("tuple", lambda: tuple(gen(3)))
case("sorted", lambda: sorted(gen(3), key=lambda d: d.n))
case("join", lambda: "".join(gen(3)))
case("join2", lambda: "".join(x for x in ["a", "b", D(7)]))
case("set", lambda: set(gen(3)))
case("frozenset", lambda: frozenset(gen(3)))
case("dict", lambda: dict((d, D(d.n + 10)) for d in gen(3)))
case("dictcomp", lambda: {d: D(d.n + 10) for d in gen(3)})
case("setcomp", lambda: {d for d in gen(3)})
case("listcomp", lambda: [d for d in gen(3)])
case("listcomp2", lambda: [D(i) if i < 3 else 1 / 0 for i in range(5)])
case("star", lambda: [*gen(2, False), *gen(3)])
case("startuple", lambda: (*gen(2, False), *gen(3)))
case("starset", lambda: {*gen(2, False), *gen(3)})
def unpack():
    a, b, c, d = gen(3)
case("unpack", unpack)
def unpack2():
    a, b = gen(3, False)
case("unpack-too-many", unpack2)
def unpack3():
    a, *b, c = gen(4)
case("unpack-star", unpack3)
def unpack4():
    a, b, c, d = gen(3, False)
case("unpack-too-few", unpack4)
case("list.extend", lambda: [].extend(gen(3)))
def ext():
    l = [D(100)]
    l.extend(gen(2))
case("list.extend2", ext)
def ext2():
    l = [D(100)]
    l += gen(2)
case("list+=", ext2)
case("max", lambda: max(gen(3), key=lambda d: d.n))
case("min", lambda: min(gen(3), key=lambda d: d.n))
case("zip", lambda: list(zip(gen(3), gen(3))))
case("map", lambda: list(map(lambda d: d, gen(3))))
case("enumerate", lambda: list(enumerate(gen(3))))
case("sum", lambda: sum(gen(3), D(50)))
case("bytes", lambda: bytes(gen(2)))
case("bytearray", lambda: bytearray(gen(2)))
case("args", lambda: print(*gen(3)))
case("deque-like", lambda: list(reversed(list(gen(3)))))
def sortkey():
    l = [D(i) for i in range(4)]
    def k(d):
        if d.n == 2:
            raise KeyError(d.n)
        return D(d.n + 20)
    l.sort(key=k)
case("sort-key-err", sortkey)
def sortlt():
    class E(D):
        def __lt__(self, o):
            if self.n == 1 or o.n == 1:
                raise TypeError("no")
            return self.n < o.n
    l = [E(i) for i in range(4)]
    l.sort()
case("sort-lt-err", sortlt)
print("done")
def f(*a):
    print("in f", len(a))
def g(*a):
    raise KeyError("g")
def h(a, b, c):
    print("in h")
case("print*", lambda: print(*gen(3, False)))
case("f*", lambda: f(*gen(3, False)))
case("g*", lambda: g(*gen(3, False)))
case("h*", lambda: h(*gen(4, False)))
case("h2*", lambda: h(D(9), *gen(3, False)))
case("joingen", lambda: "".join(x for x in ["a", D(1), D(2)]))
case("bytesjoin", lambda: b"".join(x for x in [b"a", D(1), D(2)]))
case("bytes", lambda: bytes(x for x in [D(0), D(1), D(2), D(3)]))
case("bytearray", lambda: bytearray(x for x in [D(0), D(1), D(2), D(3)]))
case("dictpairs", lambda: dict(x for x in [(D(0), D(10)), (D(1), D(11)), (D(2),)]))
case("dictpairs2", lambda: dict(x for x in [(D(0), D(10)), [D(1), D(11), D(21)]]))
case("min2", lambda: min(gen(3)))
case("max2", lambda: max(gen(3)))
case("minkey", lambda: min(gen(4, False), key=lambda d: d.n % 2))
case("maxkey", lambda: max(gen(4, False), key=lambda d: D(d.n + 10) if d.n < 3 else 1/0))
case("sorted-lt", lambda: sorted(gen(3, False), key=lambda d: D(d.n + 10)))
case("tuple-ok", lambda: print(len(tuple(gen(3, False)))))
case("set-update", lambda: set().update(gen(3)))
case("dict-update", lambda: {}.update((d, d) for d in gen(3)))
case("list-insert-slice", lambda: [D(100), D(101)].__setitem__(slice(0, 1), gen(3)))
case("fromkeys", lambda: dict.fromkeys(gen(3)))
case("all", lambda: all(gen(3)))
case("any", lambda: any(d.n > 5 for d in gen(3)))
case("str-fmt", lambda: "{} {} {}".format(*gen(2, False)))
case("range-slice", lambda: list(x for x in [D(0), D(1)]) + 5)
case("tuple-concat", lambda: tuple(gen(2, False)) + 5)
case("zip-strict", lambda: list(zip(gen(3, False), gen(2, False), strict=True)))
case("filter", lambda: list(filter(None, gen(3))))
case("reversed-genexp", lambda: list(reversed([D(0), D(1)])) + 5)
case("frozenset-ok", lambda: print(len(frozenset(gen(3, False)))))

print("done2")
