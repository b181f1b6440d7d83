class Shape:
    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> float:
        return 0.0

    def describe(self) -> str:
        return f"{self.name} with area {self.area():.2f}"


class Rect(Shape):
    def __init__(self, w: float, h: float) -> None:
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self) -> float:
        return self.w * self.h


class Square(Rect):
    def __init__(self, side: float) -> None:
        super().__init__(side, side)
        self.name = "square"

    def describe(self) -> str:
        return "[" + super().describe() + "]"


class Circle(Shape):
    def __init__(self, r: float) -> None:
        super().__init__("circle")
        self.r = r

    def area(self) -> float:
        return 3.14159 * self.r * self.r


shapes = [Shape("blob"), Rect(2.0, 3.5), Square(3.0), Circle(1.0)]
for s in shapes:
    print(s.describe())
print(isinstance(shapes[2], Rect), isinstance(shapes[2], Shape), isinstance(shapes[3], Rect))
print(sum(s.area() for s in shapes))
