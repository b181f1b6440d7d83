# cmath on non-finite arguments: every function on every pair of C99 Annex G classes of the
# real and imaginary parts (-inf, negative, -0, +0, positive, +inf, nan), with several
# finite values where the result depends on cos/sin of the finite part. Zeros print their
# sign (repr), NaNs theirs (copysign), errors their type and message.
import cmath
import math

inf = float("inf")
nan = float("nan")


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


def call(f, *args):
    try:
        return show(f(*args))
    except (ValueError, OverflowError) as e:
        return type(e).__name__ + ": " + str(e)


classes = [
    ("-inf", [-inf]),
    ("neg", [-2.0, -0.5, -3.0, -1e-300, -1e300, -5e-324]),
    ("-0", [-0.0]),
    ("+0", [0.0]),
    ("pos", [2.0, 0.5, 3.0, 1e-300, 1e300, 5e-324]),
    ("+inf", [inf]),
    ("nan", [nan, -nan]),
]

functions = [
    ("sqrt", cmath.sqrt), ("exp", cmath.exp), ("log", cmath.log), ("log10", cmath.log10),
    ("acos", cmath.acos), ("asin", cmath.asin), ("atan", cmath.atan),
    ("cos", cmath.cos), ("sin", cmath.sin), ("tan", cmath.tan),
    ("acosh", cmath.acosh), ("asinh", cmath.asinh), ("atanh", cmath.atanh),
    ("cosh", cmath.cosh), ("sinh", cmath.sinh), ("tanh", cmath.tanh),
    ("phase", cmath.phase), ("polar", cmath.polar),
    ("isfinite", cmath.isfinite), ("isinf", cmath.isinf), ("isnan", cmath.isnan),
]

for name, f in functions:
    print("==", name)
    for rname, rvals in classes:
        for iname, ivals in classes:
            if rname in ("neg", "pos") and iname in ("neg", "pos"):
                rvals_, ivals_ = rvals[:2], ivals[:2]
            else:
                rvals_, ivals_ = rvals, ivals
            out = []
            for x in rvals_:
                for y in ivals_:
                    out.append(call(f, complex(x, y)))
            print(rname, iname, " ".join(out))

print("== rect")
for rname, rvals in classes:
    for pname, pvals in classes:
        out = []
        for r in rvals:
            for phi in pvals:
                out.append(call(cmath.rect, r, phi))
        print(rname, pname, " ".join(out))

print("== log with a base")
points = [complex(x, y) for x in (-inf, -2.0, -0.0, 0.0, 1.0, 2.0, inf, nan)
          for y in (-inf, -0.0, 0.0, 1.0, inf, nan)]
for z in points:
    print(show(z), " ".join(call(cmath.log, z, b) for b in (2, 0, 1, 0.5j, -1, inf, nan, complex(0, -0.0))))

print("== isclose")
specials = [inf, -inf, nan, 0.0, -0.0, 1.0]
for a in specials:
    for b in specials:
        print(fmt(a), fmt(b),
              cmath.isclose(complex(a, 1), complex(b, 1)),
              cmath.isclose(complex(1, a), complex(1, b)),
              cmath.isclose(a, b, abs_tol=inf),
              cmath.isclose(complex(a, b), complex(a, b)))

print("== constants")
for c in (cmath.inf, cmath.nan, cmath.infj, cmath.nanj, cmath.pi, cmath.e, cmath.tau):
    print(show(c), type(c).__name__)
print(cmath.infj, cmath.nanj, -cmath.infj)

print("== quotients of NaN parts (the NaN log(z, base) keeps)")
pn, nn = math.copysign(nan, 1.0), math.copysign(nan, -1.0)
for b in (complex(2, 1), complex(1, 2), complex(0, math.pi), complex(-3, 0.5)):
    for a in (complex(pn, nn), complex(nn, pn), complex(inf, pn), complex(nn, -inf), complex(1, nn)):
        print(show(a), show(b), call(lambda: a / b))
