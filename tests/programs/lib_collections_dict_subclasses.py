# collections.defaultdict, Counter and OrderedDict are dict subclasses, as in CPython:
# isinstance/issubclass/__mro__, dict's methods and operators on them, the mixing rules
# with plain dicts, copies, reprs and errors.
import copy
import json
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Mapping, MutableMapping

for cls in (defaultdict, Counter, OrderedDict):
    print(cls.__name__, issubclass(cls, dict), isinstance(cls(), dict), cls.__mro__)
    print(" ", isinstance(cls(), MutableMapping), issubclass(cls, Mapping), cls.__module__)

# --- defaultdict ------------------------------------------------------------------------
d = defaultdict(list)
d["a"].append(1)
d["b"].append(2)
d["a"].append(3)
print(d, len(d), dict(d), {**d}, list(d), sorted(d.items()))
print(d.default_factory, type(d.get("zz")), "zz" in d, d.get("zz", 5))
print(d | {"c": [9]}, type(d | {}), {"c": 1} | d, type({"c": 1} | d))
print(type(d | {}).__name__, (d | {}).default_factory, ({"x": 1} | d).default_factory)
e = d.copy()
print(type(e).__name__, e.default_factory, e == d, e is d)
e2 = copy.copy(d)
print(e2, e2.default_factory)
e3 = copy.deepcopy(d)
e3["a"].append(4)
print(e3, d["a"])
d |= {"z": [0]}
print(d, type(d).__name__)
d.default_factory = None
print(d)
try:
    d["missing"]
except KeyError as exc:
    print("KeyError", exc)
d.default_factory = int
d["n"] += 5
print(d["n"], d.setdefault("q", 7), d.pop("q"), d.popitem())
f = defaultdict.fromkeys("ab", 1)
print(f, type(f).__name__, f.default_factory)
print(defaultdict(None, a=1), defaultdict(int, [("x", 1)]), defaultdict())
print(defaultdict(default_factory=int))
for bad in (1, "x", [1]):
    try:
        defaultdict(bad)
    except TypeError as exc:
        print("TypeError", exc)
try:
    hash(defaultdict())
except TypeError as exc:
    print("TypeError", exc)
r = defaultdict(list)
r["self"] = r
print(r)
print(defaultdict(int) == {}, {} == defaultdict(int), defaultdict(int, a=1) != {"a": 1})
print(json.dumps(defaultdict(int, a=1, b=[1, 2])))
try:
    defaultdict().x = 1
except AttributeError as exc:
    print("AttributeError")
print(hasattr(defaultdict(), "__dict__"))


class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)


t = Tree()
t["a"]["b"]["c"] = 1
print(json.dumps(t), type(t["a"]).__name__)

