# Small methods next to properties, static and class methods, user-decorated methods, and on
# dataclass instances (plain, frozen, ordered, slotted, inherited), called in loops; the
# generated __eq__/__lt__/__repr__ used inside small methods; FrozenInstanceError raised in one.
from dataclasses import dataclass, field, FrozenInstanceError


# properties, static and class methods in loops
class Counter:
    base = 10

    def __init__(self):
        self._n = 0

    @property
    def n(self):
        return self._n

    @n.setter
    def n(self, v):
        self._n = v * 2

    @staticmethod
    def sq(v):
        return v * v

    @classmethod
    def make(cls, v):
        c = cls()
        c._n = v + cls.base
        return c

    def inc(self):
        self._n += 1


class SubCounter(Counter):
    base = 1000


def counters():
    c = Counter()
    acc = []
    for i in range(6):
        c.n = i
        c.inc()
        acc.append((c.n, c.sq(i), Counter.sq(c.n), c.make(i).n, SubCounter.make(i).n, type(c.make(i)).__name__))
    print(acc)
    return c


c = counters()
Counter.base = -1
print(c.make(1).n, SubCounter().make(1).n)


class Temp:
    def __init__(self, c):
        self._c = c

    @property
    def f(self):
        if self._c is None:
            raise ValueError("no reading")
        return self._c * 9 / 5 + 32

    def warm(self, d):
        self._c += d
        return self.f


tm = Temp(0)
print([tm.warm(d) for d in [1, 2.5, -40, True]])
tm._c = None
try:
    tm.warm(1)
except TypeError as e:
    print("TypeError:", e)
try:
    tm.f
except ValueError as e:
    print("ValueError:", e)


def logged(fn):
    def wrapper(self, *args):
        print("  call", fn.__name__, args)
        return fn(self, *args)
    return wrapper


class Svc:
    def __init__(self):
        self.n = 0

    @logged
    def step(self, k):
        self.n += k
        return self.n

    def peek(self):
        return self.n


sv = Svc()
for k in range(3):
    print(sv.step(k), sv.peek())


@dataclass
class Vec:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def scale(self, k: int) -> None:
        self.x *= k
        self.y *= k

    def same(self, other):
        return self == other

    def tag(self, t):
        self.tags.append(t)
        return len(self.tags)

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def plus(self, other):
        return self + other


@dataclass
class Vec3(Vec):
    z: int = 0

    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)


def vectors():
    vs = [Vec(1, -2), Vec3(3, 4, z=-5), Vec(0), Vec3(-1)]
    tot = 0
    for rnd in range(3):
        for v in vs:
            v.scale(rnd + 1)
            tot += v.norm1() + v.tag(rnd)
    print(tot, vs)
    print([a.same(b) for a in vs for b in vs])
    print(Vec(1, 1).same(Vec(1, 1)), Vec(1, 1).same(Vec3(1, 1)), Vec(1).same(None))
    acc = Vec(0)
    for i in range(5):
        acc = acc.plus(Vec(i, -i))
    print(acc, acc.plus(Vec3(1, 1, 1)))


vectors()
big = Vec(2**62, 1.5)
big.scale(4)
print(big, big.norm1())
sv2 = Vec("ab", [1])
sv2.scale(2)
print(sv2)
try:
    Vec(None).scale(2)
except TypeError as e:
    print("TypeError:", e)


@dataclass(frozen=True, order=True)
class Pt:
    a: int
    b: int

    def total(self):
        return self.a + self.b

    def lower(self, other):
        return min(self, other)

    def upper(self, other):
        return max(self, other)

    def move(self, d):
        self.a = self.a + d


pts = [Pt(3, 1), Pt(1, 9), Pt(3, 0), Pt(-2, 5)]
lo = hi = pts[0]
for p in pts:
    lo = lo.lower(p)
    hi = hi.upper(p)
    print(p.total(), lo, hi, hash(p) == hash(Pt(p.a, p.b)))
for p in pts[:2]:
    try:
        p.move(1)
    except FrozenInstanceError as e:
        print("FrozenInstanceError:", e, p)


@dataclass(slots=True)
class Cell:
    v: int

    def inc(self):
        self.v += 1
        return self.v


cells = [Cell(i) for i in range(4)]
print([c.inc() + c.inc() for c in cells], cells)
try:
    cells[0].w = 1
except AttributeError as e:
    print("AttributeError:", e)
