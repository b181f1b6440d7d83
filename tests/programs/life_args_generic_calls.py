# Calls the compiler cannot bind statically (through a variable, a container, a lambda,
# a closure, a decorated function, a callable instance) move their arguments as direct
# calls do.


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def f(a, b):
    local = C("f-local")
    print("f", a.n, b.n)


def deco(fn):
    def wrapper(*args):
        print("wrapper")
        return fn(*args)

    return wrapper


@deco
def decorated(a):
    local = C("decorated-local")
    print("decorated", a.n)


def make_adder(base):
    def add(a):
        local = C("closure-local")
        return base + a.n

    return add


class Caller:
    def __call__(self, a):
        local = C("call-local")
        print("called", a.n)


g = f
g(C("g1"), C("g2"))
table = {"f": f}
table["f"](C("t1"), C("t2"))
(lambda a: print("lambda", a.n))(C("l1"))
add = make_adder("base-")
print(add(C("c1")))
decorated(C("d1"))
Caller()(C("i1"))
fs = [f, g]
for h in fs:
    h(C("loop-a"), C("loop-b"))
print("end")
