# Found by the differential fuzzer (feature `subclass_reflected`), fixed since: the reflected operand of a subclass
# goes first only when the subclass overrides the reflected method.
# CPython 3.11: add add add
# molt before the fix:         add radd add
class C:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return 'add'
    def __radd__(self, other):
        return 'radd'


class D(C):
    pass


print(D(0) + C(1), C(0) + D(1), sum([C(1)], D(0)))
