# match: literal patterns (==, and `is` for None/True/False) and value patterns (dotted names).
import math


class Color:
    RED = 1
    GREEN = 2
    BLUE = "blue"


class Inner:
    TOP = 100


class Limits:
    pass


Limits.Inner = Inner


def lit(v) -> str:
    match v:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 1 + 2j:
            return "complex 1+2j"
        case -2 - 3j:
            return "complex -2-3j"
        case 3j:
            return "pure 3j"
        case "hello" | "hi":
            return "greeting"
        case "con" "cat":
            return "concatenated"
        case b"raw":
            return "bytes"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case _:
            return "other " + repr(v)


for v in [0, 0.0, -1, -1.0, 1.5, 1 + 2j, complex(-2, -3), 3j, "hello", "hi", "concat",
          b"raw", bytearray(b"raw"), None, True, False, 1, 1.0, 0j, "", [], (), "x"]:
    print(repr(v), "->", lit(v))


def val(v):
    match v:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case Color.BLUE:
            return "blue"
        case Limits.Inner.TOP:
            return "top"
        case math.pi:
            return "pi"
        case _:
            return "?"


for v in [1, 2, True, 2.0, "blue", 100, math.pi, 3.14, 0]:
    print(repr(v), "=>", val(v))


class Eq:
    def __init__(self, tag):
        self.tag = tag

    def __eq__(self, other):
        print("  __eq__", self.tag, other)
        return self.tag == other


match Eq(2):
    case 1:
        print("one")
    case 2:
        print("two")

Color.RED = 5
print(val(5), val(1))
