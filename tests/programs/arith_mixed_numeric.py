# Mixed int/float arithmetic and comparisons, and true division, on typed and untyped
# operands: the compiler computes them natively when both are floats or small ints.


def mixed(i: int, x: float):
    return i + x, x + i, i - x, x - i, i * x, x * i, i / x if x else None, x / i if i else None


def untyped(a, b):
    out = [a + b, a - b, a * b]
    try:
        out.append(a / b)
    except ZeroDivisionError as e:
        out.append("ZeroDivisionError: " + str(e))
    out.append((a < b, a <= b, a == b, a != b, a > b, a >= b))
    return out


def cmp_typed(i: int, x: float):
    return i < x, i <= x, i == x, i != x, i > x, i >= x, x < i, x == i


nan = float("nan")
inf = float("inf")
big = 2**60 + 1
for i, x in ((3, 0.5), (-7, 2.25), (0, -0.0), (2**46, 1e-3), (big, 1.5), (-(2**47), 3.0)):
    print(mixed(i, x))
    print(cmp_typed(i, x))
for a, b in (
    (1, 3), (-7, 2), (7, -2), (10, 5), (0, 5), (5, 0), (5.0, 0), (0, 0.0), (-0.0, 0), (0.0, -1),
    (1.5, 2), (2, 1.5), (nan, 1), (1, nan), (inf, 3), (3, -inf), (big, 3.0), (3.0, big),
    (big, big - 1), (2**53 + 1, float(2**53)), (True, 1.5), (1.5, False),
):
    print(untyped(a, b))
# A kernel mixing ints and floats in a loop.
acc = 0.0
for k in range(1, 2000):
    acc += k / (k + 1) - 0.5 * k + k * 0.25
print(round(acc, 6), acc)
# Powers with a float operand: libm's pow, as CPython; errors and complex results generic.
for a, b in ((2.0, 0.5), (2, 0.5), (2.5, 2), (1e-3, 1.5), (10.0, 400), (1e300, 2.0),
             (0.0, 0.5), (-2.0, 2.0), (0.0, -1.0), (inf, 0.5), (nan, 0.0),
             (2.0, -1075.0), (7, 0.25), (3.0, big)):
    try:
        print(a, b, a ** b)
    except (OverflowError, ZeroDivisionError, ValueError) as e:
        print(a, b, type(e).__name__, e)
d2 = 0.0
for k in range(1, 50):
    d2 += k * 0.37
    print(d2 ** 0.5, end=" ")
print()
