# dataclasses: slots=True, make_dataclass, Field repr, string annotations.
from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field, fields, make_dataclass, InitVar, KW_ONLY
from typing import ClassVar


@dataclass(slots=True)
class P:
    x: int
    y: int = 0


p = P(1)
print(p, P.__slots__, hasattr(p, "__dict__"), P(1, 2) == P(1, 2))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
print(type(P.__dict__["x"]).__name__, "y" in P.__dict__, P.__doc__)


@dataclass(slots=True, frozen=True)
class FP:
    a: int
    b: str = "b"


fp = FP(3)
print(fp, hash(fp) == hash((3, "b")), fp.__getstate__())
try:
    fp.a = 1
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)

try:
    @dataclass(slots=True)
    class Twice:
        __slots__ = ("a",)
        a: int
except TypeError as e:
    print("TypeError:", e)

try:
    @dataclass(weakref_slot=True)
    class Weak:
        a: int
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Strs:
    a: int
    b: ClassVar[int] = 3
    c: typing.ClassVar[str] = "c"
    d: InitVar[int] = 0
    e: dataclasses.InitVar[int] = 1
    _: KW_ONLY
    f: list[int] = field(default_factory=list)

    def __post_init__(self, d, e):
        self.a += d + e


s = Strs(1, 2, 3, f=[1])
print(s, [f.name for f in fields(Strs)], Strs.__annotations__)
print(Strs.__doc__)
print(Strs.__dataclass_fields__["b"]._field_type, Strs.__dataclass_fields__["d"]._field_type)


Made = make_dataclass("Made", ["a", ("b", int), ("c", int, 5), ("d", list, field(default_factory=list))])
m = Made(1, 2)
print(m, Made.__module__, Made.__name__, Made.__annotations__, Made.__doc__)
print(Made(1, 2) == Made(1, 2, 5, []), fields(Made)[0].type)

Ordered = make_dataclass("Ordered", [("v", int)], order=True, frozen=True, namespace={"double": lambda self: self.v * 2})
print(sorted([Ordered(3), Ordered(1)]), Ordered(4).double(), hash(Ordered(1)) == hash((1,)))

for bad in (["a", "a"], ["class"], [("a b", int)], [(1, int)], [("a", int, 1, 2)]):
    try:
        make_dataclass("Bad", bad)
    except TypeError as e:
        print("TypeError:", e)

Sub = make_dataclass("Sub", [("z", int, 0)], bases=(P,))
print(Sub(1, 2, 3), issubclass(Sub, P))

f = field(default=3, repr=False, kw_only=True, metadata={"a": 1})
print(f.default, f.repr, f.kw_only, f.metadata, f.name, f.type, f._field_type)


class Desc:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)

    def __get__(self, obj, owner=None):
        return 42

    def __repr__(self):
        return "Desc()"


@dataclass
class UsesDesc:
    d: int = field(default=Desc())


print(UsesDesc(), UsesDesc(5))


@dataclass
class Recursive:
    items: list = field(default_factory=list)


r = Recursive()
r.items.append(r)
print(r)
print(dataclasses.asdict(Recursive([Recursive([1])])))
print(repr(fields(P)[0])[:60])
