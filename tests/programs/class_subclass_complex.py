class C(complex):
    def conj2(self):
        return self.conjugate() * 2
c = C(1, 2)
print(c, repr(c), c.real, c.imag, c + 1, type(c + 1), c.conj2(), isinstance(c, complex), abs(C(3, 4)))
class D(complex):
    def __new__(cls, r, i=0.0):
        return super().__new__(cls, r * 10, i)
    def __repr__(self):
        return f"D<{self.real},{self.imag}>"
print(D(1, 2), D(3) == 30, hash(D(3)) == hash(30.0), str(D(1)))
print(complex.__abs__(3+4j), complex.__add__(1j, 2), complex.__repr__(1j), complex.__eq__(1j, 1j), complex.__hash__(1j) == hash(1j))
import cmath
class Z(complex):
    tag = "z"
    def __add__(self, other):
        return Z(complex(self) + other)
    def __eq__(self, other):
        return abs(complex(self) - other) < 1e-9
    __hash__ = complex.__hash__
z = Z(1, 1)
print(type(z + 1).__name__, z + 1, 1 + z, type(1 + z).__name__, z * 2, z - 1j, z / 2, z ** 2, -z, +z)
print(z == 1 + 1j, z != 2, hash(z) == hash(1 + 1j), bool(Z(0)), abs(Z(3, -4)), z.conjugate(), z.real, z.imag)
print(cmath.sqrt(Z(-4)), cmath.phase(Z(0, 1)), complex(z), type(complex(z)).__name__, f"{z:.2f}", format(Z(1.5, -2)))
print(isinstance(z, complex), issubclass(Z, complex), Z.__mro__, z.tag, vars(z))
z.extra = 5
print(z.extra, repr(Z()), Z("1+2j"), Z(2.5), Z(real=1, imag=2))
try:
    Z(1, 1) < Z(2, 2)
except TypeError as e:
    print(e)
try:
    pow(Z(1), 2, 3)
except ValueError as e:
    print(e)
try:
    Z("x")
except ValueError as e:
    print(e)
print(sorted([Z(3), Z(1)], key=abs), {Z(1): "a"}[1], Z(1) in {1: 0}, sum([Z(1), Z(2)]))
class W(complex):
    __slots__ = ()
try:
    W(1).x = 1
except AttributeError as e:
    print(e)
print(complex.__add__(Z(1), Z(2)), complex.__repr__(Z(1, 2)), Z.__add__ is not complex.__add__)
