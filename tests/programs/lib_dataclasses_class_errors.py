# dataclasses: the errors CPython raises when a dataclass is created.
from dataclasses import dataclass, field, FrozenInstanceError

try:
    @dataclass
    class M1:
        x: list = []
except ValueError as e:
    print("ValueError:", e)

try:
    @dataclass
    class M2:
        a: int = 0
        b: dict = {}
except ValueError as e:
    print("ValueError:", e)

try:
    @dataclass
    class M3:
        a: int = 0
        b: int
except TypeError as e:
    print("TypeError:", e)

try:
    @dataclass
    class M4:
        a: int = field(default=1, default_factory=int)
except ValueError as e:
    print("ValueError:", e)

try:
    @dataclass
    class M5:
        a = field(default=1)
except TypeError as e:
    print("TypeError:", e)

try:
    @dataclass(order=True, eq=False)
    class M6:
        a: int
except ValueError as e:
    print("ValueError:", e)

try:
    @dataclass(order=True)
    class M7:
        a: int

        def __lt__(self, other):
            return True
except TypeError as e:
    print("TypeError:", e)

try:
    @dataclass(frozen=True)
    class M8:
        a: int

        def __setattr__(self, name, value):
            pass
except TypeError as e:
    print("TypeError:", e)

try:
    @dataclass(unsafe_hash=True)
    class M9:
        a: int

        def __hash__(self):
            return 1
except TypeError as e:
    print("TypeError:", e)


# A set, a non-default after default when the default one has init=False is fine
@dataclass
class OK1:
    a: int = field(default=1, init=False)
    b: int = 2


print(OK1(), OK1(5))
