def harmonic(n: int) -> float:
    total = 0.0
    for k in range(1, n + 1):
        total += 1 / k
    return total


def leibniz(n: int) -> float:
    s = 0.0
    sign = 1.0
    for k in range(n):
        s += sign / (2 * k + 1)
        sign = -sign
    return 4 * s


for n in [1, 2, 10, 100, 1000]:
    print(n, harmonic(n), leibniz(n))
acc = 0.0
for i in range(10):
    acc += 0.1
    print(i, acc)
print(acc == 1.0, round(acc, 10) == 1.0)
print(1.0 / 7, 22 / 7, 355 / 113, 2 ** -10, 3.5 * -2, 7 / -2)
print(1e16 + 1, 1e16 + 2, 2.0 ** 63, 5e-324, 5e-324 / 2, 1.7976931348623157e308)
