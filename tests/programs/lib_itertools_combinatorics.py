# itertools' combinatoric iterators (permutations, combinations,
# combinations_with_replacement, product): items and their order, edge cases of r and
# repeat, when the input is read, argument errors, class names, and a large count.
import itertools
from itertools import combinations, combinations_with_replacement, permutations, product


def show(label, make):
    try:
        it = make()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
        return
    try:
        print(label, list(it))
    except Exception as e:
        print(label, "-> (iterating)", type(e).__name__, e)


def gen(items, log):
    for x in items:
        log.append(x)
        yield x


# Items and order.
for r in (None, 0, 1, 2, 3, 4):
    show("perm abc r=%r" % (r,), lambda: permutations("abc", r))
for r in (0, 1, 2, 3, 4):
    show("comb abcd r=%d" % r, lambda: combinations("abcd", r))
    show("cwr abc r=%d" % r, lambda: combinations_with_replacement("abc", r))
show("perm empty", lambda: permutations([]))
show("perm empty r=0", lambda: permutations([], 0))
show("perm empty r=1", lambda: permutations([], 1))
show("comb empty r=0", lambda: combinations((), 0))
show("comb empty r=1", lambda: combinations((), 1))
show("cwr empty r=0", lambda: combinations_with_replacement("", 0))
show("cwr empty r=2", lambda: combinations_with_replacement("", 2))
show("perm range(4) r=2", lambda: permutations(range(4), 2))
show("perm dup items", lambda: permutations([1, 1, 2]))
show("comb dup items", lambda: combinations("aab", 2))
show("comb dict", lambda: combinations({"x": 1, "y": 2, "z": 3}, 2))
show("perm set", lambda: permutations({7}))
show("product ()", lambda: product())
show("product ab xy", lambda: product("ab", "xy"))
show("product 3 pools", lambda: product(range(2), "a", (None, True)))
show("product repeat=2", lambda: product("ab", repeat=2))
show("product 2 pools repeat=2", lambda: product("ab", [0], repeat=2))
show("product repeat=0", lambda: product("ab", repeat=0))
show("product no pools repeat=3", lambda: product(repeat=3))
show("product empty pool", lambda: product("ab", [], "cd"))
show("product empty repeat", lambda: product([], repeat=2))
show("product repeat=True", lambda: product("ab", repeat=True))
show("product bytes", lambda: product(b"ab", range(1)))

# Counts.
print(len(list(permutations(range(6)))), len(list(permutations(range(7), 3))))
print(len(list(combinations(range(10), 4))), len(list(combinations_with_replacement(range(6), 4))))
print(sum(1 for _ in product(range(4), repeat=5)))

# Keyword arguments.
show("perm kw", lambda: permutations(iterable="xyz", r=2))
show("perm r kw", lambda: permutations("xyz", r=1))
show("perm r None kw", lambda: permutations("xy", r=None))
show("comb kw", lambda: combinations(r=2, iterable="xyz"))
show("cwr kw", lambda: combinations_with_replacement("xy", r=3))


class Index:
    def __index__(self):
        return 2


class MyInt(int):
    pass


show("perm r=True", lambda: permutations("abc", True))
show("perm r=MyInt", lambda: permutations("abc", MyInt(2)))
show("comb r=Index", lambda: combinations("abc", Index()))
show("cwr r=Index", lambda: combinations_with_replacement("ab", Index()))
show("product repeat=Index", lambda: product("ab", repeat=Index()))

# Argument errors (and which comes first: the pool or r).
errors = [
    ("perm ()", lambda: permutations()),
    ("perm r=-1", lambda: permutations(range(3), -1)),
    ("perm r=1.5", lambda: permutations(range(3), 1.5)),
    ("perm r='2'", lambda: permutations("abc", "2")),
    ("perm r=Index", lambda: permutations("abc", Index())),
    ("perm 1, 1.5", lambda: permutations(1, 1.5)),
    ("perm 1, -1", lambda: permutations(1, -1)),
    ("perm None", lambda: permutations(None)),
    ("perm r=2**70", lambda: permutations(range(2), 2**70)),
    ("perm r=-2**70", lambda: permutations(range(2), -(2**70))),
    ("perm 3 args", lambda: permutations("ab", 1, 2)),
    ("perm bad kw", lambda: permutations("ab", x=1)),
    ("perm pos and kw", lambda: permutations("ab", 1, r=2)),
    ("perm only r", lambda: permutations(r=1)),
    ("perm 3 kws", lambda: permutations(iterable="ab", r=1, x=2)),
    ("comb ()", lambda: combinations()),
    ("comb no r", lambda: combinations("ab")),
    ("comb r=None", lambda: combinations("ab", None)),
    ("comb r=1.5", lambda: combinations("ab", 1.5)),
    ("comb 1, 1.5", lambda: combinations(1, 1.5)),
    ("comb 1, 1", lambda: combinations(1, 1)),
    ("comb 1, -1", lambda: combinations(1, -1)),
    ("comb r=-1", lambda: combinations("ab", -1)),
    ("comb r=2**70", lambda: combinations("ab", 2**70)),
    ("comb 3 args", lambda: combinations("ab", 1, 2)),
    ("comb 2 args + kw", lambda: combinations("ab", 1, x=2)),
    ("comb pos and kw", lambda: combinations("abc", 2, r=2)),
    ("comb bad kw", lambda: combinations("abc", q=2)),
    ("cwr r=None", lambda: combinations_with_replacement("ab", None)),
    ("cwr r=-1", lambda: combinations_with_replacement("ab", -1)),
    ("cwr 1, 2", lambda: combinations_with_replacement(1, 2)),
    ("cwr ()", lambda: combinations_with_replacement()),
    ("cwr 3 args", lambda: combinations_with_replacement("ab", 1, 2)),
    ("cwr r=1.0", lambda: combinations_with_replacement("ab", 1.0)),
    ("product repeat=-1", lambda: product(repeat=-1)),
    ("product repeat=1.5", lambda: product("ab", repeat=1.5)),
    ("product 1 repeat=-1", lambda: product(1, repeat=-1)),
    ("product 1 repeat=1.5", lambda: product(1, repeat=1.5)),
    ("product 1 repeat=0", lambda: product(1, repeat=0)),
    ("product bad kw", lambda: product("ab", foo=1)),
    ("product repeat=None", lambda: product("ab", repeat=None)),
    ("product 1", lambda: product("ab", 1)),
    ("product repeat=2**70", lambda: product("ab", repeat=2**70)),
    ("product repeat=2**62", lambda: product("ab", repeat=2**62)),
    ("product 1 repeat=2**62", lambda: product(1, repeat=2**62)),
    ("product no pools repeat=2**62", lambda: product(repeat=2**62)),
    ("product 2 kws", lambda: product("ab", repeat=2, foo=3)),
]
for label, make in errors:
    show(label, make)

