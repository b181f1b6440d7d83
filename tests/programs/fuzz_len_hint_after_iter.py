# molt fuzz finding: Output at O2 (seed 5000, snippet s23, 29 minimizer checks)
# CPython 3.11 prints:
#   ## s23.0
#   !! TypeError 'D23' object is not iterable
# molt prints:
#   ## s23.0
#   !! ValueError __len__() should return >= 0

import math
import sys

class C23:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'C23({self.v!r})'
    def __eq__(self, other):
        return isinstance(other, C23) and self.v == other.v
    def __mul__(self, other):
        return C23(self.v * other)
    def __neg__(self):
        return C23(-self.v)
    def __len__(self):
        return self.v % 4 if self.v >= 0 else self.v
class D23(C23):
    def __init__(self, v):
        super().__init__(v + 1)
        self.w = v
    def __repr__(self):
        return 'D23<' + super().__repr__() + '>'
def s23(p0):
    a = D23(-2)
    print(list(a))
    try:
        pass
    except Exception as e:
        print('E', type(e).__name__, e)

print("## s23.0")
try:
    s23((-10**20))
except BaseException as e:
    print("!!", type(e).__name__, e)


class A:
    def __iter__(self):
        print("iter")
        return iter([1])

    def __len__(self):
        print("len")
        return -1


for f in (list, tuple):
    try:
        print(f(A()))
    except Exception as e:
        print(type(e).__name__, e)
