# Keyword arguments, defaults and keyword-only parameters: every argument the caller
# passed as a temporary dies with the callee's parameters; defaults stay with the function.


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def f(a, b=C("default-b"), *, c=C("default-c")):
    local = C("local")
    print("f", a.n, b.n, c.n)


def g(x: C, y: C = None) -> str:
    return x.n + "/" + (y.n if y is not None else "-")


f(C("a1"))
f(C("a2"), C("b2"))
f(C("a3"), c=C("c3"))
f(b=C("b4"), a=C("a4"))
f(a=C("a5"), c=C("c5"), b=C("b5"))
print(g(C("x1")))
print(g(y=C("y2"), x=C("x2")))
print(g(C("x3"), y=C("y3")))
h = g
print(h(y=C("y4"), x=C("x4")))
print("end")
