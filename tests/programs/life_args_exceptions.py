# An exception leaving a callee keeps the callee's frame, and so its parameters, alive
# until the exception is freed: an argument passed as a temporary dies when the handler
# that caught the exception ends, with the callee's other locals.


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def fail(a, b):
    local = C("fail-local")
    print("fail", a.n, b.n)
    raise ValueError("boom " + a.n)


def outer(a):
    fail(a, C("outer-temp"))


def handled_inside(a):
    try:
        raise KeyError(a.n)
    except KeyError as e:
        print("caught inside", e)
    print("handled_inside returns")


try:
    fail(C("t1"), C("t2"))
except ValueError as e:
    print("caught", e)
print("after first")
try:
    outer(C("o1"))
except ValueError as e:
    print("caught", e)
print("after second")
handled_inside(C("h1"))
print("after third")
x = C("named")
try:
    fail(x, C("t3"))
except ValueError:
    print("caught with named")
print("x alive", x.n)
try:
    fail(C("t4"), C("t5"))
except ValueError as e:
    saved = e
print("saved", saved)
del saved
print("end")