# The input is read when the iterator is made (all of it), not when it is iterated.
for name, make in [
    ("perm", lambda g: permutations(g, 2)),
    ("comb", lambda g: combinations(g, 2)),
    ("cwr", lambda g: combinations_with_replacement(g, 2)),
    ("product", lambda g: product(g, "xy")),
]:
    log = []
    it = make(gen([1, 2, 3], log))
    print(name, "read at creation:", log)
    print(name, "first:", next(it), "log:", log)
    print(name, "rest:", list(it), next(it, "done"), list(it))

log1, log2 = [], []
it = product(gen("ab", log1), gen("xy", log2), repeat=2)
print("product reads each once:", log1, log2, len(list(it)))


def failing():
    yield 1
    raise KeyError("boom")


show("perm failing input", lambda: permutations(failing()))
show("product failing 2nd input", lambda: product("ab", failing()))

# New tuples each time; the items are the pool's own objects.
objs = [[1], [2], [3]]
res = list(permutations(objs, 2))
print(res[0][0] is objs[0], res[0] is not res[1], all(type(t) is tuple for t in res))
it = combinations(objs, 1)
a = next(it)
b = next(it)
print(a, b, a is b, id(a) == id(b))
t1 = next(product("a", repeat=2))
print(t1, type(t1).__name__)

# Mutating the input afterwards does not change the pool.
src = [1, 2, 3]
it = permutations(src, 2)
src.append(4)
src[0] = 99
print(list(it))

# Classes and iterator protocol.
for cls, obj in [
    (permutations, permutations("ab")),
    (combinations, combinations("ab", 1)),
    (combinations_with_replacement, combinations_with_replacement("ab", 1)),
    (product, product("ab")),
]:
    print(cls, type(obj) is cls, isinstance(obj, cls), cls.__name__, cls.__module__, cls.__qualname__)
    print(repr(obj).startswith("<itertools.%s object at 0x" % cls.__name__), iter(obj) is obj)
    print(type(cls).__name__, cls.__mro__, hasattr(obj, "__next__"), hasattr(cls, "__length_hint__"))
print(itertools.permutations is permutations, itertools.product.__name__)
it = permutations("ab")
print(it.__next__(), next(it), next(it, "end"))
print(sorted(map("".join, permutations("cab"))))
print(dict.fromkeys(combinations("abc", 2)))
print(sum(x * y for x, y in product(range(30), repeat=2)))
print(max(permutations([3, 1, 2])), min(combinations_with_replacement([5, 4], 3)))

# Subclasses (CPython's classes can be subclassed; `__new__` and `__next__` overrides).
class P(itertools.permutations):
    def __init__(self, *a, **k):
        self.note = "made"
p = P("abc", 2)
print(type(p).__name__, p.note, iter(p) is p, next(p), list(p), next(p, "end"))
print(repr(p).startswith("<__main__.P object at"), isinstance(p, itertools.permutations))
class X(itertools.product):
    def __next__(self):
        return ("x",) + super().__next__()
print(list(X("ab", repeat=2)))
class C(itertools.combinations):
    pass
print(list(C(range(4), r=3)), C.__mro__)
c = C("abc", 1)
c.extra = 5
print(c.extra, list(c), c.__dict__)
class W(itertools.combinations_with_replacement):
    def __new__(cls, it, r):
        self = super().__new__(cls, it, r)
        self.r = r
        return self
w = W("ab", 2)
print(w.r, list(w))
try:
    C("ab")
except TypeError as e:
    print(e)
try:
    P("ab", foo=1)
except TypeError as e:
    print(e)
print(sum(1 for _ in P(range(7))))
print(list(zip(P("ab"), C("xyz", 2))))
for f in [lambda: itertools.permutations.__new__(1), lambda: itertools.permutations.__new__(int, "a"),
          lambda: itertools.permutations.__new__(), lambda: list(itertools.permutations.__new__(itertools.permutations, "ab")),
          lambda: list(P.__new__(P, "ab", 1)), lambda: type(P.__new__(P, "ab", 1)).__name__, lambda: itertools.product.__new__(P, "a")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

# A large count: a loop over permutations(range(9)) (362,880 tuples).
total = 0
last = None
for p in permutations(range(9)):
    total += 1
    last = p
print(total, last)
print(sum(1 for _ in combinations(range(20), 5)), sum(1 for _ in product(range(8), repeat=5)))
print(sum(1 for _ in combinations_with_replacement(range(10), 5)))
