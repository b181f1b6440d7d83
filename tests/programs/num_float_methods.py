# float methods and special methods: __round__ (banker's rounding, ndigits), __trunc__,
# __floor__, __ceil__, as_integer_ratio, is_integer, real/imag, conjugate, __getformat__.
import math


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for x in [2.5, 3.5, -2.5, 0.125, -0.0, 1e16 + 1, 2.675, 1e300]:
    t(lambda: (x.__round__(), x.__round__(0), x.__round__(2), x.__round__(-1)))
    t(lambda: (x.__trunc__(), x.__floor__(), x.__ceil__(), math.floor(x), math.ceil(x)))
    t(lambda: (x.as_integer_ratio(), x.is_integer(), x.real, x.imag, x.conjugate()))
for bad in [float('inf'), float('-inf'), float('nan')]:
    t(lambda: bad.__trunc__())
    t(lambda: bad.__round__())
    t(lambda: bad.__round__(2))
    t(lambda: bad.as_integer_ratio())
    t(lambda: bad.is_integer())
t(lambda: float.__getformat__('double'))
t(lambda: float.__getformat__('int'))
t(lambda: (2.5).__round__(1.5))
t(lambda: type((2.5).__round__()).__name__)
t(lambda: type((2.5).__round__(None)).__name__)
