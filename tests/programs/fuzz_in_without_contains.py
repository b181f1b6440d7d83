# Found by the differential fuzzer (feature `in_without_contains`), fixed since: `in` on an object that supports
# no membership protocol.
# CPython 3.11: TypeError argument of type 'C' is not iterable
# molt before the fix:         TypeError 'C' object is not iterable
class C:
    pass


try:
    print(3 in C())
except TypeError as e:
    print(type(e).__name__, e)
