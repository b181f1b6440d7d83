# A temporary computed before an exception in the middle of a tuple assignment is released
# while the exception propagates (CPython unwinds its value stack), not when the exception
# is freed: "del" lines come before "caught".
class C:
    def __init__(self, n: int) -> None:
        self.n = n

    def __del__(self) -> None:
        print("del", self.n)

    def __add__(self, other: "C") -> "C":
        return C(self.n * 10)


def make(n: int) -> C:
    return C(n)


def fails():
    raise ValueError("boom")


def pair():
    a, b = make(1), fails()
    print("unreachable", a, b)


def three(p):
    a, b, c = p, make(3), fails()


def nested_targets():
    a, (b, c) = make(4), (make(5), fails())


def starred_target():
    a, *b = make(6), make(7), fails()


def attribute_target(o: C) -> None:
    o.x, y = make(8), fails()


def in_loop():
    for i in range(2):
        a, b = make(10 + i), (fails() if i else make(20))
        print("iteration", i)


def rebinding():
    a = make(30)
    a, b = a + a, fails()


def outer():
    x, y = make(40), make(41)
    inner(x)


def inner(x: C) -> None:
    a, b = x, fails()


def local_handler():
    try:
        a, b = make(50), fails()
    except ValueError:
        print("caught in local_handler")
    print("after local_handler")


for f in (pair, lambda: three(make(2)), nested_targets, starred_target,
          lambda: attribute_target(make(9)), in_loop, rebinding, outer, local_handler):
    try:
        f()
    except ValueError:
        print("caught")
    print("--")
a, b = make(60), make(61)
c, d = make(62), fails()
