# Found by the differential fuzzer (feature `bigint_to_float`), fixed since: an int >= 2**63 converted to float
# CPython 3.11: 3.2281802128991715e+19 3.2281802128991715e+19
# molt before the fix:         1.75 1.75
def f(a):
    return a * 2**63


print(f(3.5), 3.5 * 2**63)
