class Point:
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def add(self, other: "Point") -> "Point":
        return Point(self.x + other.x, self.y + other.y)

    def scale(self, k: float) -> "Point":
        return Point(self.x * k, self.y * k)

    def norm2(self) -> float:
        return self.x * self.x + self.y * self.y


def walk(steps: int) -> Point:
    p = Point(0.0, 0.0)
    d = Point(1.0, 0.5)
    for i in range(steps):
        p = p.add(d.scale(float(i)))
    return p


p = walk(10)
print(p.x, p.y)
print(p.norm2())
points = [Point(float(i), float(-i)) for i in range(5)]
print([q.norm2() for q in points])
