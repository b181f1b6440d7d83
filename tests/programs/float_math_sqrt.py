import math


def hyp(a: float, b: float) -> float:
    return math.sqrt(a * a + b * b)


print(math.sqrt(2), math.sqrt(16), math.sqrt(0.25), math.sqrt(1e100), math.sqrt(10))
print(hyp(3, 4), hyp(1.5, 2.0), math.hypot(5, 12), math.hypot(1, 1))
print(math.pi, math.pi * 2, round(math.pi, 4))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.floor(5), math.ceil(5.0))
print(math.log(1), math.log(100, 10), math.log(8, 2), round(math.log(10), 12))
print(math.gcd(12, 18), math.gcd(0, 9), math.factorial(12), math.factorial(25))
x = 1.0
for i in range(6):
    x = (x + 2 / x) / 2
    print(i, x)
print(x == math.sqrt(2), abs(x - math.sqrt(2)) < 1e-15)
print(math.floor(1e20), math.ceil(-0.5), type(math.floor(2.5)).__name__)
r = 2.5
print(f"area {math.pi * r ** 2:.4f} circumference {2 * math.pi * r:.4f}")
