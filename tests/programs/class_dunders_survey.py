class Vec:
    count = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Vec.count += 1

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __iter__(self):
        yield self.x
        yield self.y

    def __bool__(self):
        return bool(self.x or self.y)


v = Vec(1, 2) + Vec(3, 4)
print(v, v * 2, 3 * v, v == Vec(4, 6), v != Vec(0, 0), len(v), v[0], v[-1], list(v), bool(Vec(0, 0)))
print(Vec.count, {Vec(1, 1): "a"}[Vec(1, 1)], sorted([Vec(2, 1), Vec(1, 2)], key=lambda q: q.x))
x, y = v
print(x, y, [*v], dict([v]) if False else "")


class Base:
    kind = "base"

    def hello(self):
        return "Base.hello from " + self.name()

    def name(self):
        return "base"


class Child(Base):
    kind = "child"

    def name(self):
        return "child/" + super().name()


c = Child()
print(c.hello(), Child.kind, Base.kind, isinstance(c, Base), issubclass(Child, Base), type(c).__name__)
print(Child.__mro__ == (Child, Base, object), Child.__bases__ == (Base,), Child.__name__)


class Stat:
    @staticmethod
    def s(a):
        return a * 2

    @classmethod
    def c(cls, a):
        return cls.__name__ + str(a)

    @property
    def p(self):
        return 42


print(Stat.s(2), Stat().s(3), Stat.c(1), Stat().c(2), Stat().p)
try:
    Stat().p = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    Vec(1, 2) < Vec(3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    Vec(1)
except TypeError as e:
    print("TypeError:", e)
o = Vec(0, 1)
o.z = 9
print(o.z, getattr(o, "q", "none"), hasattr(o, "x"), o.__dict__)
delattr(o, "z")
print(hasattr(o, "z"))
