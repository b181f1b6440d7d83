# fractions.Fraction: construction (ints, floats, strs, pairs), normalisation, arithmetic
# with ints, floats and Fractions, comparisons, hashing, str/repr, limit_denominator.
from fractions import Fraction
import math

print(Fraction(3, 4), Fraction(6, -8), Fraction(0, 5), Fraction(7), Fraction())
print(repr(Fraction(10, 4)), Fraction(Fraction(1, 3), Fraction(2, 5)))
print(Fraction(0.1), Fraction(2.5), Fraction(-0.0), Fraction.from_float(0.3))
for s in ["3/7", " -12/18 ", "1.25", "-.5", "7e-3", "1_000.5", "2E+2", "+3", "0.0001e4"]:
    print(repr(s), Fraction(s))
for bad in ["", "1/", "/2", "1.2/3", "abc", "1e", "1__0", "--1", ". 5"]:
    try:
        Fraction(bad)
    except ValueError as e:
        print("ValueError:", e)
for args in [(1, 0), ("3/0",)]:
    try:
        Fraction(*args)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
for args in [([1],), (1.5, 2), ("1", 2)]:
    try:
        Fraction(*args)
    except TypeError as e:
        print("TypeError:", e)
for bad in [float("nan"), float("inf")]:
    try:
        Fraction(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)

a, b = Fraction(1, 3), Fraction(-5, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), -a, +b, abs(b))
print(a + 1, 1 + a, a - 2, 2 - a, a * 3, 3 * a, a / 4, 4 / a, 7 // a, 7 % a, divmod(7, a))
print(a + 0.5, 0.5 + a, a * 1.5, 2.0 / a, a ** 2, a ** -3, b ** -2, 2 ** a, 4 ** Fraction(1, 2))
print(Fraction(9, 4) ** Fraction(1, 2), Fraction(2) ** Fraction(3), (-a) ** 3, a ** 0)
try:
    Fraction(0) ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    a / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

print(a < b, a > b, a <= Fraction(2, 6), a == Fraction(2, 6), a != b)
print(Fraction(1, 2) == 0.5, Fraction(1, 3) == 1 / 3, Fraction(4, 2) == 2, 2 == Fraction(4, 2))
print(Fraction(1, 2) < 0.6, 0.4 < Fraction(1, 2), a < 1, 0 > b, a < float("inf"), a > float("nan"))
print(sorted([Fraction(3, 4), 0.5, 1, Fraction(-1, 8), 0]))
for x in [Fraction(1, 2), Fraction(5), Fraction(-7, 3), Fraction(10**30, 7), Fraction(1, 2**61 - 1)]:
    print(x, hash(x) == hash(float(x)) if x.denominator != 2**61 - 1 else hash(x))
print(hash(Fraction(5)) == hash(5), hash(Fraction(-1)), len({Fraction(1, 2), 0.5, Fraction(2, 4)}))
print(float(a), int(b), int(Fraction(7, 2)), math.floor(b), math.ceil(b), math.trunc(b))
print(round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(-5, 2)), round(Fraction(1, 3), 2), round(Fraction(1234, 1), -2))
print(bool(Fraction(0)), bool(a), a.numerator, b.denominator, b.as_integer_ratio())
pi = Fraction(math.pi)
for d in [1, 10, 100, 1000, 10**6]:
    print(d, pi.limit_denominator(d))
print(Fraction(3, 7).limit_denominator(10), Fraction(1, 3).limit_denominator(2))
try:
    a.limit_denominator(0)
except ValueError as e:
    print("ValueError:", e)
total = Fraction(0)
for i in range(1, 30):
    total += Fraction(1, i)
print(total, float(total))
print(sum([Fraction(1, 2), Fraction(1, 3), Fraction(1, 6)]), str(Fraction(-3, 1)))
