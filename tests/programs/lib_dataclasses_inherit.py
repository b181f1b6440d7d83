# dataclasses: frozen with __post_init__, non-dataclass and abstract bases, hand-written
# __eq__, asdict through collections classes, the names the module exports.
from dataclasses import dataclass, field, fields, asdict
from abc import ABC, abstractmethod
from collections import OrderedDict, defaultdict, Counter


@dataclass(frozen=True)
class F:
    a: int
    b: list = field(default_factory=list, init=False)
    c: int = field(default=3, init=False)

    def __post_init__(self):
        object.__setattr__(self, "c", self.a * 2)


print(F(1), F(1) == F(1), F(2).c)


class Plain:
    def __init__(self, q):
        self.q = q


@dataclass
class D(Plain):
    a: int = 0


print(D(), D(4), D.__doc__)


@dataclass
class Shape(ABC):
    name: str

    @abstractmethod
    def area(self):
        pass


@dataclass
class Sq(Shape):
    side: float = 1.0

    def area(self):
        return self.side ** 2


print(Sq("s", 2.0), Sq("s", 2.0).area(), Shape.__abstractmethods__, Sq.__doc__)
try:
    Shape("x")
except TypeError as e:
    print(e)


@dataclass
class E(D):
    def __eq__(self, other):
        return "custom"


print(E(1) == E(2), E.__hash__)


@dataclass
class Holder:
    od: object
    dd: object
    c: object


h = Holder(OrderedDict(a=D(1)), {"x": [D(2)]}, Counter("aab"))
print(asdict(h))
print(D.__init__.__name__, D.__repr__.__name__, D.__eq__.__qualname__)
import dataclasses
print(dataclasses.__name__, sorted(n for n in dataclasses.__all__))


