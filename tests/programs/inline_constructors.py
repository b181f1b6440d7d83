# Constructions of module classes whose `__init__` is small enough to run in the caller
# (`class.is` + `new.instance` + the body), and everything that must send them back to the
# ordinary construction: its `__init__` replaced, a `__new__` added, a
# class attribute added (a new shape), `__setattr__`, an `__init__` that returns early or
# returns a value, one that raises inside and outside a `try`, `__del__` order, a nested
# method call in `__init__`, deep recursion through constructions, a construction in a
# method inlined in its turn, and an uncaught exception raised in an `__init__` inlined
# with the method that constructs (its traceback shows both frames).


class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y


def sum_points(n: int) -> int:
    s = 0
    for i in range(n):
        p = Point(i, i + 1)
        s += p.x + p.y
    return s


print("sum", sum_points(1000))


def replaced_init(n):
    original = Point.__init__
    out = []
    for i in range(n):
        if i == 2:

            def other_init(self, x, y):
                self.x = x * 100
                self.y = y * 100

            Point.__init__ = other_init
        if i == 4:
            Point.__init__ = original
        p = Point(i, i)
        out.append(p.x + p.y)
    return out


print(replaced_init(6))


class Fresh:
    def __init__(self, x):
        self.x = x


def added_new(n):
    out = []
    for i in range(n):
        if i == 2:

            def new(cls, *args):
                out.append("new")
                return object.__new__(cls)

            Fresh.__new__ = new
        p = Fresh(i)
        out.append(p.x)
    return out


print(added_new(6))


def reshaped(n):
    out = []
    for i in range(n):
        if i == 2:
            Point.extra = 7
        p = Point(i, i)
        out.append(p.x + getattr(p, "extra", 0))
    return out


print(reshaped(5))


class Logged:
    log = []

    def __init__(self, v):
        self.v = v

    def __setattr__(self, name, value):
        Logged.log.append((name, value))
        object.__setattr__(self, name, value)


def logged(n):
    total = 0
    for i in range(n):
        total += Logged(i).v
    return total


print(logged(4), Logged.log)


class Early:
    def __init__(self, v):
        self.v = v
        if v < 0:
            return
        self.w = v * 2


def early(n):
    out = []
    for i in range(-2, n):
        e = Early(i)
        out.append((e.v, getattr(e, "w", None)))
    return out


print(early(3))


class Returns:
    def __init__(self, v):
        self.v = v
        return v


def returns():
    try:
        Returns(5)
    except TypeError as e:
        print("TypeError", e)
    print(Returns(None).v)


returns()


class Checked:
    def __init__(self, v):
        self.v = v
        self.inv = 10 // v


def checked(n):
    out = []
    for i in range(n):
        try:
            out.append(Checked(i - 2).inv)
        except ZeroDivisionError as e:
            out.append(str(e))
    return out


print(checked(5))


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def noisy():
    for i in range(3):
        n = Noisy(i)
        print("made", n.name)
    print("loop done")


noisy()


def noisy_raise():
    keep = Noisy("keep")
    try:
        Noisy(None).name.upper()
    except AttributeError:
        print("caught", keep.name)
    print("after")


noisy_raise()


class Scaled:
    def __init__(self, v):
        self.v = v
        self.d = self.double()

    def double(self):
        return self.v * 2


def scaled(n):
    return [Scaled(i).d for i in range(n)]


print(scaled(4))


class Sub(Point):
    pass


def through_subclass(n):
    return [Sub(i, 2 * i).y for i in range(n)]


print(through_subclass(3))


def deep(n):
    p = Point(n, n)
    return deep(n + 1) + p.x


def depth():
    try:
        deep(0)
    except RecursionError:
        print("RecursionError")


depth()


class Fails:
    def __init__(self, v):
        self.v = v
        self.r = 1 / v


def make_all(n):
    return [Fails(n - i + 1).r for i in range(n + 1)]


print(make_all(2))


class V2:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.inv = 1 / (x + y)

    def add(self, o):
        return V2(self.x + o.x, self.y + o.y)

    def scale(self, k):
        return V2(self.x * k, self.y * k)


def walk(n):
    v = V2(1, 1)
    for i in range(n):
        v = v.add(V2(1, i)).scale(2)
    if n > 4:
        v = v.add(V2(-v.x, -v.y))
    return v


w = walk(3)
print(w.x, w.y, w.inv)
walk(6)
