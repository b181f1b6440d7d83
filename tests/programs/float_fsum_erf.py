# math.fsum's special values and overflow; math.erf/erfc as the C library computes them.
import math


def fs(xs: list) -> str:
    try:
        return repr(math.fsum(xs))
    except (OverflowError, ValueError) as e:
        return type(e).__name__ + ": " + str(e)


inf = float("inf")
cases = [[0.1] * 10, [1e100, 1.0, -1e100], [1e308, 1e308, -1e308], [1e308, 1e308],
         [inf, 1.0], [inf, -inf], [float("nan"), 1.0], [float("nan"), inf, -inf],
         [-inf, -inf], [], [0.0, -0.0], [-0.0], [2**64, 0.5, -(2**64)], [1e-320, 1e-320]]
for c in cases:
    print(fs(c))
for x in [0.0, -0.0, 0.1, 0.5, -0.5, 1.0, 2.0, 3.5, 6.0, -6.5, 27.0, 1e-300]:
    print(x, math.erf(x), math.erfc(x))
