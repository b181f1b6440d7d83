# Small leaf methods called in loops (candidates for inlining): getters, setters, accumulators,
# results used in arithmetic, annotated parameters given other types (floats, bools, big ints,
# strs, None), callee locals named like the caller's (and `self` rebound), argument evaluation
# order and aliasing, `global`, *args, a mutable default, prints in callees, module globals and
# builtins rebound between calls.

SCALE = 3
CALLS = 0


class Acc:
    def __init__(self, start):
        self.total = start
        self.x = 0
        self.name = "acc"
        self.items = [4, 8, 15, 16, 23, 42]

    def get_x(self):
        return self.x

    def set_x(self, v):
        self.x = v

    def add(self, k: int) -> None:
        self.total += k % 13

    def scaled(self, f: float) -> float:
        return self.x * f

    def label(self, s: str) -> str:
        return self.name + ":" + str(s)

    def clamp(self, lo: int, hi: int) -> int:
        v = self.x
        if v < lo:
            return lo
        if v > hi:
            return hi
        return v

    def bump(self, i):
        i = i * 2          # rebinding a parameter must not touch the caller's variable
        x = i + 1          # a local named like the caller's
        self.x = x
        return x

    def grow(self, k):
        self.total = self.total * 3 + k
        return self.total

    def scaled_global(self):
        return self.x * SCALE

    def absdiff(self, other):
        return abs(self.x - other)

    def push(self, lst, v):
        lst.append(v)
        return len(lst)

    def first_item(self):
        return self.items[0] + self.items[-1]

    def rebind_self(self, other):
        self = other
        return self.x

    def count_global(self):
        global CALLS
        CALLS += 1
        return CALLS

    def star(self, *xs):
        return sum(xs) + self.x

    def bucket(self, v, into=[]):
        into.append(v)
        return len(into)

    def echo(self, v):
        print("  echo", v)
        return v

    def loop_sum(self, n):
        s = 0
        j = 0
        while j < n:
            s += self.items[j % 6]
            j += 1
        return s


a = Acc(0)
for i in range(40):
    a.set_x(i)
    a.add(a.get_x() * 7)
print("total", a.total, "x", a.get_x())

x = 100
i = 5
r = a.bump(i)
print("bump", r, "caller x", x, "caller i", i, "a.x", a.x)
s = 0
for x in range(10):
    s += a.bump(x) * 2 - a.get_x()
print("sum", s, "x after loop", x)


def locals_in_function(a):
    x = 100
    i = 5
    r = a.bump(i)
    print("bump", r, "caller x", x, "caller i", i, "a.x", a.x)
    s = 0
    for x in range(10):
        s += a.bump(x) * 2 - a.get_x()
    print("sum", s, "x after loop", x)


locals_in_function(a)


def types_and_values(a):
    # annotated parameters given other types
    for v in [3, -7, 2.5, -0.0, True, False, 2**64 + 5, -(2**70), 10**20 + 1]:
        a.add(v)
        print("add", repr(v), "->", a.total)
    for v in [2, 0.5, True, -1, 2**63, "ab", [1]]:
        a.set_x(3)
        print("scaled", repr(v), "->", repr(a.scaled(v)))
    for bad in [None, "x", {}, (1,)]:
        try:
            a.add(bad)
        except TypeError as e:
            print("add TypeError:", e)
        try:
            a.set_x(2)
            print("scaled", repr(a.scaled(bad)))
        except TypeError as e:
            print("scaled TypeError:", e)
    for v in [1, 2.0, None, True, "s", 2**100]:
        print(a.label(v))
    a.name = 7
    try:
        a.label("z")
    except TypeError as e:
        print("label TypeError:", e)
    a.name = "acc"

    # results that overflow 64 bits
    a.total = 1
    for k in range(45):
        a.grow(k)
    print("grow", a.total, a.total.bit_length())
    a.total = -(2**62)
    print(a.grow(-(2**62)), a.grow(0))

    # floats and special values through setters/getters
    for v in [1e308, float("inf"), float("-inf"), -0.0, 0.1]:
        a.set_x(v)
        print(repr(a.get_x()), repr(a.scaled(2)), repr(a.clamp(-1, 1)))
    a.set_x(float("nan"))
    print(a.clamp(-1, 1), a.get_x() == a.get_x())
    for v in [5, -5, 0, True, 2**65, -(2**65)]:
        a.set_x(v)
        print("clamp", repr(a.clamp(-3, 3)), repr(a.clamp(False, True)))


types_and_values(a)

# globals rebound between calls, builtins shadowed at module level
a.set_x(4)
out = []
for n in range(4):
    SCALE = n * 10 + 1
    out.append(a.scaled_global())
print(out)
SCALE = "ab"
print(a.scaled_global())
print(a.absdiff(10), a.absdiff(-2.5))
abs = lambda v: ("shadowed", v)
print(a.absdiff(10))
del abs
print(a.absdiff(10))



def globals_in_function(a):
    global SCALE, abs
    a.set_x(4)
    out = []
    for n in range(4):
        SCALE = n * 10 + 1
        out.append(a.scaled_global())
    print(out)
    SCALE = "ab"
    print(a.scaled_global())
    print(a.absdiff(10), a.absdiff(-2.5))
    abs = lambda v: ("shadowed", v)
    print(a.absdiff(10))
    del abs
    print(a.absdiff(10))



globals_in_function(a)


# argument evaluation order and aliasing
def arg(tag, v):
    print("  arg", tag)
    return v


def recv(tag):
    print("  recv", tag)
    return a


def order_and_misc(a):
    lst = []
    print(recv("r").push(arg("l", lst), arg("v", 1)))
    print(recv("r").push(lst, lst), len(lst), lst[1] is lst)
    print(a.push(lst, a.bump(arg("b", 3))), lst[-1], a.x)
    print([a.first_item() + a.loop_sum(n) for n in range(8)])
    a.set_x(1)
    print(a.rebind_self(Acc(5)), a.rebind_self(a), a.x, [a.count_global() for _ in range(3)], CALLS)
    print(a.star(), a.star(1, 2.5), [a.bucket(i) for i in range(3)], a.bucket(0, []), a.bucket(9))
    print(a.echo(0) and a.echo(1), a.echo(2) or a.echo(3), a.echo(1) < a.echo(2) < a.echo(0))
    print(sum(a.echo(i) for i in range(2)), (lambda: a.echo("lam"))(), Acc.star(a, 5))


order_and_misc(a)
