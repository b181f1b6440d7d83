# A module class read as a global while `Point(...)` is constructed directly: the read
# goes through the class's slot, which must follow rebinding, deletion and decorators.
class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y


def make(i: int) -> Point:
    return Point(i, i + 1)


def kind() -> str:
    return Point.__name__


print(make(1).x, kind())


class Point:  # a second class statement: the slot now holds the new class
    def __init__(self, x: int, y: int) -> None:
        self.x = x * 10
        self.y = y


print(make(2).x, kind())


def rebind() -> None:
    global Point

    class Other:
        def __init__(self, a: int, b: int) -> None:
            self.x = -a

        __name__ = "Other"

    Point = Other


rebind()
print(make(3).x, type(make(3)).__name__)

del Point
try:
    make(4)
except NameError as e:
    print("NameError:", e)
try:
    kind()
except NameError as e:
    print("NameError:", e)


def swap(cls):
    class Swapped:
        def __init__(self, x: int, y: int) -> None:
            self.x = ("swapped", x)

    return Swapped


@swap
class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x


print(make(5).x, kind())
import sys
setattr(sys.modules[__name__], "Point", int)
try:
    make(6)
except TypeError as e:
    print("TypeError:", e)
print(kind())
