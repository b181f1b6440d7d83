# collections.namedtuple: construction, field access, _make/_asdict/_replace, defaults, errors.
from collections import namedtuple

Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(p, repr(p), p.x, p.y, p[0], p[1], len(p), tuple(p), list(p))
print(type(p).__name__, isinstance(p, tuple), Point.__name__, Point.__qualname__, Point._fields)
print(p == (1, 2), p == Point(1, 2), p < Point(1, 3), hash(p) == hash((1, 2)), p + (3,))
x, y = p
print(x, y, Point(y=5, x=4), Point._make([7, 8]), p._replace(y=9), p._asdict())
print(Point.__doc__, Point.x.__doc__, Point.__new__.__doc__, Point.__match_args__)
print(Point.__new__.__qualname__, Point._make.__qualname__, Point.__repr__.__qualname__)
print(p.__getnewargs__(), Point._field_defaults, Point.__slots__, hasattr(p, "__dict__"))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[10, 20])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults, P3(c=5, a=0))
R = namedtuple("R", "abc, def, _x, abc", rename=True)
print(R._fields, R(1, 2, 3, 4))
M = namedtuple("M", "u v", module="geometry")
print(M.__module__, M(1, 2))
E = namedtuple("E", "")
print(E(), E._fields, len(E()))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), max(Point(3, 0), Point(2, 9)))
d = {Point(0, 0): "origin"}
print(d[(0, 0)], d[Point(0, 0)], Point(1, 2) in {(1, 2)})
print("%s and %s" % Point("a", "b"), "{0.x}-{0.y}".format(p), f"{p}")


class Point3(namedtuple("Point3", "x y z")):
    __slots__ = ()

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)

    def __str__(self):
        return "P3<%d,%d,%d>" % self


q = Point3(1, -2, 3)
print(q, repr(q), q.norm1, q._replace(x=0), type(q._replace(x=0)).__name__, Point3.__mro__[1].__name__)
for args, kwargs in [((), {}), ((1,), {}), ((1, 2, 3), {}), ((1,), {"z": 2}), ((1,), {"x": 2})]:
    try:
        Point(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
try:
    P3()
except TypeError as e:
    print("TypeError:", e)
try:
    P3(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    Point._make([1])
except TypeError as e:
    print("TypeError:", e)
try:
    p._replace(z=3)
except ValueError as e:
    print("ValueError:", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.z = 5
except AttributeError as e:
    print("AttributeError:", e)
for bad in [("Bad", "a a"), ("Bad", "_a"), ("Bad", "class"), ("1x", "a"), ("Bad", "a-b"), ("Bad", ["a", 5])]:
    try:
        namedtuple(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    namedtuple("T", "a", defaults=[1, 2])
except TypeError as e:
    print("TypeError:", e)
print(Point.x, type(Point.x).__name__)
