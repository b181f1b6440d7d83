"""A helper module."""
counter = 0


def greet(name: str) -> str:
    return f"hello {name} from {__name__}"


def bump() -> int:
    global counter
    counter += 1
    return counter


def read_added():
    return added


class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def norm2(self) -> int:
        return self.x * self.x + self.y * self.y

    def __repr__(self) -> str:
        return f"Point({self.x}, {self.y})"


print("helper loaded as", __name__, __doc__)
