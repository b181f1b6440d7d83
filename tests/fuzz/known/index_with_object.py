# Known divergence (fuzz feature `index_with_object`): indexing a list with an object
# that has no __index__.
# CPython 3.11: TypeError list indices must be integers or slices, not C
# molt:         TypeError 'C' object cannot be interpreted as an integer
class C:
    pass


try:
    print([1, 2, 3, 4][C()])
except TypeError as e:
    print(type(e).__name__, e)
