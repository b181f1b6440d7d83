# `__init__` called by a class call gets new references (CPython calls it through the
# type's slot), so the caller's temporaries outlive `__init__`'s locals; an explicit
# `super().__init__(...)` call moves its arguments like any method call.


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


class Holder:
    def __init__(self, a, b):
        tmp = C("init-local")
        self.name = a.n + "+" + b.n
        print("Holder.__init__", self.name)


class Base:
    def __init__(self, part):
        local = C("base-local")
        print("Base.__init__", part.n)


class Derived(Base):
    def __init__(self, part):
        super().__init__(C("super-arg"))
        print("Derived.__init__", part.n)


class Keeper:
    def __init__(self, item):
        self.item = item


h = Holder(C("x"), C("y"))
print("made", h.name)
d = Derived(C("derived-arg"))
print("made derived")
k = Keeper(C("kept"))
print("keeper has", k.item.n)
k = None
print("keeper gone")
print(Holder(C("p"), C("q")).name)
print("end")
