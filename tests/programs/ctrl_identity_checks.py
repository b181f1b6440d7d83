# `is` where CPython's answer does not depend on object caching: None, bools, small ints
# (-5..256 are cached), different values, containers, classes, NaN objects.
import math

x = None
zero = 0
empty = []
print(x is None, x is not None, zero is None, empty is None)
t = True
print(t is True, (1 == 1) is True, (1 == 2) is False, bool(3) is True)
a = 100
b = 50 + 50
c = int("256")
d2 = 255 + 1
print(a is b, c is d2, -zero is zero)
small = [i for i in range(-5, 257)]
print(all(small[i] is small[i] for i in range(len(small))))
three = 3
print(int("7") is int("7"), (three - 7) is (three - 7))
u = 1000
v = 1001
print(u is v, u is not v)
f = 1.5
g = 2.5
print(f is g, f is not g)
n = float("nan")
m = float("nan")
print(n is n, n is m, n is not m, math.isnan(n))
l1 = [1, 2]
l2 = l1
l3 = [1, 2]
print(l1 is l2, l1 is l3, l1 == l3)
d = {}
print(d is d, {} is d)


class K:
    pass


k1, k2 = K(), K()
print(k1 is k1, k1 is k2, type(k1) is K, type(k1) is not object, K is K)
print(type(1) is int, type(1.0) is float, type("") is str, type(True) is bool, type(None) is type(None))
s = "abc"
print(s is s, type(s) is str)
