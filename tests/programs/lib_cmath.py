# The cmath module: every function over a grid of ordinary values, signed zeros, values
# near overflow and underflow (subnormals), the argument types CPython accepts, and its
# TypeErrors, ValueErrors and OverflowErrors. Results print with repr (bit-exact floats,
# signed zeros).
import cmath
import math


def fmt(x):
    if x != x:
        return "nan" if math.copysign(1.0, x) > 0 else "-nan"
    return repr(x)


def show(r):
    if isinstance(r, complex):
        return "(" + fmt(r.real) + ", " + fmt(r.imag) + ")"
    if isinstance(r, tuple):
        return "(" + ", ".join(fmt(x) for x in r) + ")"
    if isinstance(r, float):
        return fmt(r)
    return repr(r)


def call(f, *args, **kwargs):
    try:
        return show(f(*args, **kwargs))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        return type(e).__name__ + ": " + str(e)


unary = [cmath.sqrt, cmath.exp, cmath.log, cmath.log10, cmath.acos, cmath.asin, cmath.atan,
         cmath.cos, cmath.sin, cmath.tan, cmath.acosh, cmath.asinh, cmath.atanh, cmath.cosh,
         cmath.sinh, cmath.tanh, cmath.phase, cmath.polar]

print("== constants")
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.pi == math.pi, cmath.e == math.e, cmath.tau == math.tau)
print(type(cmath.infj).__name__, cmath.infj.real, cmath.infj.imag, cmath.nanj.real)
print(cmath.sqrt.__name__, cmath.isclose.__name__, cmath.__name__)

print("== grid")
grid = [-3.0, -1.5, -1.0, -0.5, -0.0, 0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0]
for x in grid:
    for y in grid:
        z = complex(x, y)
        print(show(z), " ".join(call(f, z) for f in unary))

print("== near the unit circle and the branch points")
for t in range(24):
    phi = t * math.pi / 12
    for r in (0.7, 0.71, 0.999999, 1.0, 1.000001, 1.73, 1.74):
        z = cmath.rect(r, phi)
        print(show(z), " ".join(call(f, z) for f in unary))
for z in [1 + 1e-20j, 1 - 1e-20j, -1 + 1e-20j, 1 + 1e-160j, 1 - 1e-170j, 1 + 5e-324j,
          -1 - 5e-324j, 1j + 1e-20, -1j - 1e-20, 1.0000000001 + 0j, 0.9999999999 - 0j,
          1 + 1e-154j, 1 + 1.5e-154j]:
    print(show(z), " ".join(call(f, z) for f in unary))

print("== tiny and huge")
edges = [5e-324, 1e-320, 2.2250738585072014e-308, 2.225073858507201e-308, 1e-300, 1e-200,
         1.4916681462400413e-154, 1e-20, 1e20, 1e150, 1.3407807929942596e+154, 1e200,
         4.49423283715579e+307, 4.4942328371557893e+307, 1e308, 1.7976931348623157e308,
         700.0, 708.3964185322641, 708.3964185322642, 709.0, 709.78, 710.0, 711.0, 745.0,
         1000.0, 18.0, 19.0, 20.0, 22.0, 30.0]
for a in edges:
    for sa in (1.0, -1.0):
        for b in (0.0, -0.0, 1.0, -2.5, 5e-324, 1e-300, 1e300, 1.7976931348623157e308):
            z = complex(sa * a, b)
            w = complex(b, sa * a)
            print(show(z), " ".join(call(f, z) for f in unary))
            print(show(w), " ".join(call(f, w) for f in unary))

print("== rect")
for r in (0.0, -0.0, 1.0, -1.0, 2.5, 1e308, -1e308, 5e-324, 1e-300):
    for phi in (0.0, -0.0, 0.5, -0.5, math.pi, -math.pi, math.pi / 2, 3.0, 1e300, -1e-300, 100.0):
        print(fmt(r), fmt(phi), call(cmath.rect, r, phi))

print("== log with a base")
for z in (1, 2, 10, 0.5, -1, 1j, -2 - 3j, 1e300, 5e-324, 100, 1e-10j):
    print(show(complex(z)), " ".join(call(cmath.log, z, b) for b in (2, 10, math.e, 0.5, 3j, -2, 1e-300, 1 + 1j, 1.0)))
print(call(cmath.log, 8, 2), call(cmath.log, 0, 2), call(cmath.log, 2, 0), call(cmath.log, 0, 0))
print(call(cmath.log, 1, 1), call(cmath.log, 0, 1), call(cmath.log, 0, 1e300))
print(call(cmath.log, 0, "x"), call(cmath.log, "x", 0), call(cmath.log, 0, None), call(cmath.log, -0.0, 1j))

print("== isclose")
pairs = [(1, 1), (1, 1 + 1e-10), (1, 1 + 1e-8), (1j, 1j + 1e-10), (1 + 1j, 1 + 1.0000000001j),
         (0, 1e-10), (0, 0.0), (1e308 + 1e308j, -1e308 - 1e308j), (1e-300, 0), (100, 101),
         (complex(1, 1), complex(1.0000000009, 1)), (5e-324, -5e-324)]