# --- Counter ------------------------------------------------------------------------------
c = Counter("abracadabra")
print(c, c.most_common(2), c.total(), sorted(c.elements()))
print(isinstance(c, dict), dict(c), {**c}, c | {}, type(c | {}), {} | c, type({} | c))
print(c["zzz"], "zzz" in c, len(c), c.get("zzz"), c.get("a"))
del c["zzz"]
del c["r"]
print(c, list(c.keys()), list(c.values()))
c.update({"a": 1}, b=2)
c.update("xx")
c.subtract(Counter(a=10))
c.subtract(["b"], d=1)
print(c)
print(+c, -c)
print(Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3, b=1) - Counter(a=1, b=2, c=-2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
x = Counter(a=1)
x += {"b": 2, "a": -1}
print(x)
x -= {"b": 1}
print(x)
x |= Counter(z=4)
print(x)
x &= Counter(z=1)
print(x)
for a, b in [
    (Counter(a=1), Counter(a=1, b=0)),
    (Counter(a=1), Counter(a=2)),
    (Counter(a=2), Counter(a=1)),
]:
    print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(Counter(x=1) == {"x": 1}, {"x": 1} == Counter(x=1), Counter(x=1) != {"x": 1})
print(Counter(x=0) == {}, Counter() == {}, Counter(x=1) == {"x": 2}, {"x": 2} != Counter(x=1))
print(Counter(a=1).__eq__({"a": 1}))
try:
    Counter(a=1) < {"a": 2}
except TypeError as exc:
    print("TypeError", exc)
try:
    Counter.fromkeys("abc")
except NotImplementedError as exc:
    print("NotImplementedError", exc)
try:
    Counter(a=1) + {"a": 1}
except TypeError as exc:
    print("TypeError", exc)
try:
    hash(Counter())
except TypeError as exc:
    print("TypeError", exc)
cc = copy.copy(c)
print(type(cc).__name__, cc == c, copy.deepcopy(c) == c)
print(json.dumps(Counter("aab")), Counter(), repr(Counter(b=1, a=2)))
print(Counter({1: "x", 2: "y"}))


class MyCounter(Counter):
    pass


m = MyCounter("aab")
print(m, type(m.copy()).__name__, type(m + m).__name__, m.__class__.__mro__[1:])

# --- OrderedDict --------------------------------------------------------------------------
o = OrderedDict([("a", 1), ("b", 2), ("c", 3)])
print(o, o.keys(), o.values(), o.items(), len(o))
print(list(reversed(o)), list(reversed(o.keys())), list(reversed(o.items())))
o.move_to_end("a")
print(list(o))
o.move_to_end("c", last=False)
print(list(o), o.popitem(), o.popitem(last=False), o)
try:
    o.move_to_end("nope")
except KeyError as exc:
    print("KeyError", exc)
try:
    OrderedDict().popitem()
except KeyError as exc:
    print("KeyError", exc)
p = OrderedDict(x=1, y=2)
q = OrderedDict(y=2, x=1)
print(p == q, p != q, p == dict(q), dict(q) == p, p != dict(q), p == {"x": 1})
print(p | {"z": 3}, type(p | {}).__name__, {"z": 3} | p, type({} | p).__name__)
p |= [("w", 0)]
print(p)
print(p.setdefault("x", 9), p.setdefault("new", 9), p.pop("new"), p.pop("nope", "dflt"))
try:
    p.pop("nope")
except KeyError as exc:
    print("KeyError", exc)
print(OrderedDict.fromkeys("abc", 0), type(OrderedDict.fromkeys("a")).__name__)
print(p.copy(), type(p.copy()).__name__, copy.copy(p), copy.deepcopy(p) == p)
print(dict(p), {**p}, list(p.items()), p.get("x"), "x" in p, "x" in p.keys())
print(("x", 1) in p.items(), p.keys() & {"x", "q"}, p.keys() == {"x", "y", "w"})
print(OrderedDict(), repr(OrderedDict(a=OrderedDict())))
rec = OrderedDict()
rec["me"] = rec
print(rec)
print(json.dumps(OrderedDict([("b", 1), ("a", 2)])))
try:
    hash(OrderedDict())
except TypeError as exc:
    print("TypeError", exc)
try:
    OrderedDict(1)
except TypeError as exc:
    print("TypeError", exc)
od = OrderedDict(a=1)
od.extra = "attr"
print(od.extra, vars(od))
lru = OrderedDict()
for i in range(20):
    key = i % 7
    if key in lru:
        lru.move_to_end(key)
    lru[key] = i
    if len(lru) > 4:
        lru.popitem(last=False)
print(lru)

# --- copies, overrides and mixed comparisons ----------------------------------------------
od = OrderedDict(a=1)
od.x = 2
print(copy.copy(od).__dict__, copy.deepcopy(od), copy.deepcopy(od).__dict__)
print(d.__reduce__()[:2], Counter("ab").__reduce__())


class L(list):
    pass


lst = L([1, [2]])
lst.tag = 1
lcopy = copy.deepcopy(lst)
print(lcopy, type(lcopy).__name__, lcopy.tag, lcopy[1] is lst[1], copy.copy(lst)[1] is lst[1])


def gen():
    yield "a"
    yield "a"
    raise ValueError("boom")


partial = Counter()
try:
    partial.update(gen())
except ValueError:
    print(partial)
print(Counter("ab") == Counter("ba"), OrderedDict(a=1) == Counter(a=1), Counter(a=1) == OrderedDict(a=1))
print(OrderedDict(a=1).__eq__(3), Counter().__eq__(3))


class MD(defaultdict):
    def __missing__(self, k):
        return 42


print(MD(int)["x"], defaultdict(int).__missing__("k"))
try:
    defaultdict().__missing__("k")
except KeyError as exc:
    print(repr(exc))


class LoudOD(OrderedDict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)


lo = LoudOD([("a", 1)], b=2)
lo.update(c=3)
print(lo.popitem(last=False), lo.copy(), OrderedDict(a=1).values())
