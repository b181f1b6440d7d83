# Was a known divergence (fuzz feature `index_with_object`): indexing with instances of user classes.
# CPython 3.11:
#   TypeError list indices must be integers or slices, not C
#   IndexError cannot fit 'I' into an index-sized integer
#   [0, 0]
# molt:
#   TypeError 'C' object cannot be interpreted as an integer
#   OverflowError Python int too large to convert to C ssize_t
#   TypeError unsupported operand type(s) for *: 'list' and 'I'
class C:
    pass


class I:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


for f in [lambda: [1, 2, 3, 4][C()], lambda: [1, 2][I(2**63)], lambda: [0] * I(2)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
