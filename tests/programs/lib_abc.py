from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self) -> float:
        ...

    @abstractmethod
    def name(self) -> str:
        ...

    def describe(self) -> str:
        return "%s of area %s" % (self.name(), self.area())


class Square(Shape):
    def __init__(self, side: float):
        self.side = side

    def area(self) -> float:
        return self.side * self.side

    def name(self) -> str:
        return "square"


class Half(Shape):
    def area(self) -> float:
        return 0.5


print(Square(3).describe(), isinstance(Square(2), Shape), issubclass(Square, ABC))
print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__), Square.__abstractmethods__)
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)


class Plain(ABC):
    pass


print(type(Plain()).__name__)
try:
    Plain(1)
except TypeError as e:
    print("TypeError:", e)


class WithProps(ABC):
    @property
    @abstractmethod
    def size(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...

    @staticmethod
    @abstractmethod
    def helper():
        ...


class Done(WithProps):
    size = 4

    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def helper():
        return "h"


print(sorted(WithProps.__abstractmethods__), Done.make().size, Done.helper())
print(Shape.__mro__)
Half()
