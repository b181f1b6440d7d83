# dataclasses: frozen instances (FrozenInstanceError), order=True, the __hash__ rules.
from dataclasses import dataclass, field, FrozenInstanceError


@dataclass(frozen=True)
class Frozen:
    x: int
    y: int = 2


fr = Frozen(1)
print(fr, hash(fr) == hash((1, 2)), fr == Frozen(1, 2))
try:
    fr.x = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e, isinstance(e, AttributeError))
try:
    fr.z = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del fr.y
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print({Frozen(1): "a"}[Frozen(1, 2)])
print(Frozen.__setattr__.__qualname__)

try:
    @dataclass
    class Thaw(Frozen):
        z: int = 0
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Plain:
    a: int


try:
    @dataclass(frozen=True)
    class Freeze(Plain):
        z: int = 0
except TypeError as e:
    print("TypeError:", e)


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


vs = [Version(1, 2), Version(0, 9, "x"), Version(1, 0), Version(1, 2, "b")]
print(sorted(vs))
print(Version(1) < Version(1, 1), Version(2) <= Version(2, 0, "q"), Version(3) > Version(2, 9), Version(1) >= Version(2))
print(Version.__lt__(Version(1), 5))
try:
    Version(1) < 5
except TypeError as e:
    print("TypeError:", e)


@dataclass(order=True)
class Other:
    major: int


try:
    Version(1) < Other(2)
except TypeError as e:
    print("TypeError:", e)
print(Version(1) == Other(1))

# __hash__ rules
@dataclass
class H1:
    a: int


@dataclass(eq=False)
class H2:
    a: int


@dataclass(unsafe_hash=True)
class H3:
    a: int
    b: list = field(default_factory=list, hash=False)


@dataclass(frozen=True, eq=False)
class H4:
    a: int


@dataclass
class H5:
    a: int

    def __hash__(self):
        return 7


print(H1.__hash__, H2.__hash__ is object.__hash__, hash(H3(1)) == hash((1,)), hash(H5(1)))
print(H4.__hash__ is object.__hash__)
try:
    hash(H1(1))
except TypeError as e:
    print("TypeError:", e)
h2 = H2(1)
print(h2 == H2(1), h2 == h2)

@dataclass(frozen=True)
class FrozenHash:
    a: int
    b: int = field(default=0, compare=False)
    c: int = field(default=0, hash=True, compare=False)


print(hash(FrozenHash(1, 2, 3)) == hash((1, 3)))
fr.x = 10
