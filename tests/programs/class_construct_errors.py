# Direct construction of module classes (`call.class.direct`): `__init__` returning
# something other than None, argument-count and keyword errors, exceptions raised inside
# `__init__`, and what is freed when construction fails.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def attempt(f):
    try:
        r = f()
        print("ok", type(r).__name__)
    except Exception as e:
        print(type(e).__name__ + ":", e)


P = Point
attempt(lambda: Point(1, 2))
attempt(lambda: P(1))
attempt(lambda: P())
attempt(lambda: P(1, 2, 3))
attempt(lambda: P(1, z=3))
attempt(lambda: Point(x=1, y=2))
attempt(lambda: P(1, x=2))
attempt(lambda: Point(*[1, 2]))
attempt(lambda: Point(**{"x": 1, "y": 2}))


class Returns:
    def __init__(self, v):
        self.v = v
        return v

    def __del__(self):
        print("del Returns", type(self.v).__name__)


def returns(v):
    return Returns(v)


attempt(lambda: returns(None))
attempt(lambda: returns(5))
attempt(lambda: returns("s"))
attempt(lambda: returns([1]))
attempt(lambda: returns(Point(0, 0)))


class Fails:
    def __init__(self, n):
        self.n = n
        if n > 1:
            raise ValueError("bad n " + str(n))
        if n < 0:
            self.missing_method()

    def __del__(self):
        print("del Fails", self.n)


def fails(n):
    return Fails(n)


for n in (0, 2, -1):
    try:
        f = fails(n)
        print("made", f.n)
        del f
    except (ValueError, AttributeError) as e:
        print("caught", type(e).__name__, e)


def deep(n):
    return Fails(n) if n == 0 else deep(n - 1)


try:
    deep(5)
    deep(50).n
    print(deep(3).n)
    deep(3).x
except AttributeError as e:
    print("attr", e)


class Nested:
    def __init__(self, depth):
        self.child = Nested(depth - 1) if depth else None
        self.depth = depth


def chain(n):
    c = Nested(n)
    k = 0
    while c is not None:
        k += c.depth
        c = c.child
    return k


print(chain(50))


def uncaught(v):
    return Fails(v)


print(uncaught(0).n)
uncaught(3)
