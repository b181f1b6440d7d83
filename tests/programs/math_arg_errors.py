# Argument errors of every math function (counts, keywords, types) with CPython's messages.
import math

names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'cbrt', 'ceil', 'comb', 'copysign', 'cos', 'cosh', 'degrees', 'dist', 'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'factorial', 'floor', 'fmod', 'frexp', 'fsum', 'gamma', 'gcd', 'hypot', 'isclose', 'isfinite', 'isinf', 'isnan', 'isqrt', 'lcm', 'ldexp', 'lgamma', 'log', 'log10', 'log1p', 'log2', 'modf', 'nextafter', 'perm', 'pow', 'prod', 'radians', 'remainder', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'trunc', 'ulp']
print(names)

def show(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

for n in names:
    f = getattr(math, n)
    show(n + "()", f)
    show(n + "('s')", f, "s")
    show(n + "(None)", f, None)
    show(n + "(1, 's')", f, 1, "s")
    show(n + "('s', 1)", f, "s", 1)
    show(n + "(1, 2, 3)", f, 1, 2, 3)
    show(n + "(1, 2, 3, 4)", f, 1, 2, 3, 4)
    show(n + "(x=1)", f, x=1)
    show(n + "(1, x=1)", f, 1, x=1)
    show(n + "(1, 2, x=1)", f, 1, 2, x=1)
    show(n + "([1.5])", f, [1.5])
    show(n + "(1.5)", f, 1.5)
    show(n + "(2, 1)", f, 2, 1)

# Argument Clinic binding of isclose and prod.
show("isclose(1, 1, rel_tol=0.5)", math.isclose, 1, 1, rel_tol=0.5)
show("isclose(a=1, b=1)", math.isclose, a=1, b=1)
show("isclose(1, a=1)", math.isclose, 1, a=1)
show("isclose(1, 2, rel_tol=1, abs_tol=2, x=3)", math.isclose, 1, 2, rel_tol=1, abs_tol=2, x=3)
show("isclose(1, 2, 0.5, abs_tol=2)", math.isclose, 1, 2, 0.5, abs_tol=2)
show("isclose(1, 1.1, rel_tol=-1)", math.isclose, 1, 1.1, rel_tol=-1)
show("prod([2, 3], start=5)", math.prod, [2, 3], start=5)
show("prod(iterable=[2])", math.prod, iterable=[2])
show("prod([2], start=1, x=1)", math.prod, [2], start=1, x=1)
show("prod(start=1)", math.prod, start=1)
show("log(8, 2)", math.log, 8, 2)
show("log(8, base=2)", math.log, 8, base=2)
show("perm(5)", math.perm, 5)
show("perm(5, k=2)", math.perm, 5, k=2)
show("hypot()", math.hypot)
show("hypot(x=3)", math.hypot, x=3)
show("gcd()", math.gcd)
show("lcm(4, y=6)", math.lcm, 4, y=6)
show("fsum([1], x=1)", math.fsum, [1], x=1)
