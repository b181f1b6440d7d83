# IntEnum, StrEnum, ReprEnum and enums mixed with a data type (CPython 3.11 behaviour).
from enum import Enum, IntEnum, StrEnum, ReprEnum, auto


class Num(IntEnum):
    ONE = 1
    TWO = 2
    THREE = 3


print(repr(Num.ONE), str(Num.ONE), f"{Num.TWO}", format(Num.THREE, ">4"), "%s" % Num.ONE)
print(Num.ONE + 1, type(Num.ONE + 1).__name__, Num.TWO * Num.THREE, Num.THREE // 2, -Num.ONE)
print(Num.ONE == 1, Num(2) is Num.TWO, Num["THREE"], int(Num.TWO), Num.TWO < Num.THREE, Num.ONE < 5)
print(isinstance(Num.ONE, int), isinstance(Num.ONE, Enum), isinstance(Num.ONE, Num))
print(sorted([Num.THREE, Num.ONE, Num.TWO]), list(Num), len(Num))
print([c.__name__ for c in Num.__mro__], [c.__name__ for c in IntEnum.__mro__])
print(Num.ONE.name, Num.ONE.value, type(Num.ONE.value).__name__, hash(Num.ONE) == hash(1))
print({Num.ONE: "a"}[1], [10, 20, 30][Num.TWO], range(Num.THREE))
print(Num.TWO.bit_length(), Num.THREE.real, Num(3).conjugate(), divmod(Num.THREE, Num.TWO))
try:
    Num(7)
except ValueError as e:
    print("ValueError:", e)


class Level(IntEnum):
    LOW = auto()
    MID = auto()
    HIGH = auto()


print(list(Level), Level.HIGH.value, Level.LOW + Level.MID)


class Color(StrEnum):
    RED = auto()
    GREEN = auto()
    DARK_BLUE = auto()
    PLAIN = "plain-text"


print(repr(Color.RED), str(Color.RED), f"[{Color.GREEN}]", format(Color.DARK_BLUE, "^12"))
print(Color.RED == "red", Color.RED + "!", Color.RED.upper(), len(Color.DARK_BLUE), Color("green"))
print(list(Color), Color.PLAIN.value, isinstance(Color.RED, str), "re" in Color.RED)
print([c.__name__ for c in StrEnum.__mro__], Color.RED.name)
try:
    class Bad(StrEnum):
        X = 1
except TypeError as e:
    print("TypeError:", e)


class Http(IntEnum):
    OK = 200
    NOT_FOUND = 404

    @property
    def is_error(self):
        return self >= 400

    def describe(self):
        return f"{self.name.lower()} ({self:d})"


print(Http.OK.is_error, Http.NOT_FOUND.is_error, Http.NOT_FOUND.describe(), Http(404).name)


try:
    class Plain(ReprEnum):
        A = 1
except TypeError as e:
    print("TypeError:", e)


class Grade(float, ReprEnum):
    PASS = 0.5


print(repr(Grade.PASS), str(Grade.PASS), Grade.PASS * 2)


class Strange(int, Enum):
    A = 1
    B = 2


print(repr(Strange.A), str(Strange.A), format(Strange.B), Strange.A + Strange.B)
