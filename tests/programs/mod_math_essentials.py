import math


def circle(r: float) -> tuple:
    return math.pi * r * r, 2 * math.pi * r


for r in [0.5, 1, 2.5]:
    a, c = circle(r)
    print(r, round(a, 6), round(c, 6))
print(math.sqrt(144), math.sqrt(2) ** 2, math.floor(-3.5), math.ceil(-3.5), math.floor(3.999), math.ceil(3.001))
print(math.gcd(1071, 462), math.gcd(-12, 8), math.factorial(0), math.factorial(20))
print(math.log(1000, 10), math.log(math.pi), math.log(2 ** 20, 2))
print(math.hypot(8, 15), math.hypot(-3, 0))
print(math.factorial(50) // math.factorial(48), math.factorial(10) // (math.factorial(3) * math.factorial(7)))
total = 0
for i in range(1, 50):
    total += math.gcd(i, 48)
print("gcd sum", total)
print(math.floor(math.sqrt(10 ** 10 + 1)), math.ceil(math.log(10 ** 6, 2)))
