import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
for x in [0.0, 0.5, 1.0, 2.0, 10.0, 1e-10]:
    print(x, math.sqrt(x), math.exp(x), math.log1p(x), math.sin(x), math.cos(x), math.atan(x))
print(math.log(8, 2), math.log10(1000), math.log2(1024), math.log(math.e), math.log(10 ** 30))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.floor(3), math.ceil(2 ** 70 + 0.0) == 2 ** 70)
print(math.fabs(-3), math.copysign(2, -0.0), math.fmod(7, -3), math.remainder(7, 3), math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.factorial(20), math.factorial(30), math.comb(10, 3), math.perm(5, 2), math.gcd(12, 18, 24), math.lcm(4, 6))
print(math.isqrt(10 ** 20 + 1), math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isfinite(1e308 * 10))
print(math.degrees(math.pi), math.radians(180), math.atan2(1, -1), math.asin(1), math.acos(0))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 6), start=2), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.modf(3.75), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.5, 4), math.dist((0, 0), (3, 4)))
print(math.erf(0.5), math.erfc(0.5), math.expm1(1e-10), math.pow(2, 0.5))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.factorial(-1), lambda: math.acos(2)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.cbrt(27.0) if hasattr(math, "cbrt") else "no cbrt")
