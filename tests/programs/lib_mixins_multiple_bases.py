# Multiple inheritance with standard modules: dataclasses, abc, typing.Generic,
# collections.abc mixins, and exceptions with two builtin exception bases.
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sized, Container
from dataclasses import dataclass, field, fields
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class HasId:
    id: int = 0


@dataclass
class HasName:
    name: str = "?"
    tags: list = field(default_factory=list)


@dataclass
class Record(HasName, HasId):
    score: float = 0.0


r = Record(7, "x", [1], 2.5)
print(r, [f.name for f in fields(Record)], r == Record(7, "x", [1], 2.5))


class Shape(ABC):
    @abstractmethod
    def area(self): ...


class Named:
    def label(self):
        return f"{type(self).__name__}({self.area()})"


class Square(Named, Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


print(Square(3).label(), isinstance(Square(1), Shape))
try:
    class Half(Named, Shape):
        pass
    Half()
except TypeError as e:
    print("TypeError:", e)


class Box(Generic[T], Named):
    def __init__(self, item: T):
        self.item = item

    def area(self):
        return 1


b = Box(5)
print(b.item, b.label(), [c.__name__ for c in Box.__mro__], Box.__orig_bases__[1].__name__)


class Bag(Sized, Iterable, Container):
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __contains__(self, x):
        return x in self.items


bag = Bag(1, 2, 3)
print(len(bag), list(bag), 2 in bag, isinstance(bag, Sized), isinstance(bag, Iterable))


class LookupValueError(ValueError, KeyError):
    pass


try:
    raise LookupValueError("k")
except KeyError as e:
    print("KeyError caught:", str(e), repr(e), [c.__name__ for c in type(e).__mro__])
try:
    raise LookupValueError("v")
except ValueError as e:
    print("ValueError caught:", e.args, isinstance(e, LookupError))


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = mcls.__name__ + str(kw)
        return super().__new__(mcls, name, bases, ns)


class M1(metaclass=Meta):
    pass


class Plain:
    pass


class Both(Plain, M1, flag=1):
    pass


print(type(Both).__name__, Both.made_by, [c.__name__ for c in Both.__mro__])
