# Arguments passed as temporaries belong to the callee's frame (CPython 3.11 moves them):
# they die with the callee's parameters, first among its locals, in parameter order.


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def f(a, b):
    x = C("local")
    print("in f", a.n, b.n)


def g(a: C) -> None:
    print("in g", a.n)


def three(a, b, c):
    y = C("y")
    z = C("z")
    print("three", a.n, b.n, c.n, y.n, z.n)
    return a.n + b.n


def ident(a):
    return a


print("start")
f(C("arg1"), C("arg2"))
g(C("g-arg"))
h = C("named")
f(h, C("t"))
print("after named")
print(three(C("p"), h, C("q")))
r = ident(C("returned"))
print("kept", r.n)
del r
print(ident(C("printed")).n)
ident(C("dropped"))
print("nested")
f(ident(C("inner")), C("outer"))
print("loop")
for i in range(3):
    g(C(i))
print("end")