for a, b in pairs:
    print(show(complex(a)), show(complex(b)), call(cmath.isclose, a, b),
          call(cmath.isclose, a, b, rel_tol=0.1), call(cmath.isclose, a, b, abs_tol=1e-9),
          call(cmath.isclose, b, a, rel_tol=0.0, abs_tol=0.0),
          call(cmath.isclose, a=a, b=b, rel_tol=1e-5, abs_tol=1e-300))

print("== predicates")
for z in (0, 1.5, 1j, complex(math.inf, 0), complex(0, -math.inf), complex(math.nan, 1),
          complex(1, math.nan), complex(math.inf, math.nan), -0.0, 10 ** 20, True):
    print(show(complex(z)), cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))


class F:
    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 3


class C:
    def __complex__(self):
        return 1 + 2j


class CF:
    def __complex__(self):
        return -1 - 1j

    def __float__(self):
        return 9.0


class BadC:
    def __complex__(self):
        return 1.5


class BadF:
    def __float__(self):
        return 1


print("== argument types")
for arg in (True, False, 7, -7, 2 ** 60, 10 ** 300, 10 ** 400, 1.5, F(), I(), C(), CF(),
            BadC(), BadF(), "1", b"1", None, [1], (1,)):
    name = type(arg).__name__
    print(name, call(cmath.sqrt, arg), call(cmath.phase, arg), call(cmath.polar, arg),
          call(cmath.isnan, arg), call(cmath.rect, arg, 0.5), call(cmath.rect, 1, arg),
          call(cmath.log, arg), call(cmath.log, 2, arg), call(cmath.isclose, arg, 1),
          call(cmath.isclose, 1, 1, rel_tol=arg), call(cmath.isclose, 1, 2, abs_tol=arg))

print("== argument errors")
for f in (cmath.sqrt, cmath.exp, cmath.cos, cmath.atanh, cmath.log10, cmath.phase,
          cmath.polar, cmath.isnan, cmath.isinf, cmath.isfinite):
    print(call(f), call(f, 1, 2), call(f, z=1))
print(call(cmath.log), call(cmath.log, 1, 2, 3), call(cmath.log, 1, base=2), call(cmath.log, z=1))
print(call(cmath.rect), call(cmath.rect, 1), call(cmath.rect, 1, 2, 3), call(cmath.rect, r=1, phi=2))
print(call(cmath.rect, 1j, 0), call(cmath.rect, 0, 1j))
print(call(cmath.isclose), call(cmath.isclose, 1), call(cmath.isclose, 1, 2, 3),
      call(cmath.isclose, 1, 2, 3, 4), call(cmath.isclose, 1, 2, 3, 4, 5))
print(call(cmath.isclose, 1, 2, a=3), call(cmath.isclose, 1, a=2), call(cmath.isclose, b=1),
      call(cmath.isclose, 1, 2, foo=1), call(cmath.isclose, 1, 2, rel_tol=1, foo=3),
      call(cmath.isclose, a=1, b=2, rel_tol=1, abs_tol=1, c=3),
      call(cmath.isclose, 1, b=2, rel_tol=1, abs_tol=1, c=3))
print(call(cmath.isclose, 1, 2, rel_tol=-1), call(cmath.isclose, 1, 2, abs_tol=-1e-300),
      call(cmath.isclose, 1, 2, rel_tol=-1, abs_tol="x"), call(cmath.isclose, "x", 2, rel_tol=-1),
      call(cmath.isclose, 1, 2, rel_tol=1j), call(cmath.isclose, 1, 2, rel_tol=math.nan),
      call(cmath.isclose, 1, 2, **{"rel_tol": 0.5}), call(cmath.isclose, 1, 2, rel_tol=math.inf))

print("== errors")
for f, z in [(cmath.log, 0), (cmath.log, -0.0), (cmath.log10, 0j), (cmath.atanh, 1), (cmath.atanh, -1),
             (cmath.atanh, complex(1, -0.0)), (cmath.atan, 1j), (cmath.atan, -1j),
             (cmath.exp, 710), (cmath.exp, complex(709.9, 1)), (cmath.exp, complex(1e308, 0.0)),
             (cmath.cosh, 711), (cmath.sinh, -711), (cmath.cos, 711j), (cmath.sin, -711j),
             (cmath.cosh, complex(710.4, 1)), (cmath.sinh, complex(710.4, 1e-300)),
             (cmath.tan, 1e308j), (cmath.tanh, 1e308), (cmath.exp, complex(-1e308, 1)),
             (cmath.polar, complex(1.5e308, 1.5e308)), (cmath.phase, complex(1e300, 1e-300)),
             (cmath.phase, complex(1e10, 1e-320)), (cmath.phase, complex(-1e300, 1e-300)),
             (cmath.phase, complex(1, 1e-310)), (cmath.polar, complex(1e300, 1e-300)),
             (cmath.sqrt, complex(-1e308, 1e308)), (cmath.acos, complex(1e308, -1e308)),
             (cmath.asinh, complex(-1e308, 1e-308)), (cmath.acosh, complex(-1e308, 0.0))]:
    print(f.__name__, show(complex(z)), call(f, z))
try:
    cmath.sqrt("x")
except TypeError as e:
    print("TypeError", e)
print(cmath.sqrt(-1), cmath.exp(1j * math.pi), cmath.log(-1), cmath.polar(-1), cmath.rect(2, math.pi / 3))
cmath.log(0)
