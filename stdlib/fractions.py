# molt's `fractions`, written for molt (not CPython's code): `Fraction`, exact rational
# numbers kept in lowest terms with a positive denominator, with CPython 3.11's arithmetic,
# mixed int/float operations, comparisons, hashing, str/repr and string parsing. molt has
# no `numbers` or `decimal`: the rationals accepted are ints (and bools) and Fractions.

import math as _math

__all__ = ["Fraction"]

_HASH_MODULUS = 2305843009213693951  # sys.hash_info.modulus
_HASH_INF = 314159  # sys.hash_info.inf


def _is_rational(x):
    return isinstance(x, (int, Fraction))


def _digits(text, i, allow_underscores):
    # The end of the run of decimal digits (single underscores between digits allowed)
    # starting at text[i]; i itself when there is none.
    j = i
    n = len(text)
    while j < n:
        ch = text[j]
        if "0" <= ch <= "9":
            j += 1
        elif ch == "_" and allow_underscores and j > i and j + 1 < n and "0" <= text[j + 1] <= "9":
            j += 1
        else:
            break
    return j


def _parse(literal):
    # (numerator, denominator) of a Fraction literal: [sign] digits [/ digits] or
    # [sign] [digits] [. digits] [e|E [sign] digits], surrounded by optional whitespace.
    text = literal.strip()
    i = 0
    n = len(text)
    negative = False
    if i < n and text[i] in "+-":
        negative = text[i] == "-"
        i += 1
    start = i
    i = _digits(text, i, True)
    int_part = text[start:i]
    if i < n and text[i] == "/":
        if not int_part:
            return None
        j = _digits(text, i + 1, True)
        if j == i + 1 or j != n:
            return None
        num = int(int_part)
        den = int(text[i + 1:j])
        return (-num if negative else num), den
    frac_part = ""
    if i < n and text[i] == ".":
        j = _digits(text, i + 1, True)
        frac_part = text[i + 1:j]
        if not int_part and not frac_part:
            return None
        i = j
    elif not int_part:
        return None
    exp = 0
    if i < n and text[i] in "eE":
        j = i + 1
        exp_negative = False
        if j < n and text[j] in "+-":
            exp_negative = text[j] == "-"
            j += 1
        k = _digits(text, j, True)
        if k == j:
            return None
        exp = int(text[j:k])
        if exp_negative:
            exp = -exp
        i = k
    if i != n:
        return None
    num = int(int_part or "0")
    den = 1
    if frac_part:
        frac_part = frac_part.replace("_", "")
        scale = 10 ** len(frac_part)
        num = num * scale + int(frac_part)
        den = scale
    if exp >= 0:
        num *= 10**exp
    else:
        den *= 10**-exp
    return (-num if negative else num), den


