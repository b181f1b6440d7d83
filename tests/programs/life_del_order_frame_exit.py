# A frame releases its locals in CPython's frame order when it returns: parameters, then
# locals in order of first appearance.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def f(p):
    a = C("a")
    b = C("b")
    c = C("c")
    print("end of f")


p = C("param")
f(p)
p = None
print("--")


def g():
    if False:
        print(later)
    first = C("first")
    later = C("later")
    return 1


print(g())
print("--")


def h(x):
    y = C("y")
    return x


r = h(C("returned"))
print("h returned", r.name)
r = None
print("done")
