# Found by the differential fuzzer (feature `math_log2_log10`), fixed since: math.log2 is not correctly rounded, and
# math.log10 of a big int is computed through a float approximation.
# CPython 3.11: 1.6514961294723187 3.321928094887362 30.0
# molt before the fix:         1.651496129472319 3.3219280948873626 29.999999999999996
import math

print(math.log2(3.141592653589793), math.log2(10.0), math.log10(10**30))
