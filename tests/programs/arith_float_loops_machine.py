# Loops of float (and int) arithmetic only: compiled as a copy that keeps floats in machine
# registers; a NaN result, a zero divisor or the loop's end hands the iteration back to the
# generic code, which runs it again.


def kernel(n: int, scale: float) -> float:
    acc = 0.0
    for i in range(n):
        x = i * scale
        acc += x * x - 0.5 * x
    return acc


def ratios(n: int) -> float:
    total = 0.0
    for i in range(1, n):
        total += i / 7 - (i + 1) / (i * 3)
    return total


def divide_by_zero(n: int, d: float) -> float:
    total = 0.0
    for i in range(n):
        total += 1.0 / (d - i)
    return total


def makes_nan(n: int) -> float:
    x = 1.0
    acc = 0.0
    for i in range(n):
        x = x * 1e200
        acc = acc + x * 0.0
    return acc


def overflows_to_inf(n: int) -> float:
    x = 1.5
    for _ in range(n):
        x = x * x
    return x


def negate(n: int) -> float:
    x = 0.0
    for i in range(n):
        x = -x
    return x


def compare_mixed(n: int) -> int:
    hits = 0
    for i in range(n):
        f = i * 0.5
        if f == i // 2 or i == 3.0 or f > 40:
            hits += 1
    return hits


def truthy(n: int, start: float) -> int:
    count = 0
    x = start
    for i in range(n):
        if x:
            count += 1
        if not x:
            count += 100
        x = x - 0.25
    return count


def grow(limit: float) -> int:
    x = 1.0
    steps = 0
    while x < limit:
        x *= 1.5
        steps += 1
    return steps


def nan_invariant(n: int, z: float) -> float:
    acc = 0.0
    for i in range(n):
        acc += z
    return acc


def big_int_invariant(n: int, big: int) -> float:
    acc = 0.0
    for i in range(n):
        acc += big * 0.5
    return acc


def harmonic(n: int) -> float:
    s = 0.0
    k = 1
    while k <= n:
        s += 1 / k
        k += 1
    return s


def pos_neg(n: int) -> float:
    acc = 0.0
    for i in range(n):
        acc = +acc - -(i * 0.125)
    return acc


print(round(kernel(10000, 0.001), 6))
print(ratios(500))
try:
    print(divide_by_zero(10, 4.0))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(divide_by_zero(10, 4.5))
print(makes_nan(6))
print(overflows_to_inf(12))
print(negate(3), negate(4))
print(compare_mixed(100))
print(truthy(10, 1.0), truthy(3, -0.0))
print(grow(1e6), grow(0.5))
print(nan_invariant(3, float("nan")), nan_invariant(3, float("inf")))
print(big_int_invariant(3, 2**60), big_int_invariant(2, 7))
print(harmonic(1000))
print(pos_neg(100))
print(kernel(5, 0.5), kernel(0, 1.0))
