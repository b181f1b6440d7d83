# Multiple inheritance and the optimizer: fixed slots, inline caches and direct method calls
# of single-base classes must still be right on instances of classes with several bases.
class A:
    def __init__(self):
        self.x = 1
        self.y = 2

    def total(self) -> int:
        return self.x + self.y

    def step(self):
        self.x += 1
        return self.m()

    def m(self):
        return "A.m"


class B:
    def __init__(self):
        self.z = 3

    def m(self):
        return "B.m"

    def grow(self) -> int:
        self.z *= 2
        return self.z


class C(B, A):  # B.m comes before A.m; A's layout (x, y) is not C's
    def __init__(self):
        A.__init__(self)
        B.__init__(self)


class D(A, B):
    def __init__(self):
        super().__init__()
        B.__init__(self)


class E(C):
    def total(self) -> int:
        return super().total() * 100


objs = [A(), C(), D(), E(), A(), C()]
for _ in range(3):
    for o in objs:
        print(type(o).__name__, o.step(), o.total(), isinstance(o, B))
for o in objs[1:4]:
    print(type(o).__name__, o.grow(), sorted(vars(o).items()))


def hot(o, n: int) -> int:
    s = 0
    for i in range(n):
        o.x = i
        s += o.total()
    return s


print([hot(o, 1000) for o in objs])
print([c.__name__ for c in E.__mro__], E.__bases__, C.__base__)
d = D()
d.y = 40
del d.x
print(hasattr(d, "x"), d.y, vars(d))
d.x = 5
print(d.total(), list(vars(d)))
