# A deleted attribute expected to hold a float: the checked load raises CPython's
# AttributeError, uncaught.


class Vec:
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def dot(self, other: "Vec") -> float:
        return self.x * other.x + self.y * other.y


a = Vec(1.0, 2.0)
b = Vec(3.0, 4.0)
print(a.dot(b))
del b.y
print(a.dot(b))
