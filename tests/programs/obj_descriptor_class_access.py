# Descriptors accessed through the class get obj=None and the owner.
class Describe:
    def __get__(self, obj, owner):
        who = "class" if obj is None else "instance"
        return f"{who} access on {owner.__name__}"


class Base:
    d = Describe()


class Derived(Base):
    pass


print(Base.d)
print(Derived.d)
print(Base().d)
print(Derived().d)
print(getattr(Derived, "d"))
print(type(Base.__dict__["d"]).__name__)


class Const:
    def __init__(self, v):
        self.v = v

    def __get__(self, obj, owner=None):
        return self.v


class Uses:
    one = Const(1)
    two = Const(2)

    def total(self):
        return self.one + self.two + Uses.one


print(Uses().total(), Uses.two)
