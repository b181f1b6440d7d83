# IntEnum, StrEnum and IntFlag members where builtins and json expect ints and strs.
import json
from enum import IntEnum, StrEnum, IntFlag
class Num(IntEnum):
    ONE = 1
class Color(StrEnum):
    RED = "red"
class P(IntFlag):
    A = 1
    B = 2
print(json.dumps({"a": Num.ONE, Color.RED: 1, "c": [Color.RED, P.A | P.B]}))
print("%d %s %r %x" % (Num.ONE, Num.ONE, Num.ONE, P.A | P.B), "{0} {0!r} {0:03d}".format(Num.ONE))
print(str(Color.RED).upper(), Color.RED.value.upper(), " ".join([Color.RED, "x"]), Color.RED in {"red": 1})
print(round(Num.ONE), abs(-Num.ONE), float(Num.ONE), pow(Num.ONE, 2), max(Num.ONE, 0), bin(P.B))
