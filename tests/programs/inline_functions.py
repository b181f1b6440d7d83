# Calls of small module functions whose body runs in the caller (`func.is` + the body), and
# everything that must send them back to the call: the global rebound while the caller
# loops (by the caller, by another function through the module object), deleted, the recursion
# limit reached at the call, an exception raised in the body (caught by the caller's
# caller, uncaught with its traceback), a body that calls a small method, a call in a
# `try` block (not inlined), `__del__` order of the body's locals and of the function when
# its global goes away while the body runs (returning or raising), and arguments that do
# not match the annotations (the body's generic copy), and a small function calling another.
import sys


def sq(x: float) -> float:
    return x * x


def clamp(x: int, lo: int, hi: int) -> int:
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def run(n: int) -> float:
    s = 0.0
    t = 0
    for i in range(n):
        s += sq(i * 0.5)
        t += clamp(i % 100, 10, 90)
    return s + t


print("run", run(1000))


def hyp2(x: float, y: float) -> float:
    # Calls a small function itself: both bodies run in the caller.
    return sq(x) + sq(y)


def nested(n: int) -> float:
    s = 0.0
    for i in range(n):
        s += hyp2(i * 0.25, 1.5)
    return s


print("nested", nested(100))


def triple(x: int) -> int:
    return x * 3 + 1


def big_steps(start: int, n: int) -> int:
    # On machine registers until `triple` leaves the 48-bit inline range: that iteration
    # runs again on the generic path, which makes a big int.
    t = 0
    for i in range(n):
        t += triple(start + i)
    return t


print("big", big_steps(2**45 - 3, 6), big_steps(2**46, 3), big_steps(-(2**47), 2))


def loop_at_depth(n: int) -> int:
    t = 0
    for i in range(n):
        t += triple(i)
    return t


def descend(k):
    if k == 0:
        return loop_at_depth(10)
    return descend(k - 1)


def deep_loop(k):
    try:
        return descend(k)
    except RecursionError:
        return "recursion error"


sys.setrecursionlimit(120)
print("deep loop", deep_loop(50), deep_loop(500))
# At the limit, the call of `triple` in the loop raises (the copy leaves the loop there).
at_limit = []
for k in range(110, 120):
    at_limit.append(deep_loop(k))
print("at the limit", at_limit)
sys.setrecursionlimit(1000)


def twice(x):
    return x + x


def other(x):
    return -x


def rebinding(n):
    global twice
    out = []
    original = twice
    for i in range(n):
        out.append(twice(i))
        if i == 2:
            twice = other
        if i == 4:
            twice = original
    return out


print("rebinding", rebinding(7))


def thrice(x):
    return x * 3


def rebind_thrice(value):
    setattr(sys.modules[__name__], "thrice", value)


def rebinding_elsewhere(n):
    out = []
    original = thrice
    for i in range(n):
        out.append(thrice(i))
        if i == 1:
            rebind_thrice(lambda x: ("lambda", x))
        if i == 3:
            rebind_thrice(original)
    return out


print("elsewhere", rebinding_elsewhere(5))


def add1(x):
    return x + 1


def call_add1(i):
    return add1(i)


def deleted(n):
    out = []
    for i in range(n):
        if i == 2:
            delattr(sys.modules[__name__], "add1")
        try:
            out.append(call_add1(i))
        except NameError as e:
            out.append(str(e))
    return out


print("deleted", deleted(4))


def leaf(x):
    return x * 3


def recurse(k):
    if k == 0:
        return leaf(1)
    return recurse(k - 1) + leaf(k)


print("recurse", recurse(50))


def depth_probe(k):
    # The call of `leaf` at the limit raises RecursionError as the call would.
    try:
        return recurse(k)
    except RecursionError:
        return "recursion error"


sys.setrecursionlimit(200)
print("limit", depth_probe(150), depth_probe(400))
sys.setrecursionlimit(1000)


def check(i: int) -> int:
    if i % 3 == 0:
        return i // (i - i)
    return i


def sum_checked(n):
    total = 0
    for i in range(1, n):
        total += check(i)
    return total


def outer_catch(n):
    try:
        return sum_checked(n)
    except ZeroDivisionError as e:
        return ("caught", str(e))


print("outer", outer_catch(2), outer_catch(10))


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, other):
        return self.x * other.x + self.y * other.y


def norm2(v):
    return v.dot(v)


def norms(n):
    return [norm2(Vec(i, i + 1)) for i in range(n)]


print("norms", norms(5))


def in_try(n):
    out = []
    for i in range(n):
        try:
            out.append(sq(i))
        except TypeError:
            out.append("type error")
    return out


print("in try", in_try(4))


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def makes_temp(x):
    tmp = Noisy("temp" + str(x))
    return x + 1


def temps(n):
    for i in range(n):
        print("got", makes_temp(i))
    print("temps done")


temps(2)


def rebinds_and_raises(x):
    # Its global goes away while it runs, then it raises: the traceback keeps its frame,
    # and so the function (and its attribute), until the handler ends.
    setattr(sys.modules[__name__], "rebinds_and_raises", None)
    return x // 0


rebinds_and_raises.held = Noisy("rebinds_and_raises's attribute")


def calls_rebinder(x):
    return rebinds_and_raises(x) + 1


def catch_rebinder():
    try:
        calls_rebinder(1)
    except ZeroDivisionError:
        print("handler runs")
    print("after handler")


catch_rebinder()


def rebinds_itself(x):
    setattr(sys.modules[__name__], "rebinds_itself", None)
    print("still running", x, rebinds_itself)
    return x + 1


rebinds_itself.held = Noisy("rebinds_itself's attribute")


def calls_rebinds_itself(x):
    return rebinds_itself(x) * 2


print("rebinds itself", calls_rebinds_itself(1))


def typed(x: int, y: int) -> int:
    return x * y


print("typed", typed(3, 4), typed(2.5, 2), typed("ab", 3), typed([1], 2))


def annotated_mismatch(n):
    return [typed(i, 0.5) for i in range(n)] + [typed(i, i) for i in range(n)]


print("mismatch", annotated_mismatch(3))


def fails(x):
    return x.missing


def calls_fails(n):
    return [fails(i) for i in range(n)]


def top(n):
    return calls_fails(n)


top(3)
