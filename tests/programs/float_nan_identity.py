# Every NaN made at run time is a distinct object: identity decides container lookups.
import math
a = float("nan")
b = float("nan")
print(a is a, a is b, a == a, a != a)
print({a: 1}.get(b), {a: 1}.get(a))
print(a in [a], a in [b], [a] == [a], [a] == [b], (a,) == (a,), (a,) == (b,))
print(a in {a}, b in {a}, a in (1, a), len({a, b, a}))
c = a
print(c is a, a + 1 is a, -a is a, +a is a, abs(a) is a)
d = {a: "x", b: "y"}
print(len(d), d[a], d[b])
inf = float("inf")
n1 = inf - inf
n2 = inf - inf
print(n1 is n2, n1 == n1, n1 is n1, [n1] == [n1], n1 in [n2])
x: float = 1e308
y: float = x * 10.0
z: float = y - y
w: float = y - y
print(z is w, z is z, [z] == [z], [z] == [w], repr(z), math.isnan(w))
nan3 = math.nan
print(nan3 is math.nan, nan3 is nan3, math.nan is math.nan)
lst = [a, b, 1.5]
print(lst.count(a), lst.index(b), a in lst, sorted([3.0, 1.0]) == [1.0, 3.0])
print(max([a]) is a, min(a, 1.0) is a, float(a) is a, a.conjugate() is a)
def f(v: float) -> float:
    return v * 0.0
print(f(inf) is f(inf), repr(f(inf)), f(1.0))
s = {float("nan") for _ in range(5)}
print(len(s))
print(round(a, 2) is a, str(a), repr(-a), hash(a) == hash(a))
k = [0.0, a]
print(k.index(a), k.count(float("nan")))
