# Inline caches of method calls and attribute access stay correct when a class namespace
# changes between two runs of the same site: plain data hiding an inherited method,
# deletion showing it again, changes of a base, instance attributes shadowing methods,
# and hooks added after the site cached.


class A:
    def f(self):
        return "A.f"

    def g(self):
        return "A.g"


class B(A):
    def __init__(self):
        self.x = 1

    def call_f(self):
        return self.f()

    def call_g(self):
        return self.g()

    def read_x(self):
        return self.x


def attempt(fn):
    try:
        return fn()
    except Exception as e:
        return f"{type(e).__name__}: {e}"


b = B()
for _ in range(3):
    print(b.call_f(), b.call_g(), b.read_x())

# Plain data set on the subclass hides the inherited method.
B.f = 5
print(attempt(b.call_f))
print(attempt(lambda: b.f()))
# Deleting it shows the method again.
del B.f
print(attempt(b.call_f))
# Plain data on the base where the method lives.
A.g = "text"
print(attempt(b.call_g))
A.g = lambda self: "new A.g"
print(attempt(b.call_g))
del A.g
print(attempt(b.call_g))


def set_in_function(cls, name, v):
    setattr(cls, name, v)


set_in_function(B, "f", None)
print(attempt(b.call_f))
delattr(B, "f")
print(attempt(b.call_f))

# A plain class attribute changed plain -> plain.
class Counter:
    count = 0

    def bump(self):
        Counter.count += 1
        return self.count


c = Counter()
print([c.bump() for _ in range(4)])

# Instance attributes shadowing methods.
b2 = B()
print(b2.call_f())
b2.f = 7
print(attempt(b2.call_f))
b2.f = lambda: "instance f"
print(attempt(b2.call_f))
del b2.f
print(attempt(b2.call_f))
print(attempt(b.call_f))

# A slot-held instance attribute: the class attribute is plain data, then a property.
print(b.read_x())
B.x = 100
print(b.read_x())
B.x = property(lambda self: "property x")
print(attempt(b.read_x))
del B.x
print(b.read_x())

# __getattr__ / __getattribute__ added after the site cached.
class C:
    def __init__(self):
        self.y = 2

    def m(self):
        return "C.m"

    def read_y(self):
        return self.y

    def read_z(self):
        return self.z

    def call_m(self):
        return self.m()


o = C()
for _ in range(3):
    print(o.call_m(), o.read_y(), attempt(o.read_z))
C.__getattr__ = lambda self, name: f"getattr {name}"
print(o.call_m(), o.read_y(), attempt(o.read_z))
C.__getattribute__ = lambda self, name: f"getattribute {name}"
print(attempt(o.read_y), attempt(o.read_z))
print(attempt(o.call_m))
del C.__getattribute__
print(o.call_m(), o.read_y(), attempt(o.read_z))
del C.__getattr__
print(o.call_m(), o.read_y(), attempt(o.read_z))

# Multiple inheritance: a name set on a class in the middle of the MRO.
class D:
    def h(self):
        return "D.h"


class E:
    pass


class F(E, D):
    def call_h(self):
        return self.h()


fo = F()
print(fo.call_h(), fo.call_h())
E.h = 3
print(attempt(fo.call_h))
del E.h
print(attempt(fo.call_h))
E.h = lambda self: "E.h"
print(attempt(fo.call_h))

# The same site, many receivers of several classes.
class G(A):
    pass


def run(objs):
    return [attempt(o.f) for o in objs]


objs = [A(), B(), G(), A()]
print(run(objs))
G.f = 0
print(run(objs))
del G.f
A.f = 1
print(run(objs))
