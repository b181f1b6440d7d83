# match: class patterns: __match_args__, keyword subpatterns, builtins matching themselves,
# isinstance through subclasses, dataclasses and namedtuples, and the TypeErrors.
from dataclasses import dataclass
from collections import namedtuple


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


@dataclass
class Line:
    start: Point
    end: Point


Pair = namedtuple("Pair", "left right")


def where(v) -> str:
    match v:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, z=0):
            return f"flat 3d {x},{y}"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return f"somewhere {type(v).__name__}"
        case Line(Point(x1, y1), Point(x2, y2)):
            return f"line {x1},{y1} -> {x2},{y2}"
        case Pair(left, right=[*items]):
            return f"pair {left} list {items}"
        case Pair(l, r):
            return f"pair {l} {r}"
        case int(n) | float(n) if n < 0:
            return f"negative number {n!r}"
        case bool(b):
            return f"bool {b}"
        case int(n):
            return f"int {n}"
        case str() | bytes():
            return f"text {v!r}"
        case list([a, *_]) | tuple((a, *_)):
            return f"container starting {a!r}"
        case dict({"k": k}):
            return f"dict k={k}"
        case object(__class__=cls):
            return f"object of class {cls.__name__}"


for v in [Point(0, 0), Point3(1, 2, 0), Point3(1, 2, 3), Point(0, 5), Point(4, 0), Point(3, 3),
          Point(1, 2), Line(Point(1, 2), Point(3, 4)), Pair(1, [2, 3]), Pair(1, (2, 3)), -3, -2.5,
          True, 7, "s", b"b", [9, 8], (7,), {"k": 1}, {"j": 1}, 1.5, None]:
    print(where(v))


class MyInt(int):
    pass


match MyInt(5):
    case MyInt(x):
        print("MyInt binds itself", x, type(x).__name__)


class Bad:
    __match_args__ = ["x"]
    x = 1


class NoAttr:
    __match_args__ = ("missing",)


class NumArgs:
    __match_args__ = (1,)


def too_many(v):
    match v:
        case Point(a, b, c):
            return "no"


def list_args(v):
    match v:
        case Bad(a):
            return "no"


def repeated(v):
    match v:
        case Point(a, x=b):
            return "no"


def not_a_type(v):
    match v:
        case where(a):
            return "no"


def missing(v):
    match v:
        case NoAttr(a):
            return "no"
        case _:
            return "no match"


def int_element(v):
    match v:
        case NumArgs(a):
            return "no"


class Plain:
    pass


def no_match_args(v):
    match v:
        case Plain(a):
            return "no"


def self_two(v):
    match v:
        case int(a, b):
            return "no"


def not_instance_first(v):
    match v:
        case Point(a, b, c):
            return "no"
        case _:
            return "no match (isinstance is tested first)"


for f, v in [(too_many, Point(1, 2)), (list_args, Bad()), (repeated, Point(1, 2)),
             (not_a_type, 5), (missing, NoAttr()), (int_element, NumArgs()),
             (no_match_args, Plain()), (self_two, 3), (not_instance_first, 3),
             (self_two, "s")]:
    try:
        print(f.__name__, "->", f(v))
    except TypeError as e:
        print(f.__name__, "-> TypeError:", e)