class Fraction:
    """A rational number `numerator/denominator` in lowest terms (denominator > 0).

    Fraction(int), Fraction(Fraction), Fraction(float) (exact), Fraction("3/4"),
    Fraction("-1.25e-3"), Fraction(num, den) with rational parts.
    """

    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, float):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError("Invalid literal for Fraction: %r" % (numerator,))
                numerator, denominator = parsed
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator,
            )
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % (numerator,))
        if _normalize:
            g = _math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        """The exact value of the float (or int) `f`."""
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError(
                "%s.from_float() only takes floats, not %r (%s)"
                % (cls.__name__, f, type(f).__name__)
            )
        return cls(*f.as_integer_ratio())

    def as_integer_ratio(self):
        """`(numerator, denominator)`."""
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction with denominator at most `max_denominator`."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued fraction's convergents until the next would be too big, then
        # pick the closer of the last convergent and the best semiconvergent.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        semi = Fraction(p0 + k * p1, q0 + k * q1)
        conv = Fraction(p1, q1)
        if abs(conv - self) <= abs(semi - self):
            return conv
        return semi

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def __repr__(self):
        return "%s(%s, %s)" % (type(self).__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    # Arithmetic: with ints and Fractions the result is exact; with a float the Fraction
    # is converted to float first (CPython's fallbacks).

    def _binary(self, other, exact, inexact):
        if isinstance(other, (int, Fraction)):
            return exact(self, Fraction(other) if isinstance(other, int) else other)
        if isinstance(other, float):
            return inexact(float(self), other)
        return NotImplemented

    def _rbinary(self, other, exact, inexact):
        if isinstance(other, int):
            return exact(Fraction(other), self)
        if isinstance(other, float):
            return inexact(other, float(self))
        return NotImplemented

    def _add(a, b):
        return Fraction(
            a._numerator * b._denominator + b._numerator * a._denominator,
            a._denominator * b._denominator,
        )

    def _sub(a, b):
        return Fraction(
            a._numerator * b._denominator - b._numerator * a._denominator,
            a._denominator * b._denominator,
        )

    def _mul(a, b):
        return Fraction(a._numerator * b._numerator, a._denominator * b._denominator)

    def _div(a, b):
        return Fraction(a._numerator * b._denominator, a._denominator * b._numerator)

    def _floordiv(a, b):
        return (a._numerator * b._denominator) // (a._denominator * b._numerator)

    def _divmod(a, b):
        den = a._denominator * b._denominator
        q, r = divmod(a._numerator * b._denominator, a._denominator * b._numerator)
        return q, Fraction(r, den)

    def _mod(a, b):
        den = a._denominator * b._denominator
        return Fraction((a._numerator * b._denominator) % (b._numerator * a._denominator), den)

    def __add__(a, b):
        return a._binary(b, Fraction._add, lambda x, y: x + y)

    def __radd__(b, a):
        return b._rbinary(a, Fraction._add, lambda x, y: x + y)

    def __sub__(a, b):
        return a._binary(b, Fraction._sub, lambda x, y: x - y)

    def __rsub__(b, a):
        return b._rbinary(a, Fraction._sub, lambda x, y: x - y)

    def __mul__(a, b):
        return a._binary(b, Fraction._mul, lambda x, y: x * y)

    def __rmul__(b, a):
        return b._rbinary(a, Fraction._mul, lambda x, y: x * y)

    def __truediv__(a, b):
        return a._binary(b, Fraction._div, lambda x, y: x / y)

    def __rtruediv__(b, a):
        return b._rbinary(a, Fraction._div, lambda x, y: x / y)

    def __floordiv__(a, b):
        return a._binary(b, Fraction._floordiv, lambda x, y: x // y)

    def __rfloordiv__(b, a):
        return b._rbinary(a, Fraction._floordiv, lambda x, y: x // y)

    def __divmod__(a, b):
        return a._binary(b, Fraction._divmod, divmod)

    def __rdivmod__(b, a):
        return b._rbinary(a, Fraction._divmod, divmod)

    def __mod__(a, b):
        return a._binary(b, Fraction._mod, lambda x, y: x % y)

    def __rmod__(b, a):
        return b._rbinary(a, Fraction._mod, lambda x, y: x % y)

    def __pow__(a, b):
        if isinstance(b, int) or (isinstance(b, Fraction) and b._denominator == 1):
            power = b if isinstance(b, int) else b._numerator
            if power >= 0:
                return Fraction(a._numerator**power, a._denominator**power, _normalize=False)
            if a._numerator >= 0:
                return Fraction(a._denominator**-power, a._numerator**-power, _normalize=False)
            return Fraction(
                (-a._denominator) ** -power, (-a._numerator) ** -power, _normalize=False
            )
        if isinstance(b, (float, Fraction)):
            return float(a) ** float(b) if isinstance(b, Fraction) else float(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a**b._numerator
        if isinstance(a, int):
            return Fraction(a) ** b
        if b._denominator == 1:
            return a**b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        return a.__int__()

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            q, r = divmod(self._numerator, self._denominator)
            twice = r * 2
            if twice < self._denominator:
                return q
            if twice > self._denominator:
                return q + 1
            return q if q % 2 == 0 else q + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(a):
        return a._numerator / a._denominator

    def __bool__(a):
        return a._numerator != 0

    def __hash__(self):
        # Equal to the hash of an equal int or float: numerator / denominator modulo the
        # hash prime (the hash of infinity when the denominator is a multiple of it).
        if self._denominator % _HASH_MODULUS == 0:
            h = _HASH_INF
        else:
            h = hash(hash(abs(self._numerator)) * pow(self._denominator, -1, _HASH_MODULUS))
        if self._numerator < 0:
            h = -h
        return -2 if h == -1 else h

    def __eq__(a, b):
        if type(b) is int or isinstance(b, int):
            return a._numerator == b and a._denominator == 1
        if isinstance(b, Fraction):
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, float):
            if _math.isnan(b) or _math.isinf(b):
                return 0.0 == b
            return a == Fraction(b)
        return NotImplemented

    def _compare(self, other, op):
        if isinstance(other, (int, Fraction)):
            if isinstance(other, int):
                return op(self._numerator, self._denominator * other)
            return op(self._numerator * other._denominator, self._denominator * other._numerator)
        if isinstance(other, float):
            if _math.isnan(other) or _math.isinf(other):
                return op(0.0, other)
            return self._compare(Fraction(other), op)
        return NotImplemented

    def __lt__(a, b):
        return a._compare(b, lambda x, y: x < y)

    def __gt__(a, b):
        return a._compare(b, lambda x, y: x > y)

    def __le__(a, b):
        return a._compare(b, lambda x, y: x <= y)

    def __ge__(a, b):
        return a._compare(b, lambda x, y: x >= y)

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)
