# statistics: mean, fmean, median(_low/_high), mode, multimode, variances and standard
# deviations (exact sums: the floats must be CPython's), quantiles, StatisticsError.
import statistics
from statistics import StatisticsError
from fractions import Fraction

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
ints = [1, 2, 3, 4, 4, 10, 7]
tricky = [0.1] * 10 + [1e16, -1e16, 0.3]
fracs = [Fraction(1, 3), Fraction(2, 7), Fraction(5, 6)]
for xs in [data, ints, tricky, fracs, [1, 2.5], [True, 3]]:
    print(statistics.mean(xs), statistics.fmean(xs), statistics.median(xs),
          statistics.median_low(xs), statistics.median_high(xs))
    print(statistics.pvariance(xs), statistics.pstdev(xs))
    print(statistics.variance(xs), statistics.stdev(xs))
print(statistics.mean([1, 2, 3, 4]), type(statistics.mean([1, 2, 3])).__name__)
print(statistics.variance([1, 2, 3, 4, 5], 3), statistics.pvariance([1.5, 2.5], 2.0))
print(statistics.stdev([1.0e10 + i * 0.1 for i in range(50)]))
print(statistics.pstdev([x / 7 for x in range(1, 40)]))
print(statistics.fmean([1, 2, 3], weights=[0.25, 0.25, 0.5]))
print(statistics.mode([1, 1, 2, 3, 3]), statistics.mode("abracadabra"), statistics.multimode("aabbbbccddddeeffffgg"))
print(statistics.multimode([]), statistics.median([3, 1, 2, 4]))
print(statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
print(statistics.quantiles(range(1, 11), n=10, method="inclusive"))
print(statistics.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110], n=5))
print(statistics.quantiles([1.5, 2.5], n=3))
print(statistics.mean([float("inf"), 1.0]), statistics.pvariance([float("nan"), 1.0]))
for f, args in [
    (statistics.mean, ([],)),
    (statistics.fmean, ([],)),
    (statistics.median, ([],)),
    (statistics.mode, ([],)),
    (statistics.variance, ([1],)),
    (statistics.stdev, ([1],)),
    (statistics.pvariance, ([],)),
    (statistics.pstdev, ([],)),
    (statistics.quantiles, ([1],)),
]:
    try:
        f(*args)
    except StatisticsError as e:
        print("StatisticsError:", e)
try:
    statistics.quantiles([1, 2], n=0)
except ValueError as e:
    print(type(e).__name__, e, isinstance(e, ValueError))
try:
    statistics.mean(["a"])
except TypeError as e:
    print("TypeError:", e)
