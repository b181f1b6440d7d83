# copy/deepcopy, dataclasses.asdict/astuple, operator.countOf/indexOf and the collections'
# count/index/remove over floats and ints outside the small-int cache (values molt keeps
# unboxed, where a plain `is` between two equal ones is refused).
import copy
import operator
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, asdict, astuple, field


@dataclass
class P:
    x: float
    y: int


@dataclass
class Box:
    name: str
    points: list = field(default_factory=list)
    weights: dict = field(default_factory=dict)
    big: int = 10**30


print(copy.deepcopy([1, "a"]))
print(asdict(P(1.5, 2)), astuple(P(1.5, 2)))
print(copy.deepcopy(1.5), copy.deepcopy(10**30), copy.deepcopy(-7 * 10**20))
print(copy.deepcopy(1000), copy.deepcopy(-1000), copy.deepcopy(2.0**70), copy.deepcopy(-0.0))
print(copy.copy(1.5), copy.copy(10**30), copy.copy(12345))
print(copy.deepcopy(float("inf")), copy.deepcopy(float("-inf")))
nan = float("nan")
print(copy.deepcopy(nan), copy.deepcopy([nan, 1.5])[0] is nan)

b = Box("b", [P(0.5, 1), P(2.25, 10**25)], {"w": 3.75, 1.5: 2.5}, 7 * 10**40)
print(asdict(b))
print(astuple(b))
c = copy.deepcopy(b)
print(c == b, c is b, c.points is b.points, c.points[0] is b.points[0])

t = (1.5, 10**30, 2.5)
print(copy.deepcopy(t) is t, copy.deepcopy(t) == t)
t2 = (1.5, [2.5])
d2 = copy.deepcopy(t2)
print(d2 is t2, d2 == t2, d2[1] is t2[1])
nested = {"a": [1.5, (2.5, 3.5)], 10**20: {4.5: [5.5]}, "n": (1000, -1000)}
dn = copy.deepcopy(nested)
print(dn == nested, dn["a"] is nested["a"], dn["a"][1] is nested["a"][1])

shared = [1.5, 2.5]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp, dp[0] is dp[1], dp[0] is shared)
memo = {}
x = 3.5
print(copy.deepcopy(x, memo), len(memo))
print(copy.deepcopy([x, x], memo), len(memo))

fs = frozenset([1.5, 2.5, 10**30])
print(sorted(copy.deepcopy(fs)), sorted(copy.deepcopy({1.5, 1000})))


class Holder:
    def __init__(self, v):
        self.v = v

    def __deepcopy__(self, memo):
        return self.v


print(copy.deepcopy(Holder(4.5)), copy.deepcopy([Holder(10**30)]))

vals = [1.5, 1000, 2.5, 1.5, 10**30, 10**30, -0.0, 0.0]
print(operator.countOf(vals, 1.5), operator.countOf(vals, 10**30), operator.countOf(vals, 0.0))
print(operator.indexOf(vals, 2.5), operator.indexOf(vals, 10**30), operator.indexOf(vals, 1000))
print(operator.countOf([nan, nan], nan), operator.countOf([nan], float("nan")))
try:
    operator.indexOf(vals, 9.5)
except ValueError as e:
    print("ValueError", e)

dq = deque(vals)
print(dq.count(1.5), dq.count(10**30), dq.index(2.5), dq.index(10**30), 1000 in dq)
dq.remove(10**30)
dq.remove(1.5)
print(dq)
try:
    dq.remove(9.5)
except ValueError as e:
    print("ValueError", e)
try:
    dq.index(10**31)
except ValueError as e:
    print("ValueError", e)


class Seq(Sequence):
    def __init__(self, items):
        self.items = items

    def __getitem__(self, i):
        return self.items[i]

    def __len__(self):
        return len(self.items)


s = Seq(vals)
print(s.count(1.5), s.index(10**30), 2.5 in s, 9.5 in s, s.count(1000))
try:
    s.index(9.5)
except ValueError as e:
    print("ValueError", e)
print(2.5 in {"k": 2.5}.values(), 10**30 in {"k": 10**30}.values())
