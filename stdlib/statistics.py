# molt's `statistics` (the basics), written for molt (not CPython's code). Sums are exact:
# every value is turned into an integer ratio and the ratios are added as Fractions, then
# converted once to the data's type, as CPython 3.11 does, so the floats are CPython's.

import math as _math
from fractions import Fraction
from itertools import groupby as _groupby

__all__ = [
    "StatisticsError",
    "fmean",
    "mean",
    "median",
    "median_high",
    "median_low",
    "mode",
    "multimode",
    "pstdev",
    "pvariance",
    "quantiles",
    "stdev",
    "variance",
]

# The bit width of the integer square roots behind stdev/pstdev (CPython's value): enough
# for the float result to be correctly rounded.
_SQRT_BITS = 109


class StatisticsError(ValueError):
    pass


def _ratio(x):
    # (numerator, denominator) of x, or (x, None) for a NaN or an infinity.
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        return (x, None)
    try:
        return (x.numerator, x.denominator)
    except AttributeError:
        raise TypeError(
            "can't convert type '%s' to numerator/denominator" % type(x).__name__
        )


def _coerce(t, s):
    # The type of a result mixing values of types t and s.
    if t is s:
        return t
    if s is int or s is bool:
        return t
    if t is int:
        return s
    if issubclass(s, t):
        return s
    if issubclass(t, s):
        return t
    if issubclass(t, int):
        return s
    if issubclass(s, int):
        return t
    if issubclass(t, Fraction) and issubclass(s, float):
        return s
    if issubclass(t, float) and issubclass(s, Fraction):
        return t
    raise TypeError("don't know how to coerce %s and %s" % (t.__name__, s.__name__))


def _result_type(types):
    t = int
    for s in types:
        t = _coerce(t, s)
    return t


def _exact_sum(data):
    # (result type, exact total, count).
    count = 0
    types = []
    by_den = {}
    for typ, values in _groupby(data, type):
        if typ not in types:
            types.append(typ)
        for n, d in map(_ratio, values):
            count += 1
            by_den[d] = by_den.get(d, 0) + n
    if None in by_den:
        total = by_den[None]
    else:
        total = 0
        for d, n in by_den.items():
            total = total + Fraction(n, d)
    return _result_type(types), total, count


def _sum_squares(data, c=None):
    # (result type, exact sum of squared deviations, the mean used, count).
    if c is not None:
        typ, ss, count = _exact_sum((x - c) * (x - c) for x in data)
        return typ, ss, c, count
    count = 0
    types = []
    sx = {}
    sxx = {}
    for typ, values in _groupby(data, type):
        if typ not in types:
            types.append(typ)
        for n, d in map(_ratio, values):
            count += 1
            sx[d] = sx.get(d, 0) + n
            sxx[d] = sxx.get(d, 0) + n * n
    if not count:
        ss = c = Fraction(0)
    elif None in sx:
        ss = c = sx[None]
    else:
        total = 0
        for d, n in sx.items():
            total = total + Fraction(n, d)
        squares = 0
        for d, n in sxx.items():
            squares = squares + Fraction(n, d * d)
        ss = (count * squares - total * total) / count
        c = total / count
    return _result_type(types), ss, c, count


def _convert(value, typ):
    if type(value) is typ:
        return value
    if issubclass(typ, int) and value.denominator != 1:
        typ = float
    return typ(value)


def _isqrt_frac_round_odd(n, m):
    # isqrt(n/m) with its last bit set when inexact (round to odd).
    a = _math.isqrt(n // m)
    return a | (a * a * m != n)


def _sqrt_frac(n, m):
    # sqrt(n/m) as a correctly rounded float.
    q = (n.bit_length() - m.bit_length() - _SQRT_BITS) // 2
    if q >= 0:
        return (_isqrt_frac_round_odd(n, m << 2 * q) << q) / 1
    return _isqrt_frac_round_odd(n << -2 * q, m) / (1 << -q)


def mean(data):
    """The arithmetic mean, computed exactly and converted to the data's type."""
    typ, total, n = _exact_sum(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    return _convert(total / n, typ)


def fmean(data, weights=None):
    """The mean as a float (math.fsum), optionally weighted."""
    items = list(data)
    n = len(items)
    if weights is None:
        total = _math.fsum(items)
        if not n:
            raise StatisticsError("fmean requires at least one data point")
        return total / n
    weights = list(weights)
    num = _math.fsum(x * w for x, w in zip(items, weights))
    if n != len(weights):
        raise StatisticsError("data and weights must be the same length")
    den = _math.fsum(weights)
    if not den:
        raise StatisticsError("sum of weights must be non-zero")
    return num / den


def median(data):
    """The middle value, or the mean of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return (data[n // 2 - 1] + data[n // 2]) / 2


def median_low(data):
    """The middle value, or the lower of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    """The middle value, or the higher of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def _counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    """The most common value (the first met among equally common ones)."""
    counts = _counts(data)
    best = None
    best_count = 0
    for value, count in counts.items():
        if count > best_count:
            best, best_count = value, count
    if not best_count:
        raise StatisticsError("no mode for empty data")
    return best


def multimode(data):
    """The most common values, in first-met order."""
    counts = _counts(data)
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, count in counts.items() if count == top]


def variance(data, xbar=None):
    """The sample variance (n - 1 degrees of freedom)."""
    typ, ss, c, n = _sum_squares(data, xbar)
    if n < 2:
        raise StatisticsError("variance requires at least two data points")
    return _convert(ss / (n - 1), typ)


def pvariance(data, mu=None):
    """The population variance."""
    typ, ss, c, n = _sum_squares(data, mu)
    if n < 1:
        raise StatisticsError("pvariance requires at least one data point")
    return _convert(ss / n, typ)


def stdev(data, xbar=None):
    """The sample standard deviation, correctly rounded."""
    typ, ss, c, n = _sum_squares(data, xbar)
    if n < 2:
        raise StatisticsError("stdev requires at least two data points")
    mss = ss / (n - 1)
    return _sqrt_frac(mss.numerator, mss.denominator)


def pstdev(data, mu=None):
    """The population standard deviation, correctly rounded."""
    typ, ss, c, n = _sum_squares(data, mu)
    if n < 1:
        raise StatisticsError("pstdev requires at least one data point")
    mss = ss / n
    return _sqrt_frac(mss.numerator, mss.denominator)


def quantiles(data, *, n=4, method="exclusive"):
    """The n-1 cut points dividing the data into n intervals of equal probability."""
    if n < 1:
        raise StatisticsError("n must be at least 1")
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError("must have at least two data points")
    out = []
    if method == "inclusive":
        m = ld - 1
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            out.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return out
    if method == "exclusive":
        m = ld + 1
        for i in range(1, n):
            j = i * m // n
            if j < 1:
                j = 1
            elif j > ld - 1:
                j = ld - 1
            delta = i * m - j * n
            out.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return out
    raise ValueError("Unknown method: %r" % (method,))
