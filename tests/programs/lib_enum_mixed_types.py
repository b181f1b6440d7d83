# Enums mixed with data types: overrides, containers, errors of the bases, StrEnum's str() arguments.
from enum import *
class N(IntEnum):
    A = 1
    def __str__(self):
        return "custom"
print(str(N.A), repr(N.A), format(N.A), f"{N.A}")
class Sz(IntEnum):
    S = 1
    M = 2
print(Sz.S in [1], Sz.M in {2: 0}, max(Sz), Sz.S == Sz(1), Sz(True) if False else "", list(reversed(Sz)))
print(isinstance(Sz.S, IntEnum), issubclass(Sz, int), issubclass(IntFlag, Flag), StrEnum.__base__)
class Mix(str, Enum):
    X = "x"
print(repr(Mix.X), str(Mix.X), Mix.X == "x", Mix.X.upper(), format(Mix.X))
try:
    class TooMany(int, str, Enum):
        A = 1
except TypeError as e:
    # The message shows a set of classes, whose order follows their identity hashes
    # (addresses): it differs between builds of CPython itself, so only its sorted items
    # are compared.
    head, _, rest = str(e).partition(": ")
    print(head, sorted(rest.strip("{}").split(", ")))
try:
    class Wrong(Enum, int):
        A = 1
except TypeError as e:
    print(e)
class C3(StrEnum):
    A = "a"
    B = "b", "utf-8"
print(C3.B, C3("a"))
