# Found by the differential fuzzer (seed 260178): a NaN made by an operation on constants
# keeps the sign the hardware gives it (inf / inf and inf - inf are negative NaNs on x86-64),
# which math.copysign shows; the optimizer folded it into a positive constant NaN.
import math


def s2(p0: float, p1: int) -> None:
    v1 = math.copysign(1.0, (p0 / float("inf")))
    print(v1)


s2(float("inf"), -1)
inf = float("inf")
print(math.copysign(1.0, inf / inf), math.copysign(1.0, inf - inf), math.copysign(1.0, inf * 0.0))
print(math.copysign(1.0, -(inf - inf)), math.copysign(1.0, float("nan")), math.copysign(1.0, -float("nan")))
x = 1e308 * 10
print(x, math.copysign(1.0, x - x), math.copysign(1.0, 0.0 * -1.0))
