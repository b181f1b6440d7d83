# dataclasses: the compiler writes the __init__ of simple @dataclass classes (no bases,
# literal defaults); what shows must be what CPython's generated __init__ shows, and the
# classes it does not handle keep the generated one.
import dataclasses
from dataclasses import dataclass, field
from typing import ClassVar

CV = ClassVar


def attempt(fn, *args, **kwargs):
    try:
        result = fn(*args, **kwargs)
        print("ok:", result)
    except Exception as e:
        print(type(e).__name__ + ":", e)


@dataclass
class Vec:
    x: float
    y: float

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def norm2(self):
        return self.x * self.x + self.y * self.y


@dataclass()
class Defaults:
    "A docstring of its own."
    n: int
    f: float = -2.5
    s: str = "text"
    b: bool = True
    z: None = None
    h: int = 0x10
    big: int = 1_000_000_000_000_000_000_000
    neg: int = -7
    count = 3  # a class attribute, not a field

    def total(self):
        return self.n + self.f + self.h + self.neg


@dataclasses.dataclass(eq=False, repr=True, order=False, match_args=True)
class Through:
    a: "int"
    b: list = None


@dataclass(order=True, unsafe_hash=True)
class Ordered:
    rank: int
    name: str = ""


@dataclass
class Post:
    w: float
    h: float

    def __post_init__(self):
        self.area = self.w * self.h
        print("post_init", self.w, self.h)


@dataclass
class Empty:
    pass


@dataclass(init=True)
class WithObject(object):
    v: int = 1


# The method
print(Vec.__init__.__qualname__, Vec.__init__.__name__, Vec.__init__.__module__)
print(Vec.__init__.__defaults__, Vec.__init__.__kwdefaults__)
print(Defaults.__init__.__defaults__)
print(Defaults.__init__.__qualname__, Empty.__init__.__qualname__, WithObject.__init__.__defaults__)
print(Vec.__init__.__dict__, callable(Vec.__init__))

# The class
for cls in (Vec, Defaults, Through, Ordered, Post, Empty, WithObject):
    # (molt lists a class docstring before `__annotations__`, CPython after)
    print(cls.__name__, list(cls.__dict__) if cls is not Defaults else "")
    print("  doc:", cls.__doc__)
    print("  annotations:", cls.__dict__.get("__annotations__"))
    print("  fields:", [f.name for f in dataclasses.fields(cls)])
    print("  match_args:", getattr(cls, "__match_args__", None))
    print("  marker:", hasattr(cls, "__molt_dataclass_init__"))
print(Defaults.f, Defaults.s, Defaults.count, Through.b)

# Instances
v = Vec(3.0, 4.0)
print(v, v.norm2(), v.add(Vec(1.0, 1.0)), vars(v))
print(Vec(3, 4), Vec(3, 4).norm2(), Vec("a", "b"), Vec(x=1.5, y=2))
print(Vec(1.0, 2.0) == Vec(1.0, 2.0), Vec(1.0, 2.0) == Vec(2.0, 1.0), Vec.__hash__)
d = Defaults(1)
print(d, d.total())
print(Defaults(2, 0.5, "s", False, 4, 5, 6, 7))
print(Defaults(n=3, neg=1), Defaults(4, s="t").s)
print(Through(1), Through(1, [2]) == Through(1, [2]))
print(Ordered(1, "a") < Ordered(2), sorted([Ordered(3), Ordered(1, "z"), Ordered(1, "b")]))
print(hash(Ordered(1, "a")) == hash(Ordered(1, "a")))
p = Post(2.0, 3.5)
print(p, p.area, vars(p))
print(Empty(), Empty() == Empty(), WithObject(), WithObject(5))
match Vec(1.0, 0.0):
    case Vec(x, 0.0):
        print("on the x axis at", x)
print(dataclasses.replace(v, y=0.0), dataclasses.asdict(d), dataclasses.astuple(Ordered(9)))
v.x = "changed"
v.extra = 1
print(v, vars(v))
del v.y
attempt(repr, v)
attempt(lambda: Vec(1.0, 2.0).add(Vec("a", "b")))

# Argument errors: CPython's text
attempt(Vec)
attempt(Vec, 1.0)
attempt(Vec, 1.0, 2.0, 3.0)
attempt(Vec, 1.0, 2.0, z=3.0)
attempt(Vec, 1.0, x=2.0)
attempt(Vec, self=1.0, x=2.0, y=3.0)
attempt(Vec, y=1.0)
attempt(Defaults)
attempt(Defaults, 1, 2, 3, 4, 5, 6, 7, 8, 9)
attempt(Defaults, 1, n=1)
attempt(Empty, 1)
attempt(Empty, a=1)
attempt(Post, 1.0)
attempt(WithObject, 1, 2)
attempt(Vec.__init__, Vec(0.0, 0.0), 1.0)
attempt(Vec.__init__)


# Not compiled: the generated method, unchanged
@dataclass(frozen=True)
class Frozen:
    x: int
    y: int = 0


@dataclass(kw_only=True)
class KwOnly:
    x: int
    y: int = 0


@dataclass
class Factory:
    x: int
    items: list = field(default_factory=list)


@dataclass
class WithClassVar:
    x: int
    total: ClassVar[int] = 0


@dataclass
class AliasClassVar:
    # An alias the compiler cannot see through: dataclasses drops the compiled method.
    x: int
    total: CV[int] = 0


@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 2


@dataclass
class Child(Vec):
    z: float = 0.0


class Plain(Vec):
    def length(self):
        return self.norm2() ** 0.5


@dataclass
class HasInit:
    x: int

    def __init__(self, x, y):
        self.x = x + y


for cls in (Frozen, KwOnly, Factory, WithClassVar, AliasClassVar, Slotted, Child, Plain, HasInit):
    # (the docstring of a class with a hand-written __init__ is a molt: error)
    print(cls.__name__, cls.__init__.__qualname__, "doc:", cls.__doc__ if cls is not HasInit else "")
    print("  fields:", [f.name for f in dataclasses.fields(cls)])
print(Frozen(1), KwOnly(x=1), Factory(1), WithClassVar(2), AliasClassVar(3), Slotted(4))
print(Child(1.0, 2.0, 3.0), Child(1.0, 2.0), Plain(3.0, 4.0).length(), Plain(3.0, 4.0))
print(HasInit(1, 2), AliasClassVar.total, WithClassVar.total)
attempt(AliasClassVar, 1, 2)


def build_alias(a, b):
    # A direct construction of the compiled method, which dataclasses dropped.
    return AliasClassVar(a, b)


attempt(build_alias, 1, 2)
attempt(Child, 1.0)
attempt(Plain, 1.0)
attempt(KwOnly, 1)
attempt(Frozen, 1, 2, 3)

# Construction in a loop (the direct call and the attribute slots)
acc = Vec(0.0, 0.0)
for i in range(1000):
    acc = acc.add(Vec(i * 0.5, 1.0))
print(acc, acc.norm2())
mixed = Vec(0, 0)
for i in range(10):
    mixed = mixed.add(Vec(i, 2))
print(mixed)
posts = [Post(float(i), 2.0).area for i in range(3)]
print(posts)
Post(1.0, "x")
