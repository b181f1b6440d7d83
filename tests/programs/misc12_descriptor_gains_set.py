# A descriptor class that gains __set__ / __delete__ after its instance was stored on a
# class becomes a data descriptor for that class's instances, even for attributes the
# optimizer keeps in fixed slots (inline caches must notice).


class D:
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return "D.__get__"


class C:
    x = D()

    def __init__(self, v):
        self.x = v

    def read(self):
        return self.x

    def write(self, v):
        self.x = v


def show(c: C) -> None:
    print(c.read(), c.x, vars(c))


log = []
a = C(1)
for _ in range(3):
    show(a)
    a.write(2)


def d_set(self, obj, value):
    log.append(("set", value))


D.__set__ = d_set
b = C(3)
for i in range(3):
    show(a)
    show(b)
    a.write(10 + i)
    b.x = 20 + i
print(log)


def d_delete(self, obj):
    log.append("delete")


del D.__set__
D.__delete__ = d_delete
try:
    c = C(5)
except AttributeError as e:
    print("AttributeError:", e)
del D.__delete__
c = C(5)
D.__delete__ = d_delete
show(c)
del c.x
del a.x
print(log)
show(c)
del D.__delete__
c.write(7)
show(c)
print(c.read())
