# Enum members with __init__/__new__ taking several values: calling the enum class looks a
# member up by value (EnumType.__call__), whatever the members' __init__ signature.
from enum import Enum, IntEnum


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet((5.976e24, 6.37814e6)), round(Planet.EARTH.gravity, 2), Planet.MERCURY.radius)


class Code(IntEnum):
    OK = (200, "fine")
    BAD = (400, "oops")

    def __new__(cls, value, text):
        obj = int.__new__(cls, value)
        obj._value_ = value
        obj.text = text
        return obj


print(Code(200), Code.BAD.text, Code.OK + 1, repr(Code.BAD), Code(400) is Code.BAD)


class Unit(float, Enum):
    HALF = 0.5

    def __init__(self, value):
        self.twice = value * 2


print(Unit(0.5), Unit.HALF.twice, Unit.HALF + 1, repr(Unit.HALF))
