# Multiple inheritance: C3 MRO, diamonds, cooperative super().__init__, isinstance.
class Base:
    def __init__(self):
        print("Base.__init__")
        self.trail = ["Base"]

    def who(self):
        return "Base"

    def describe(self):
        return "Base.describe"


class Left(Base):
    def __init__(self):
        print("Left.__init__")
        super().__init__()
        self.trail.append("Left")

    def who(self):
        return "Left>" + super().who()


class Right(Base):
    def __init__(self):
        print("Right.__init__")
        super().__init__()
        self.trail.append("Right")

    def who(self):
        return "Right>" + super().who()

    def describe(self):
        return "Right.describe"


class Bottom(Left, Right):
    def __init__(self):
        print("Bottom.__init__")
        super().__init__()
        self.trail.append("Bottom")

    def who(self):
        return "Bottom>" + super().who()


b = Bottom()
print(b.trail)
print(b.who())
print(b.describe())
print([c.__name__ for c in Bottom.__mro__])
print([c.__name__ for c in Bottom.mro()])
print(Bottom.__bases__, Bottom.__base__)
print(isinstance(b, Left), isinstance(b, Right), isinstance(b, Base), isinstance(b, object))
print(issubclass(Bottom, Right), issubclass(Right, Bottom), issubclass(Bottom, (int, Right)))
print(super(Left, b).who())
print(super(Right, b).who())
print(super(Bottom, b).describe())
print(type.mro(Bottom) == list(Bottom.__mro__))


# The classic C3 example (Barrett et al.): O, A..F, K1..K3, Z.
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass

print([c.__name__ for c in Z.__mro__])
