class Point:
    def __init__(self, x: int, y: int):
        self.x = x
        self.y = y

    def __repr__(self) -> str:
        return f"Point({self.x}, {self.y})"

    def __str__(self) -> str:
        return f"({self.x}, {self.y})"

    def __eq__(self, other) -> bool:
        if not isinstance(other, Point):
            return NotImplemented
        return self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))


class Plain:
    pass


p = Point(1, 2)
q = Point(1, 2)
r = Point(2, 1)
print(p, repr(p), str(p), [p, r], (p,), {"k": p})
print(f"{p}", f"{p!r}", "%s %r" % (p, p))
print(p == q, p != q, p == r, p is q, p == (1, 2), p != "x")
d = {p: "first"}
d[q] = "second"
d[r] = "third"
print(len(d), d[Point(1, 2)], d)
s = {p, q, r, Point(2, 1)}
print(len(s), sorted(s, key=lambda pt: (pt.x, pt.y)))
print(p in [r, q], Point(9, 9) in [p, q], [p, r].index(Point(2, 1)), [p, q, r].count(p))
a = Plain()
b = Plain()
print(a == b, a == a, a != b)
