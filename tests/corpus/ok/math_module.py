import math


def hypot2(a: float, b: float) -> float:
    return math.sqrt(a * a + b * b)


def circle_area(r: float) -> float:
    return math.pi * r ** 2


print(hypot2(3.0, 4.0))
print(f"{circle_area(2.0):.6f}")
print(math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5))
print(math.sqrt(2), math.isqrt(99), math.gcd(84, 36))
print(math.fabs(-3), abs(-3), math.trunc(-3.7))
print(f"{math.e:.10f} {math.pi:.10f}")
print(math.inf > 1e308, -math.inf < 0, math.isnan(math.nan), math.isinf(math.inf))
print(f"{math.sin(math.pi / 6):.6f} {math.cos(0.0)} {math.atan2(1.0, 1.0):.6f}")
print(f"{math.log(math.e)} {math.log10(1000.0)} {math.log2(8.0)} {math.exp(0.0)}")
print(math.pow(2, 0.5) == math.sqrt(2), math.factorial(20), math.hypot(5.0, 12.0))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
