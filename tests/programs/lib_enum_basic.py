from enum import Enum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    ALIAS = 1


print(repr(Color), str(Color), Color)
print(Color.__members__)
print(repr(Color.RED), str(Color.RED), format(Color.RED), f"{Color.RED}", f"{Color.RED:>12}|")
print(Color.RED.name, Color.RED.value, Color["RED"], Color(1), Color.ALIAS is Color.RED)
print(list(Color), len(Color), Color.RED in Color, hash(Color.RED) == hash("RED"))
print(list(reversed(Color)))
print(type(Color).__name__, type(Color.RED).__name__, isinstance(Color.RED, Color), isinstance(Color.RED, Enum))
print(Color.RED == 1, Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED is Color(1))
print({Color.RED: "r", Color.GREEN: "g"}[Color.ALIAS], Color._member_names_)
print(list(Color.__members__), Color.__members__["ALIAS"])
print(bool(Color), bool(Color.RED))

try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError", e)
try:
    Color(7)
except ValueError as e:
    print("ValueError", e)
try:
    Color("RED")
except ValueError as e:
    print("ValueError", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    del Color.RED
except AttributeError as e:
    print("AttributeError", e)
try:
    Color.RED.value = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    Color.nope
except AttributeError as e:
    print("AttributeError", e)
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print("TypeError", e)

try:
    class More(Color):
        PINK = 17
except TypeError as e:
    print("TypeError", e)

try:
    class Twice(Enum):
        A = 1
        A = 2
except TypeError as e:
    print("TypeError", e)

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    print("ValueError", e)


@unique
class Fine(Enum):
    A = 1
    B = 2


print(list(Fine))


class Shape(Enum):
    SQUARE = "sq"
    PAIR = (1, 2)

    def describe(self):
        return self.name.lower() + "/" + str(self.value)

    @property
    def double(self):
        return self.value * 2

    @classmethod
    def first(cls):
        return cls.SQUARE

    @staticmethod
    def helper(x):
        return x + 1


print(repr(Shape.SQUARE), repr(Shape.PAIR), Shape.SQUARE.describe(), Shape.PAIR.double)
print(Shape.first(), Shape.helper(1), Shape(("sq")), Shape((1, 2)))


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.mass, Planet.EARTH.value, repr(Planet.EARTH), round(Planet.EARTH.gravity, 3))


class Auto(Enum):
    X = auto()
    Y = auto()
    Z = 10
    W = auto()


print(list(Auto), repr(auto()))


class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    A = auto()
    B = auto()


print(list(Lower))


class Missing(Enum):
    A = 1
    B = 2

    @classmethod
    def _missing_(cls, value):
        if value == 0:
            return cls.A
        if value == 9:
            return 9
        return None


print(Missing(0), Missing(2))
try:
    Missing(5)
except ValueError as e:
    print("ValueError", e)
try:
    Missing(9)
except TypeError as e:
    print("TypeError", e)


class Empty(Enum):
    def hello(self):
        return "hello " + self.name


class Sub(Empty):
    X = 1


print(list(Sub), Sub.X.hello(), isinstance(Sub.X, Empty), len(Empty))

counts = {}
for c in [Color.RED, Color.GREEN, Color.RED, Color.ALIAS]:
    counts[c] = counts.get(c, 0) + 1
print(counts)
print(sorted(Color, key=lambda m: m.value, reverse=True))
print(Missing["B"])
Color.RED.name = "x"
