# round(x, n) rounds the exact binary value of x half to even at n decimal places.
def r(x: float, n: int) -> str:
    try:
        return repr(round(x, n))
    except OverflowError as e:
        return "OverflowError: " + str(e)


def r0(x: float) -> str:
    try:
        return repr(round(x))
    except (OverflowError, ValueError) as e:
        return type(e).__name__ + ": " + str(e)


values = [2.675, 1.005, 0.125, 0.375, 2.5, -2.5, 0.5, 1.5, -0.5, 1e15 + 0.5, 123456789.125,
          5e-324, 1e-300, 0.1, -0.45, 1.7976931348623157e308, 1e22, 12345.6789, -98765.4321,
          0.0, -0.0, 9.995, 1234567.891011]
for x in values:
    print(repr(x), [r(x, n) for n in [-309, -308, -20, -3, -1, 0, 1, 2, 3, 10, 17, 323, 324]])
for x in values[:12] + [float("inf"), float("-inf"), float("nan"), 1e300]:
    print(r0(x), r(x, 2), r(x, -400), round(x, 10**30) == x or x != x)
print(round(2.675, 2), round(1e15 + 0.5, 3), round(-0.4, 0), round(0.5, None))
print((2.675).__round__(2), (3.5).__round__(), round(2**63 + 0.0, -3))

# ints: ndigits >= 0 returns the int; negative rounds half to even to a multiple of 10**-n
for i in [12345, 12350, 12450, -12350, 15, 25, -25, 10**30 + 5, 10**30 + 15, True]:
    print(round(i, -1), round(i, -2), round(i, 3), round(i, -50), type(round(i, 1)).__name__)
print(round(7), round(-7, 0), (7).__round__(-1), round(10**20, 10**30))
