# math.gamma and math.lgamma: CPython's own Lanczos algorithm (not the C library's), so
# every result must agree to the last bit; their domain and range errors.
import math

values = [0.5, 1.5, 2.5, 3.0, 7.0, 23.0, 24.0, 30.5, 100.25, 139.9, 140.5, 170.6, 171.5,
          -0.5, -1.5, -2.25, -10.1, -100.7, -139.5, -150.3, -171.5, -180.2, -200.5, -1e-5,
          1e-10, 1e-25, -1e-25, 4.99, 5.01, 5.52, 5.53, 0.001, 1.0000001, 1.9999999]
for i in range(1, 400):
    values.append(i * 0.437 - 87.3)
    values.append(1.0 / (i * 0.731))
for x in values:
    for f in (math.gamma, math.lgamma):
        try:
            r = f(x)
            text = r.hex()
        except (ValueError, OverflowError) as e:
            text = type(e).__name__ + " " + str(e)
        print(f.__name__, repr(x), text)

for x in [0.0, -0.0, -1.0, -2.0, float("inf"), float("-inf"), float("nan"), 1e-320, -1e-320,
          172.0, 1e308, -1e308, 2.6e305, 2.0, 1.0]:
    for f in (math.gamma, math.lgamma):
        try:
            print(f.__name__, x, f(x))
        except (ValueError, OverflowError) as e:
            print(f.__name__, x, type(e).__name__, e)
print(math.gamma(5), math.lgamma(10), math.gamma(True))
try:
    math.gamma("x")
except TypeError as e:
    print("TypeError:", e)
