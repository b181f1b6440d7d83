# Zero-argument super() uses the implicit __class__ cell (the class as it was created)
# and the current value of the method's first argument.


class Base:
    def hello(self) -> str:
        return "Base.hello " + type(self).__name__

    def who(self):
        return "base"


class Child(Base):
    def hello(self) -> str:
        return "Child+" + super().hello()

    def cls(self):
        return __class__.__name__

    def swap(self, other):
        self = other
        return super().who()

    def nested(self):
        def inner(obj):
            return super().who()
        return inner(self)

    def lam(self):
        f = lambda s: super().hello()
        return f(self)

    def comp(self):
        return [super().who() for _ in range(1)]


def register(cls):
    cls.tag = "registered"
    return cls


@register
class Decorated(Base):
    def hello(self):
        return "Decorated+" + super().hello()


Old = Child
c = Child()
print(c.hello())
Child = None  # rebinding the global name does not matter
print(c.hello())
print(c.cls())
print(c.nested())
print(c.lam())
print(Decorated().hello(), Decorated.tag)


class Other(Base):
    pass


# A method copied to another class keeps its own __class__.
Other.copied = Old.hello
print(Other().copied.__name__)
try:
    Other().copied()
except TypeError as e:
    print("TypeError:", e)

# The current first argument: rebinding self changes what super() binds.
print(Old().swap(Old()))
try:
    Old().swap(42)
except TypeError as e:
    print("TypeError:", e)

try:
    Old().comp()
except TypeError as e:
    print("TypeError:", e)
