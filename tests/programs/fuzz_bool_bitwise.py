# Found by the differential fuzzer (feature `bool_bitwise`), fixed since: &, | and ^ of two bools that are not
# constants give an int instead of a bool (typed or untyped parameters alike).
# CPython 3.11: False True True / True
# molt before the fix:         0 1 1 / 1
def f(p, q):
    print(p & q, p | q, p ^ q)
    x = p
    x &= p
    print(x)


f(True, False)
