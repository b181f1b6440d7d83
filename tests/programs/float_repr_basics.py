values = [0.1 + 0.2, 1e16, 1e-5, 1 / 3, 2 / 3, -0.0, 0.0, 1e22, 1e-7, 123456789.0, 1.5e300, 2.5, 100.0, 1e15, 0.1, 3.0 * 1.1]
for v in values:
    print(v, repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(float("1.5"), float("  -2.25 "), float(7), float("1e3"))
print(1e308 * 10, -1e308 * 10)
print(10 / 4, 10 / 5, -7 / 2, 7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2)
print(0.1 * 3, 1.1 * 1.1, 1e-300 * 1e-300)
print(2.0 ** 0.5, 10.0 ** -2, 2 ** 0.5)
print(float(10 ** 16), float(2 ** 53 + 1), 9007199254740993.0)
print(1.0 == 1, 0.1 + 0.2 == 0.3, abs(-2.5))
