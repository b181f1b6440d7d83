def halve_until(x: float, divisors: list) -> float:
    for y in divisors:
        print(x, "/", y)
        x = x / y
        print("  ->", x)
    return x


print(halve_until(1.5, [2.0, 0.5]))
print(halve_until(3.0, [4.0, 0.0, 1.0]))
print("unreachable")
