# A class whose `__new__` is deleted after it had one (also through a base given one
# after the subclass was made): CPython keeps calling the class's `__new__` slot, which then finds `object.__new__` and rejects the call's arguments (a
# class that never had a `__new__` of its own or from a base constructs as usual). Direct
# and inlined constructions must see it too.


class Fresh:
    def __init__(self, x):
        self.x = x


def new(cls, *args):
    print("new", args)
    return object.__new__(cls)


def make(n):
    out = []
    for i in range(n):
        try:
            out.append(Fresh(i).x)
        except TypeError as e:
            out.append(str(e))
        if i == 1:
            Fresh.__new__ = new
        if i == 3:
            del Fresh.__new__
    return out


print(make(6))


class Body:
    def __new__(cls, *args):
        return object.__new__(cls)

    def __init__(self, v):
        self.v = v


print(Body(1).v)
del Body.__new__
try:
    Body(2)
except TypeError as e:
    print(e)
print(type(Body.__new__(Body)).__name__)
try:
    object.__new__(Body, 3)
except TypeError as e:
    print(e)


class Child(Body):
    pass


try:
    Child(4)
except TypeError as e:
    print("child", e)


class Never:
    def __init__(self, v):
        self.v = v


print(Never(5).v)
try:
    object.__new__(Never, 1)
except TypeError as e:
    print(e)


class Bare:
    def __init__(self):
        self.v = 1


def bare(n):
    total = 0
    for i in range(n):
        if i == 2:
            Bare.__new__ = new
        if i == 3:
            del Bare.__new__
        total += Bare().v
    return total


print(bare(6))


class Base:
    def __init__(self, v):
        self.v = v


class Derived(Base):
    pass


Base.__new__ = new
print(Derived(7).v)
del Base.__new__
try:
    Derived(8)
except TypeError as e:
    print("derived", e)
