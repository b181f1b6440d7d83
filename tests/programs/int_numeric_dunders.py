# Numeric protocol dunders of user classes through builtins, operators and math.
import math


class N:
    def __init__(self, v):
        self.v = v

    def __int__(self):
        return self.v

    def __float__(self):
        return 1.5

    def __round__(self, n=None):
        return ('round', n)

    def __trunc__(self):
        return 'trunc'

    def __floor__(self):
        return 'floor'

    def __ceil__(self):
        return 'ceil'

    def __abs__(self):
        return 'abs'

    def __neg__(self):
        return 'neg'

    def __pos__(self):
        return 'pos'

    def __invert__(self):
        return 'inv'

    def __divmod__(self, o):
        return ('divmod', o)

    def __rdivmod__(self, o):
        return ('rdivmod', o)

    def __pow__(self, o, m=None):
        return ('pow', o, m)

    def __rpow__(self, o, m=None):
        return ('rpow', o, m)

    def __add__(self, o):
        return N(self.v + o)


class T:
    def __float__(self):
        return 2


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


n = N(3)
t(lambda: (int(n), float(n), round(n), round(n, 2)))
t(lambda: (math.trunc(n), math.floor(n), math.ceil(n)))
t(lambda: (abs(n), -n, +n, ~n))
t(lambda: (divmod(n, 2), divmod(2, n)))
t(lambda: (n ** 2, 2 ** n, pow(n, 2, 5)))
t(lambda: pow(2, n, 5))
t(lambda: pow(2.0, 3, 5))
t(lambda: pow(2, 3, 5.0))
t(lambda: pow('a', 2, 3))
t(lambda: int(N('x')))
t(lambda: int(N(2.5)))
t(lambda: float(T()))
t(lambda: math.sqrt(T()))
t(lambda: math.floor(object()))
t(lambda: math.sqrt('4'))
t(lambda: (math.floor(2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(7)))
t(lambda: round(object()))
t(lambda: abs('x'))
t(lambda: -object())
t(lambda: divmod(object(), 1))
m = n
m += 4
print(m.v, m is n)
