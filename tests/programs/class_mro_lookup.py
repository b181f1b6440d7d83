# Multiple inheritance: lookup along the C3 MRO, attributes from several bases, keyword-passing
# cooperative __init__, __init_subclass__.
# Attribute lookup along the MRO: class attributes, class and static methods, properties.
class HasX:
    x = "HasX.x"
    @classmethod
    def make(cls):
        return cls.__name__
    @staticmethod
    def s():
        return "static"

class HasY:
    y = "HasY.y"
    x = "HasY.x"
    @property
    def p(self):
        return "prop " + type(self).__name__

class XY(HasX, HasY): pass
class YX(HasY, HasX): pass

print(XY.x, YX.x, XY.y, XY().x, YX().y)
print(XY.make(), YX.make(), XY.s(), XY().p, YX().p)


# Instance attributes set by several bases' methods.
class P1:
    def __init__(self):
        self.a = 1
        self.shared = "P1"
    def bump(self):
        self.a += 10

class P2:
    def setup(self):
        self.b = 2
        self.shared = "P2"
    def bump2(self):
        self.b += 20

class P12(P1, P2):
    def __init__(self):
        super().__init__()
        self.setup()
        self.c = 3

o = P12()
o.bump()
o.bump2()
print(o.a, o.b, o.c, o.shared, sorted(vars(o).items()))
for _ in range(3):
    o.bump()
print(o.a)


# Three-level diamond with keyword-passing cooperative __init__.
class Shape:
    def __init__(self, **kw):
        print("Shape got", sorted(kw))
        super().__init__()

class Colored(Shape):
    def __init__(self, color="red", **kw):
        self.color = color
        super().__init__(**kw)

class Sized(Shape):
    def __init__(self, size=1, **kw):
        self.size = size
        super().__init__(**kw)

class Named:
    def __init__(self, name="?", **kw):
        self.name = name
        super().__init__(**kw)

class Thing(Named, Colored, Sized):
    pass

t = Thing(name="box", color="blue", size=3)
print(t.name, t.color, t.size)
print([c.__name__ for c in Thing.__mro__])


# __init_subclass__ found along the MRO.
class Registry:
    seen = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Registry.seen.append(cls.__name__)

class Mixin:
    pass

class R1(Mixin, Registry): pass
class Other:
    pass

class R2(R1, Other): pass
print(Registry.seen)
