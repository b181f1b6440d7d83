import math

print(math.e, math.tau, math.inf, -math.inf)
print(math.trunc(-2.9), math.trunc(2.9), math.log10(1000), math.log2(1024))
print(math.exp(0), math.exp(1), math.fabs(-3), math.pow(2, 10))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), round(math.atan2(1, 1), 10))
print(math.isinf(float("inf")), math.isnan(float("nan")), math.isfinite(1.0), math.isfinite(math.inf))
print(math.gcd(2 ** 100, 6 ** 50), math.factorial(30) // math.factorial(28))
print(math.floor(-0.5), math.ceil(0.5), math.floor(2 ** 70 + 0.0))
angles = [0, 30, 45, 60, 90]
for a in angles:
    rad = a * math.pi / 180
    print(a, round(math.sin(rad), 6), round(math.cos(rad), 6))
print(math.sqrt(math.pi), math.hypot(3.0, 4.0, 12.0))
