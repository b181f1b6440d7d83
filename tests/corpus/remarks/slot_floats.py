class Point:
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def norm2(self) -> float:
        return self.x * self.x + self.y * self.y


class Label:
    def __init__(self, text, size: float) -> None:
        self.text = text
        self.size = size

    def grow(self, k: float) -> None:
        self.size = self.size * k

    def shout(self) -> str:
        return self.text + "!"


p = Point(3.0, 4.0)
print(p.norm2())
b = Label("a", 2.0)
b.grow(1.5)
print(b.shout(), b.size)
