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


# Found by the fuzzer after the NaN sign was kept (seed 261529): a negative NaN given to
# the C library (pow) must be a quiet one; nan ** 0 is 1.0.
def s7(p0: float, p1: int) -> None:
    print((((1e308 // p0) // p0) ** 0))


s7(1e-1, (-1**1))
b = (1e308 // 0.1) // 0.1
print(b, b ** 0, b ** 0.0, pow(b, 0), math.copysign(1.0, b) in (1.0, -1.0), -b ** 0)
ninf = float("-inf")
print(ninf, ninf * 2, math.copysign(3.0, ninf), ninf ** 0, [ninf, -ninf])
