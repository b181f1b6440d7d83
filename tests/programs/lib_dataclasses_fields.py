# dataclasses: inheritance, kw_only and KW_ONLY, InitVar, ClassVar, __post_init__,
# match_args, replace with InitVar.
import dataclasses
from dataclasses import dataclass, field, InitVar, KW_ONLY, asdict, astuple, replace, is_dataclass, fields
from typing import ClassVar, List
import typing


@dataclass
class Base:
    x: int
    y: int = 1


@dataclass
class Derived(Base):
    z: int = 2
    x: int = 10


print(Derived(), Derived(1, 2, 3), [f.name for f in fields(Derived)])
print(Derived.__doc__, Derived.__match_args__)


class NotData(Base):
    w: int = 5


print(NotData(3), fields(NotData) == fields(Base))


@dataclass
class Counter:
    total: ClassVar[int] = 0
    kind: typing.ClassVar = "c"
    n: int = 0

    def __post_init__(self):
        Counter.total += 1


Counter(); Counter(3)
print(Counter.total, Counter.kind, [f.name for f in fields(Counter)], Counter(2))


@dataclass
class WithInit:
    a: int
    scale: InitVar[int] = 2
    scaled: int = field(init=False)

    def __post_init__(self, scale):
        self.scaled = self.a * scale


w = WithInit(3)
print(w, WithInit(3, 5), hasattr(w, "scale"), WithInit.scale)
print(WithInit.__dataclass_fields__["scale"]._field_type, InitVar[int], WithInit.__doc__)
print(replace(w, a=4), replace(w, a=4, scale=10))
try:
    replace(w, scaled=1)
except ValueError as e:
    print("ValueError:", e)


@dataclass
class NeedsInitVar:
    a: int
    k: InitVar[int]

    def __post_init__(self, k):
        self.a += k


try:
    replace(NeedsInitVar(1, 2), a=3)
except ValueError as e:
    print("ValueError:", e)


@dataclass(kw_only=True)
class KW:
    a: int
    b: int = 2


print(KW(a=1), KW.__match_args__, KW.__doc__)
try:
    KW(1)
except TypeError as e:
    print("TypeError:", e)
try:
    KW()
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int
    c: int = 3
    d: int = field(default=4, kw_only=False)


print(Mixed(1, 5, b=2), Mixed.__match_args__, Mixed.__doc__, [f.kw_only for f in fields(Mixed)])
try:
    Mixed(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    Mixed(1, 2, 3, b=1)
except TypeError as e:
    print("TypeError:", e)
try:
    Mixed(1)
except TypeError as e:
    print("TypeError:", e)
