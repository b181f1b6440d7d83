# Attribute semantics that fixed-layout slots and inline caches must keep: slots
# read and written through `self` and from outside, inheritance, `__dict__`,
# `del`, properties added later, `__setattr__`, class attribute updates,
# instance attributes that shadow methods, and `__getattr__` on a miss.


class Point:
    count = 0

    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y
        Point.count += 1

    def norm2(self) -> int:
        return self.x * self.x + self.y * self.y

    def shift(self, dx: int) -> None:
        self.x += dx
        self.label = "shifted"


class Point3(Point):
    def __init__(self, x: int, y: int, z: int) -> None:
        super().__init__(x, y)
        self.z = z

    def norm2(self) -> int:
        return self.x * self.x + self.y * self.y + self.z * self.z


class Logged:
    def __init__(self) -> None:
        self.log = []
        self.value = 0

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        object.__setattr__(self, name, value)


class Fallback:
    def __init__(self) -> None:
        self.real = 1

    def __getattr__(self, name):
        return "fallback:" + name


def total(points) -> int:
    s = 0
    for p in points:
        s += p.norm2()
    return s


points = [Point(i, i + 1) for i in range(4)] + [Point3(1, 2, 3)]
print("total", total(points), "count", Point.count)
p = points[0]
p.shift(5)
print(p.x, p.y, p.label)
print(sorted(p.__dict__.items()))
p.x = 11
p.__dict__["y"] = 12
print(p.x, p.y, p.norm2())
q = Point(3, 4)
del q.y
try:
    print(q.y)
except AttributeError as e:
    print("AttributeError:", e)
q.y = 5
print(q.norm2())
q.extra = "dict attribute"
print(q.extra, q.norm2())
q.norm2 = lambda: "instance attribute wins"
print(q.norm2())
r = Point3(1, 1, 1)
for _ in range(3):
    r.z = r.z + r.x
print(r.z, r.norm2(), isinstance(r, Point))
logged = Logged()
logged.value = 5
logged.value += 1
print(logged.value, logged.log)
f = Fallback()
print(f.real, f.missing)
s = Point(1, 2)
for i in range(3):
    s.x = s.x + i
print(s.x)
Point.x = property(lambda self: 100, lambda self, v: None)
t = Point(7, 8)
print(t.x, t.y, s.y)
Point.norm2 = lambda self: -1
print(t.norm2(), r.norm2())
print(getattr(r, "z"), getattr(r, "w", "default"), hasattr(t, "label"))


# Method calls compiled as direct calls behind an inline cache: overrides, patched
# classes and instance attributes must still win.
class Counter:
    def __init__(self) -> None:
        self.n = 0

    def bump(self, k: int) -> int:
        self.n += k
        return self.n

    def run(self, times: int) -> int:
        for i in range(times):
            self.bump(i)
        return self.n


class Doubling(Counter):
    def bump(self, k: int) -> int:
        self.n += 2 * k
        return self.n


c = Counter()
print(c.run(5), Doubling().run(5), c.run(2))


def patched(self, k):
    self.n -= k
    return self.n


Counter.bump = patched
print(c.run(3))
c2 = Doubling()
c2.bump = lambda k: print("instance bump", k)
print(c2.run(2))
