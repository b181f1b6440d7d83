# dataclasses: asdict, astuple, replace, is_dataclass, field(), init/repr/eq flags.
import dataclasses
from dataclasses import dataclass, field, InitVar, asdict, astuple, replace, is_dataclass, fields


@dataclass
class NeedsInitVar:
    a: int
    k: InitVar[int]

    def __post_init__(self, k):
        self.a += k


@dataclass
class Inner:
    a: int
    b: list


@dataclass
class Outer:
    name: str
    inner: Inner
    items: list
    table: dict
    pair: tuple


o = Outer("o", Inner(1, [Inner(2, [])]), [Inner(3, [])], {"k": Inner(4, [5])}, (Inner(5, []), 6))
d = asdict(o)
print(d)
print(astuple(o))
print(asdict(o, dict_factory=lambda pairs: sorted(pairs)))
print(astuple(Inner(1, [2]), tuple_factory=list))
print(d["inner"]["b"] is o.inner.b, type(d["pair"]))
try:
    asdict(Inner)
except TypeError as e:
    print("TypeError:", e)
try:
    astuple(5)
except TypeError as e:
    print("TypeError:", e)
try:
    fields(5)
except TypeError as e:
    print("TypeError:", e)
try:
    replace(5)
except TypeError as e:
    print("TypeError:", e)
print(is_dataclass(o), is_dataclass(Outer), is_dataclass(5), is_dataclass(int))
r = replace(o, name="r")
print(r.name, r.inner is o.inner, r == o, replace(Inner(1, [])) == Inner(1, []))
try:
    replace(Inner(1, []), c=3)
except TypeError as e:
    print("TypeError:", e)


@dataclass
class WithSelf:
    self: int
    other: int = 0


print(WithSelf(1), WithSelf(self=2, other=3), WithSelf.__doc__)

print(dataclasses.MISSING is dataclasses.MISSING, repr(dataclasses.KW_ONLY)[:34])
try:
    dataclasses.field(1)
except TypeError as e:
    print("TypeError:", e)


@dataclass(repr=False, eq=False, match_args=False)
class Bare:
    a: int


print(Bare(1).a, "__match_args__" in Bare.__dict__, Bare.__repr__ is object.__repr__, Bare(1) == Bare(1))


@dataclass(init=False)
class NoInit:
    a: int = 1


print(NoInit(), NoInit.__doc__)
NeedsInitVar(1)
