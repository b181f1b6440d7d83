# Direct construction of module classes (`call.class.direct`): the class global rebound
# or deleted from outside the module's view, `__init__` replaced on the class or on a base
# after construction started, construction before the class statement ran.
import sys

this = sys.modules[__name__]


def make_early(x):
    return Early(x)


try:
    make_early(1)
except NameError as e:
    print("before the class statement:", e)


class Early:
    def __init__(self, x):
        self.x = x


print("after:", make_early(2).x)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Other:
    def __init__(self, x, y):
        self.x = -x
        self.y = -y


def build(n):
    out = []
    for i in range(n):
        p = Point(i, i + 1)
        out.append(p if isinstance(p, tuple) else (type(p).__name__, p.x, p.y))
    return out


print(build(3))
setattr(this, "Point", Other)
print(build(3))
this.Point = lambda a, b: ("fake", a, b)
print(build(2))
delattr(this, "Point")
try:
    build(1)
except NameError as e:
    print("deleted:", e)


class Base:
    def __init__(self, a, b):
        self.a = a
        self.b = b


class Sub(Base):
    pass


def subs(n):
    return [(Sub(i, 2 * i).a, Sub(i, 2 * i).b) for i in range(n)]


print(subs(3))
original = Base.__init__


def replaced(self, a, b):
    self.a = ("replaced", a)
    self.b = b


Base.__init__ = replaced
print(subs(2))
setattr(Base, "__init__", lambda self, a, b: setattr(self, "a", "lambda") or setattr(self, "b", b))
print(subs(2))
Base.__init__ = original
print(subs(2))
Sub.__init__ = lambda self, a, b: None
s = Sub(1, 2)
print(hasattr(s, "a"), hasattr(s, "b"))
del Sub.__init__
print(Sub(5, 6).a)


class Counter:
    made = 0

    def __init__(self, k):
        Counter.made += 1
        self.k = k


def count(n):
    total = 0
    for i in range(n):
        total += Counter(i).k
    return total


print(count(100), Counter.made)
Counter.extra = "x"
print(count(10), Counter.made, Counter(3).extra)


class Mid:
    def __init__(self, v):
        self.v = v


def change_mid(v):
    # Replaces `__init__` while the loop below constructs.
    if v == 2:
        Mid.__init__ = lambda self, v: setattr(self, "v", v * 100)
    return v


def mids():
    got = []
    for i in range(5):
        m = Mid(i)
        change_mid(i)
        got.append(m.v)
    return got


print(mids())
print(Mid(7).v)
