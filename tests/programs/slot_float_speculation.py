# Attribute loads expected to hold floats (every `self.x = ...` stores a `float`-annotated
# parameter) are checked at each load; anything else must behave exactly as CPython.


class Point:
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def norm2(self) -> float:
        return self.x * self.x + self.y * self.y

    def scaled(self, k: float) -> float:
        return self.x * k - self.y / k

    def above(self, limit: float) -> bool:
        return self.x + self.y > limit


class Point3(Point):
    def set_z(self) -> None:
        other = self
        other.x = [1, 2]


def shift(p: Point, d: float) -> None:
    p.x = p.x + d


def main() -> None:
    p = Point(3.0, 4.0)
    print(p.norm2(), p.scaled(2.0), p.above(6.5), p.above(7.5))
    # Ints passed to `x: float`: CPython keeps them ints.
    q = Point(3, 4)
    print(q.norm2(), q.scaled(2), q.scaled(2.0), q.above(6))
    # Mixed: one float, one int.
    m = Point(1.5, 2)
    print(m.norm2(), m.scaled(4), m.above(3.5))
    # Big ints and bools.
    b = Point(10**20, True)
    print(b.norm2(), b.above(0))
    # A later store of a str: `*` of two strs raises.
    p.x = "s"
    try:
        print(p.norm2())
    except TypeError as e:
        print("TypeError:", e)
    p.y = 2
    try:
        print(p.scaled(3))
    except TypeError as e:
        print("TypeError:", e)
    # setattr and vars() store other types.
    setattr(p, "x", 7)
    print(p.norm2())
    vars(p)["x"] = 0.5
    print(p.norm2())
    p.__dict__["y"] = 1.25
    print(p.norm2(), p.above(1.0))
    shift(p, 1)
    print(p.norm2(), p.x)
    # A subclass stores a list.
    s = Point3(1.0, 2.0)
    print(s.norm2())
    s.set_z()
    try:
        print(s.norm2())
    except TypeError as e:
        print("TypeError:", e)
    # NaN and infinities stay floats.
    n = Point(float("nan"), float("inf"))
    print(n.norm2(), n.above(0.0), n.scaled(-1.0))
    z = Point(-0.0, 0.0)
    print(z.norm2(), z.scaled(1.0))
    try:
        print(z.scaled(0.0))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    # Loop over many points: the total is the same whichever path each takes.
    total = 0.0
    for i in range(1000):
        pt = Point(i * 0.5, 1.0) if i % 3 else Point(i, 2)
        total += pt.norm2()
    print(total)
    # del: the load raises AttributeError with CPython's text.
    del p.x
    try:
        print(p.norm2())
    except AttributeError as e:
        print("AttributeError:", e)


main()
