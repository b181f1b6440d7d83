# cmath on thousands of seeded random arguments of every scale (ordinary, near the unit
# circle, near the real and imaginary axes, tiny, subnormal, huge), printed with repr:
# the results must be CPython's to the last bit.
import cmath
import math
import random

rng = random.Random(20261205)


def fmt(x):
    if x != x:
        return "nan" if math.copysign(1.0, x) > 0 else "-nan"
    return repr(x)


def call(f, z):
    try:
        r = f(z)
    except (ValueError, OverflowError) as e:
        return type(e).__name__[0]
    if isinstance(r, complex):
        return fmt(r.real) + "," + fmt(r.imag)
    if isinstance(r, tuple):
        return ",".join(fmt(x) for x in r)
    return fmt(r)


functions = [cmath.sqrt, cmath.exp, cmath.log, cmath.log10, cmath.acos, cmath.asin,
             cmath.atan, cmath.cos, cmath.sin, cmath.tan, cmath.acosh, cmath.asinh,
             cmath.atanh, cmath.cosh, cmath.sinh, cmath.tanh, cmath.phase, cmath.polar]


def part(kind):
    sign = rng.choice((-1.0, 1.0))
    if kind == 0:
        return rng.uniform(-4.0, 4.0)
    if kind == 1:
        return sign * 10.0 ** rng.uniform(-320.0, 308.2)
    if kind == 2:
        return sign * rng.uniform(700.0, 712.0)
    if kind == 3:
        return sign * rng.uniform(0.0, 1e-15)
    if kind == 4:
        return sign * 2.0 ** rng.randint(-1074, 1023)
    if kind == 5:
        return rng.choice((0.0, -0.0))
    return sign * rng.uniform(0.9, 1.1)


count = 0
for i in range(2500):
    kind = i % 9
    if kind < 7:
        z = complex(part(rng.randrange(7)), part(rng.randrange(7)))
    elif kind == 7:
        z = cmath.rect(rng.uniform(0.69, 1.75), rng.uniform(-4.0, 4.0))
    else:
        z = complex(rng.choice((-1.0, 1.0)) + rng.uniform(-1e-8, 1e-8), rng.uniform(-1e-160, 1e-160))
    print(fmt(z.real), fmt(z.imag), " ".join(call(f, z) for f in functions))
    count += 1

for i in range(500):
    r = rng.choice((rng.uniform(-10.0, 10.0), 10.0 ** rng.uniform(-300, 308)))
    phi = rng.choice((rng.uniform(-10.0, 10.0), 10.0 ** rng.uniform(-300, 300)))
    a = complex(rng.uniform(-2, 2), rng.uniform(-2, 2))
    b = a + complex(rng.uniform(-1e-8, 1e-8), rng.uniform(-1e-8, 1e-8))
    base = complex(rng.uniform(-5, 5), rng.uniform(-5, 5))
    try:
        lg = cmath.log(a, base)
        lg = fmt(lg.real) + "," + fmt(lg.imag)
    except ValueError:
        lg = "V"
    w = cmath.rect(r, phi)
    print(fmt(w.real), fmt(w.imag), lg, cmath.isclose(a, b), cmath.isclose(a, b, rel_tol=1e-8),
          cmath.isclose(a, b, abs_tol=5e-9))
print(count)
