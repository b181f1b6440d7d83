# Small methods that raise (explicit raise, ZeroDivisionError, IndexError, AttributeError),
# caught by their callers in loops; __del__ of objects made, dropped, stored and passed as
# arguments in small methods, in order with the other prints; recursion through methods
# (depth 300, and up to the recursion limit with a small method called at every level).


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("  del", self.tag)

    def __add__(self, other):
        return Noisy(self.tag + "+" + str(other))


class Worker:
    def __init__(self):
        self.items = [10, 20, 30]
        self.count = 0
        self.held = None

    def check(self, v):
        if v < 0:
            raise ValueError("negative: %d" % v)
        return v * 2

    def ratio(self, a, b):
        return a // b + a % b

    def fratio(self, a: float, b: float) -> float:
        return a / b

    def item(self, i):
        return self.items[i]

    def missing(self):
        return self.nothere + 1

    def counted_fail(self, v):
        self.count += 1
        if v % 3 == 0:
            raise KeyError(v)
        self.count += 100
        return self.count

    def temp(self, tag):
        t = Noisy(tag)
        return len(t.tag)

    def hold(self, obj):
        self.held = obj
        return 0

    def consume(self, a, b):
        c = Noisy("local-c")
        return a.tag + b.tag + c.tag

    def rebind(self, obj):
        obj = None
        print("  rebound")
        return obj

    def make(self, tag):
        return Noisy(tag)

    def temp_then_fail(self, tag):
        t = Noisy(tag)
        return t.tag + 1

    def plus(self, n, k):
        return n + k


w = Worker()


def raising(w):
    for v in [3, -1, 0, -7, 2**64]:
        try:
            print("check", w.check(v))
        except ValueError as e:
            print("ValueError", e, e.args)
    for a, b in [(7, 2), (1, 0), (-7, 2), (2**70, 0), (5, -3)]:
        try:
            print("ratio", w.ratio(a, b))
        except ZeroDivisionError as e:
            print(type(e).__name__, e)
    for a, b in [(1, 2), (1.0, 0.0), (3, 0), (True, False), (1e308, 1e-308)]:
        try:
            print("fratio", w.fratio(a, b))
        except (ZeroDivisionError, OverflowError) as e:
            print(type(e).__name__, e)
    for i in [0, 2, -1, -3, 3, -4, 2**63, True]:
        try:
            print("item", i, w.item(i))
        except IndexError as e:
            print("IndexError", i, e)
    try:
        w.item("x")
    except TypeError as e:
        print("TypeError", e)
    for n in range(3):
        try:
            w.missing()
        except AttributeError as e:
            print("AttributeError", e)
        w.nothere = n
        print("missing", w.missing())
        del w.nothere
    out = []
    for v in range(8):
        try:
            out.append(w.counted_fail(v))
        except KeyError as e:
            out.append(("KeyError", e.args[0], w.count))
        else:
            out.append("else")
        finally:
            out.append("f")
    print(out, w.count)
    try:
        try:
            w.ratio(1, 0)
        except ZeroDivisionError:
            w.check(-5)
    except ValueError as e:
        print("context", type(e.__context__).__name__, e.__context__, e.__cause__)


def lifetimes(w):
    print("temp")
    for i in range(3):
        print(" got", w.temp("t%d" % i))
    print("hold")
    for i in range(3):
        w.hold(Noisy("h%d" % i))
        print(" held", w.held.tag)
    w.hold(None)
    print("consume")
    print(" ->", w.consume(Noisy("a"), Noisy("b")))
    n = Noisy("kept")
    print(" ->", w.consume(n, n))
    print("rebind")
    print(" ->", w.rebind(Noisy("r")))
    print(" ->", w.rebind(n))
    print("make")
    w.make("dropped")
    print(" kept", w.make("used").tag)
    x = w.make("x1")
    x = w.make("x2")
    print(" x is", x.tag)
    print("plus")
    print(" ->", w.plus(Noisy("p"), 1).tag)
    print("temp_then_fail")
    for i in range(2):
        try:
            w.temp_then_fail("tf%d" % i)
        except TypeError as e:
            print(" TypeError", e)
        print(" after except", i)
    print("leaving lifetimes")


raising(w)
lifetimes(w)
print("recursion")


class Ping:
    def __init__(self):
        self.hits = 0

    def tick(self):
        self.hits += 1
        return self.hits

    def ping(self, n):
        if n == 0:
            return self.tick()
        self.tick()
        return self.pong(n - 1) + 1

    def pong(self, n):
        self.tick()
        return self.ping(n) if n % 2 else self.ping(n)


p = Ping()
print(p.ping(300), p.hits)


class Leaf:
    def one(self):
        return 1


leaf = Leaf()


def deep(n):
    try:
        leaf.one()
    except RecursionError:
        return ("leaf", n)
    try:
        return deep(n + 1)
    except RecursionError:
        return ("rec", n)


print(deep(0))
print("end")
