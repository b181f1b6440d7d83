import math


class Shape:
    def area(self) -> float:
        return 0.0

    def name(self) -> str:
        return type(self).__name__.lower()

    def __repr__(self):
        return f"<{self.name()} area={self.area():.3f}>"


class Circle(Shape):
    def __init__(self, r: float):
        self.r = r

    def area(self) -> float:
        return math.pi * self.r ** 2


class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)

    def name(self):
        return "square!"


shapes = [Circle(1), Rect(2, 3.5), Square(4), Shape(), Circle(0.5)]
for s in shapes:
    print(s, s.area())
print(sorted(shapes, key=lambda s: s.area()))
print(sum(s.area() for s in shapes))
print([s.name() for s in shapes if isinstance(s, Rect)])
print(max(shapes, key=lambda s: s.area()).name())
