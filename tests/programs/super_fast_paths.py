# super().m(...) fast paths (call.super) against CPython: lookups along the MRO, caches
# that must notice patched classes, and every fallback to the generic super object.


class A:
    def f(self, x):
        return ("A.f", x)

    def g(self, *args, **kw):
        return ("A.g", args, sorted(kw.items()))

    def h(self, x, y=10, *, z=20):
        return ("A.h", x, y, z)


class B(A):
    def f(self, x):
        return ("B.f", super().f(x))

    def g(self, a, b):
        return ("B.g", super().g(a, b, k=3))

    def h(self, x):
        return ("B.h", super().h(x, z=5), super().h(x, 2))


class C(B):
    def f(self, x):
        return ("C.f", super().f(x), super(C, self).f(1), super(B, self).f(2))


c = C()
print(c.f(0))
print(B().g(1, 2))
print(C().h(7))

# The method patched on a base class between calls.
for i in range(3):
    print(c.f(i))
    if i == 0:
        A.f = lambda self, x: ("patched A.f", x)
    if i == 1:
        del A.f
        try:
            c.f(9)
        except AttributeError as e:
            print("AttributeError:", e)
        A.f = lambda self, x: ("again A.f", x)


# A subclass defining the method later: the next class after B changes.
class Base:
    def m(self):
        return "Base.m"


class Mid(Base):
    pass


class Leaf(Mid):
    def m(self):
        return "Leaf.m -> " + super().m()


leaf = Leaf()
print(leaf.m())
Mid.m = lambda self: "Mid.m (added later)"
print(leaf.m())
del Mid.m
print(leaf.m())
Mid.m = 42
try:
    print(leaf.m())
except TypeError as e:
    print("TypeError:", e)
del Mid.m
print(leaf.m())


# Diamonds: the class after X depends on type(self).
class Root:
    def who(self):
        return ["Root"]


class X(Root):
    def who(self):
        return ["X"] + super().who()


class Y(Root):
    def who(self):
        return ["Y"] + super().who()


class XY(X, Y):
    def who(self):
        return ["XY"] + super().who()


class YX(Y, X):
    def who(self):
        return ["YX"] + super().who()


for obj in [X(), Y(), XY(), YX(), XY(), X()]:
    print(type(obj).__name__, obj.who())


# classmethod, staticmethod, property and data reached through super.
class P:
    @classmethod
    def cm(cls, x):
        return ("P.cm", cls.__name__, x)

    @staticmethod
    def sm(x):
        return ("P.sm", x)

    @property
    def prop(self):
        return "P.prop"

    data = [1, 2, 3]
    number = 5

    def __init__(self, a, b=2):
        self.a = a
        self.b = b


class Q(P):
    def __init__(self, a):
        super().__init__(a, b=3)

    def cm(self, x):
        return super().cm(x)

    def sm(self, x):
        return super().sm(x)

    def prop_call(self):
        return super().prop.upper()

    def data_call(self):
        return super().data.count(2)

    def number_call(self):
        return super().number.bit_length()

    def missing(self):
        return super().nothing_here(1)

    def not_callable(self):
        return super().number(1)

    def object_method(self):
        return super().__repr__().startswith("<")

    def cls_attr(self):
        return super().__class__.__name__

    def star(self, *args):
        return super().cm(*args)

    def star_kw(self, **kw):
        return super().cm(**kw)

    def twice(self):
        s = super()
        return s.cm(1), s.cm(2)


q = Q(1)
print(q.a, q.b)
print(q.cm(4), q.sm(5), q.prop_call(), q.data_call(), q.number_call())
print(q.object_method(), q.cls_attr(), q.star(6), q.star_kw(x=7), q.twice())
for meth in (q.missing, q.not_callable):
    try:
        meth()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)


# Wrong arguments: the errors of the method called through super.
class R0:
    def f(self, x):
        return x


class R(R0):
    def f(self, x):
        return super().f(x, 1)

    def k(self):
        return super().f(y=1)


for call in (lambda: R().f(1), lambda: R().k()):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


# super() where self is not an instance of the class: the generic error.
class S(A):
    def f(self, x):
        return super().f(x)


try:
    S.f(5, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    S.f(A(), 1)
except TypeError as e:
    print("TypeError:", e)


# super() in a classmethod and a staticmethod, in a nested function, with self reassigned.
class T(P):
    @classmethod
    def cm(cls, x):
        return ("T.cm", super().cm(x))

    @staticmethod
    def st():
        try:
            return super().sm(1)
        except RuntimeError as e:
            return "RuntimeError: " + str(e)

    def nested(self):
        def inner():
            return super(T, self).sm(2)

        return inner()

    def reassigned(self):
        self = Q(3)
        try:
            return super().cm(8)
        except TypeError as e:
            return "TypeError: " + str(e)

    def reassigned_sub(self):
        self = T2()
        return super().cm(9)

    def __init__(self):
        pass


class T2(T):
    pass


print(T.cm(1), T().cm(2), T.st(), T().nested(), T().reassigned(), T().reassigned_sub())


# Arguments computed between super() and the call (kept generic, same order of effects).
def noisy(v):
    print("evaluating", v)
    return v


class U(A):
    def f(self, x):
        return super().f(noisy(x) + 1)


print(U().f(1))
try:
    U.f(3, 1)
except TypeError as e:
    print("TypeError:", e)


# The __init__ chain through super(), in a loop (the cache stays right for every class).
class Shape:
    def __init__(self, name):
        self.name = name


class Square(Shape):
    def __init__(self, side):
        super().__init__("square")
        self.side = side


class Cube(Square):
    def __init__(self, side):
        super().__init__(side)
        self.name = "cube"


shapes = [Square(1), Cube(2), Square(3), Cube(4)]
print([(s.name, s.side) for s in shapes])


# Exceptions: super().__init__ of a builtin class.
class MyError(ValueError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code


try:
    raise MyError("bad", 7)
except MyError as e:
    print(repr(e), e.code, e.args)
