# complex numbers: literals, the constructor (numbers, strings, keywords, __complex__,
# __float__, __index__), arithmetic mixed with ints and floats (CPython 3.11 converts the
# other operand to complex first), division and powers with CPython's algorithms and
# errors, abs, comparisons, hashing, repr/str/format, attributes, and complex results of
# a negative base to a fractional power.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


z = 1 + 2j
w = complex(3, -4)
print(z, w, 1j, -1j, 0j, -(0j), 2.5j, 1e20j, 1e16 + 1j, complex(-0.0, -0.0))
print(z + w, z - w, z * w, z / w, z ** 2, w ** -2, z ** 3, z ** 0.5, z ** w)
print(z + 1, 1 + z, z * 2.5, 2.5 * z, z - True, 3 / z, z / 3, 2 ** z, z ** 101)
print(z.real, z.imag, z.conjugate(), type(z.real).__name__, abs(w), abs(3j), abs(-2 + 0j))
print(complex(), complex(2), complex(2.5, 1), complex(1j, 1j), complex(1 + 2j, 3 + 4j))
print(complex(real=1, imag=2), complex(imag=5), complex(True, False), complex(10 ** 20))
print(complex("1+2j"), complex(" ( 1.5-2J ) "), complex("-j"), complex("1e5j"))
print(complex("inf+nanj"), complex("-infj"), complex("1_0j"), complex("3-j"), complex("4"))
print(z == complex(1, 2), z != w, 1j == 1j + 0, complex(2, 0) == 2, complex(2, 0) == 2.0)
print(2 == complex(2), 2.0 == complex(2, 0), complex(2, 1) == 2, z == "1+2j", z in [w, z])
print(hash(complex(2, 0)) == hash(2), hash(complex(2.5, 0)) == hash(2.5), {1j: "a"}[1j])
print(bool(0j), bool(1j), bool(complex(0, -0.0)), not z)
print(sum([1j, 2, 3.5]), sum([z, w], 0j), -z, +z, [x * 1j for x in range(3)])
print(str(z), format(z), format(z, ">12"), format(z, "<10") + "|", f"{w:^12}|", f"{z}")
print(repr(complex(float("nan"), float("inf"))), repr(complex(1, -float("nan"))))
print(isinstance(z, complex), type(z).__name__, type(z) is complex, complex.__name__)
print((-1.0) ** 0.5, (-8) ** (1 / 3), pow(-2, 0.5), (-2.5) ** 1.5, 2 ** 1j, 1j ** 1j)
print((-1.0) ** 2, (-2.0) ** 3, (-2) ** -1, 4.0 ** 0.5, (-0.5) ** 2.0)
print(float("inf") * 1j, 1j * float("inf"), (1 + 1j) * float("nan"))


class C:
    def __complex__(self):
        return 2 + 3j


class F:
    def __float__(self):
        return 1.5


class I:
    def __index__(self):
        return 7


print(complex(C()), complex(F()), complex(I()), complex(F(), I()), complex(1, F()))

for label, f in [
    ("div0", lambda: 1j / 0),
    ("div0c", lambda: z / 0j),
    ("pow0", lambda: 0j ** -1),
    ("pow0c", lambda: 0.0 ** -1j),
    ("powbig", lambda: (1e200j) ** 2),
    ("powinf", lambda: complex("inf") ** 2),
    ("abs", lambda: abs(complex(1e308, 1e308))),
    ("absinf", lambda: abs(complex(float("inf"), float("nan")))),
    ("floordiv", lambda: 1j // 1),
    ("mod", lambda: 1j % 1),
    ("divmod", lambda: divmod(1j, 1)),
    ("lt", lambda: 1j < 1j),
    ("lt2", lambda: 1 < 1j),
    ("round", lambda: round(1j)),
    ("int", lambda: int(1j)),
    ("float", lambda: float(1j)),
    ("invert", lambda: ~1j),
    ("pow3", lambda: pow(1j, 2, 3)),
    ("pow3b", lambda: pow(2, 1j, 3)),
    ("str2", lambda: complex("1+2j", 1)),
    ("arg2str", lambda: complex(1, "2")),
    ("list", lambda: complex([])),
    ("imaglist", lambda: complex(1, [])),
    ("bad", lambda: complex("x")),
    ("bad2", lambda: complex("1__0j")),
    ("bad3", lambda: complex("(1+2j")),
    ("bad4", lambda: complex("1+2")),
    ("zeropad", lambda: format(1j, "012")),
    ("bigint", lambda: complex(10 ** 400)),
    ("bigmul", lambda: 1j * 10 ** 400),
    ("attr", lambda: z.nope),
    ("kw", lambda: complex(x=1)),
]:
    show(label, f)
x = -0.0
print(complex(-0.0, -0.0), complex(x, x), complex(0.0, x).imag, complex(1, x), complex(1j, x))
print(complex(C(), -0.0), complex(-0.0), complex(x, 0))
# An infinite negative base is a float special case, never a complex (found by the fuzzer).
ninf = float("-inf")
print(ninf ** 0.5, ninf ** -0.5, ninf ** 1.5, ninf ** -1.5, ninf ** 3.0, ninf ** -3.0, ninf ** 2.5)
print((float("inf") / -1.0) ** -0.5, -1.0 < ninf ** -0.5, int(ninf ** -0.5))
