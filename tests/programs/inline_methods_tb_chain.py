# Warm-up: small methods using len/min/max/isinstance on user classes with __len__/__lt__/
# __add__, and a method whose __defaults__ change after its first calls (wrong argument counts
# before and after). Then an uncaught IndexError raised inside a small method (after many
# successful calls in a loop), called from a method, called from a function, called from module
# level, while handling a chain of exceptions that small methods raised and their callers
# caught: ZeroDivisionError, then an AttributeError of a misspelt attribute (no "Did you mean"
# inside a chain), then an error raised `from` it. The whole stderr (every frame, source line,
# caret, chain message) must be CPython's.


# user classes with __len__/__lt__/__add__ used inside small methods
class Box:
    def __init__(self, v):
        self.v = v

    def __len__(self):
        return self.v

    def __lt__(self, other):
        return self.v < other.v

    def __add__(self, other):
        if isinstance(other, Box):
            return Box(self.v + other.v)
        return Box(self.v + other)

    def __repr__(self):
        return "Box(%r)" % self.v


class User:
    def __init__(self, b):
        self.b = b

    def size(self):
        return len(self.b)

    def smaller(self, other):
        return min(self.b, other)

    def bigger(self, other):
        return max(self.b, other)

    def plus(self, k):
        return self.b + k

    def kind(self, v):
        return isinstance(v, Box), isinstance(v, (int, str)), isinstance(self, User)


u = User(Box(3))
for k in range(5):
    print(u.size(), u.smaller(Box(k)), u.bigger(Box(k)), u.plus(k), u.plus(Box(k)), u.kind(k))
u.b = [1, 2]
print(u.size(), u.plus([3]), u.kind("s"), u.kind(Box(0)))
u.b = Box(-1)
try:
    u.size()
except ValueError as e:
    print("ValueError:", e)
u.b = Box(2**70)
try:
    u.size()
except OverflowError as e:
    print("OverflowError:", e)


class Shape:
    def __init__(self, w):
        self.w = w

    def twice(self, k):
        return self.w * 2 + k


# __defaults__ changed after the first calls; wrong argument counts
w = Shape(2)
print(w.twice(1))
f = Shape.twice
try:
    w.twice()
except TypeError as e:
    print("TypeError:", e)
f.__defaults__ = (100,)
print(w.twice(), w.twice(1))
f.__defaults__ = None
try:
    w.twice()
except TypeError as e:
    print("TypeError:", e)
g = w.twice
try:
    g(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(w.twice(k=9))
try:
    w.twice(j=9)
except TypeError as e:
    print("TypeError:", e)


class Table:
    def __init__(self, n):
        self.items = list(range(n))
        self.total = 0
        self.base = 5

    def at(self, i: int) -> int:
        return self.items[i] * 2

    def add(self, k):
        self.total += k % 13

    def ratio(self, i):
        return (self.base + i) // (i - 40)

    def report(self):
        return self.bsae + 1

    def wrap(self, cause):
        raise LookupError("wrapped %s" % type(cause).__name__) from cause

    def scan(self, upto):
        for i in range(upto):
            try:
                self.add(self.at(i) + self.ratio(i))
            except ZeroDivisionError:
                try:
                    self.add(self.report())
                except AttributeError as e:
                    try:
                        self.wrap(e)
                    except LookupError as e2:
                        print("caught", e2, "at", i)
                        self.add(self.at(i + len(self.items)))
        return self.total


def drive(t, limits):
    results = []
    for lim in limits:
        results.append(t.scan(lim))
        print("scanned", lim, "total", t.total)
    return results


t = Table(50)
print(drive(t, [10, 40, 20]))
print(drive(t, [30, 45, 5]))
print("not reached")
