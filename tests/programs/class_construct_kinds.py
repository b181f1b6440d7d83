# Direct construction of module classes (`call.class.direct`) across kinds of classes:
# `__slots__`, `__del__`, `__new__` (excluded), a metaclass, builtin and exception bases,
# inherited `__init__`, closures over `__class__`, and many instances in a loop.


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


def slotted(n):
    total = 0
    for i in range(n):
        s = Slotted(i, i * 2)
        total += s.a + s.b
    return total


print(slotted(1000))
s = Slotted(1, 2)
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)


class Tracked:
    def __init__(self, name):
        self.name = name
        print("init", name)

    def __del__(self):
        print("del", self.name)


def tracked():
    for i in range(3):
        t = Tracked("t" + str(i))
        print("made", t.name)
    print("loop done")


tracked()
keep = Tracked("kept")


class WithNew:
    def __new__(cls, x):
        print("new", x)
        if x < 0:
            return "not an instance"
        return super().__new__(cls)

    def __init__(self, x):
        print("init", x)
        self.x = x


def with_new(x):
    return WithNew(x)


print(with_new(1).x)
print(with_new(-1))


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", args)
        return super().__call__(*args)


class Metered(metaclass=Meta):
    def __init__(self, v):
        self.v = v


def metered(v):
    return Metered(v)


print(metered(3).v)


class MyInt(int):
    def __init__(self, v):
        self.tag = "tagged"


def my_int(v):
    return MyInt(v)


m = my_int(7)
print(m, m + 1, m.tag)


class MyError(Exception):
    def __init__(self, code):
        super().__init__("code", code)
        self.code = code


def my_error(c):
    return MyError(c)


e = my_error(4)
print(e.args, e.code, str(e))
try:
    raise my_error(5)
except MyError as err:
    print("raised", err.code)


class Shape:
    def __init__(self, name):
        self.name = name


class Square(Shape):
    def __init__(self, side):
        super().__init__("square")
        self.side = side


class Tiny(Square):
    pass


def shapes():
    return [(x.name, getattr(x, "side", None)) for x in (Shape("s"), Square(2), Tiny(1))]


print(shapes())
print(type(Tiny(3)).__name__, isinstance(Tiny(3), Shape))


class Empty:
    pass


def empties(n):
    return [type(Empty()).__name__ for _ in range(n)]


print(empties(2))
E = Empty
try:
    E(1)
except TypeError as err:
    print("TypeError:", err)


class Defaults:
    def __init__(self, a, b=10):
        self.s = a + b


def defaults():
    return Defaults(1).s, Defaults(1, 2).s


print(defaults())


class Vec:
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y


def vecs(n):
    acc = 0.0
    for i in range(n):
        v = Vec(i * 0.5, 1.0)
        acc += v.x * v.y
    return acc


print(vecs(10000))
print("end")
