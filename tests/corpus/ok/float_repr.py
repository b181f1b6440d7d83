values = [
    0.1 + 0.2,
    1.0,
    -0.0,
    1 / 3,
    2 / 3,
    1e16,
    1e15,
    123456789.0,
    1e-5,
    0.0001,
    1e22,
    3.0 * 1.1,
    2.5,
    100.0 / 7.0,
]
for v in values:
    print(v, repr(v), str(v))

print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1.23456, 3))
print(int(3.9), int(-3.9), float(7), float("1.5"), float("-inf"), float("inf") * 0 == 0)
print(7 / 2, 7 // 2, -7 // 2, 7.5 // 2, -7.5 % 2, 7 % -3)
print(0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9)
print(max(1.5, 2), min(-0.5, 0), sum([0.1] * 10))
print(2 ** -1, 10 ** 0.5, 4 ** 0.5)
