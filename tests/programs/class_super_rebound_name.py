# Zero-argument super() works whatever binds the name `super`, as long as its value is the
# builtin when the call runs: a global `super = super`, a local, a module attribute.
BUILTIN_SUPER = super
super = super


class A:
    def f(self):
        return "A.f"

    def g(self, x):
        return f"A.g({x})"


class B(A):
    def f(self):
        return "B.f>" + super().f()

    def g(self, x):
        return "B.g>" + super().g(x + 1)

    def local_alias(self):
        super = BUILTIN_SUPER
        return super().f()

    def via_comprehension(self):
        return [super().g(i) for i in range(2)]


b = B()
print(b.f())
print(b.g(1))
print(b.local_alias())
try:
    print(b.via_comprehension())
except TypeError as e:
    print("TypeError", e)


class C(B):
    def f(self):
        return "C.f>" + super().f()


print(C().f())

# A global `super` that is not the builtin is just called.
def fake_super():
    return "fake"


class D(A):
    def f(self):
        return super()


super = fake_super
print(D().f())
super = BUILTIN_SUPER
print(type(D().f()).__name__, D().f().f())


class E(A):
    def f(self):
        return super().f()


super = 5
try:
    E().f()
except TypeError as e:
    print("TypeError", e)
del super
print(E().f())


# Rebound inside a static method (no argument): the builtin's own error.
class F:
    @staticmethod
    def s():
        return super()


super = BUILTIN_SUPER
try:
    F.s()
except RuntimeError as e:
    print("RuntimeError", e)


def plain():
    return super()


try:
    plain()
except RuntimeError as e:
    print("RuntimeError", e)
