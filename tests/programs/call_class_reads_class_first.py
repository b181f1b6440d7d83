# `C(args)` reads the class before its arguments run, as CPython does: before the `class`
# statement has run the name error comes first; a class rebound while the arguments run is
# still the one constructed. Arguments computed from attributes (`Vec(self.x + o.x, ...)`)
# construct directly.
import sys


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


def side(v):
    print("side", v)
    return v


def early():
    return Later(side(1))


def early_div():
    return Later(1 // 0)


for fn in (early, early_div):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__, e)


class Later:
    def __init__(self, v):
        self.v = v


class Other:
    def __init__(self, v):
        self.v = ("other", v)


def rebind(v):
    sys.modules[__name__].Later = Other
    return v


def make(v):
    return Later(rebind(v)).v, Later(v).v


print(make(3))
acc = Vec(0, 0)
one = Vec(1, 2.5)
for i in range(5):
    acc = acc.add(one)
print(acc)
try:
    Vec(1, 2).add(Vec("a", 3))
except TypeError as e:
    print("TypeError", e)
