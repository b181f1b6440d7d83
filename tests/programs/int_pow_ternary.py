# pow() with a modulus: ints (negative exponents are modular inverses), and the errors for
# floats, zero moduli, non-invertible bases and user classes.


class P:
    def __pow__(self, e, m=None):
        return ('P.pow', e, m)

    def __rpow__(self, b, m=None):
        return ('P.rpow', b, m)


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: (pow(2, 10, 1000), pow(3, 200, 13), pow(-2, 3, 5), pow(2, 3, -5), pow(7, 0, 1)))
t(lambda: (pow(3, -1, 7), pow(2, -2, 9), pow(2**100, 3, 2**61 - 1)))
t(lambda: pow(2, -1, 4))
t(lambda: pow(2, 3, 0))
t(lambda: pow(2.0, 3, 5))
t(lambda: pow(2, 3.0, 5))
t(lambda: pow(2, 3, 5.0))
t(lambda: pow('a', 2, 3))
t(lambda: pow(P(), 2, 5))
t(lambda: pow(2, P(), 5))
t(lambda: pow(P(), 2))
t(lambda: pow(2, P()))
t(lambda: pow(base=2, exp=5, mod=7))
t(lambda: (2).__pow__(5, 7))
t(lambda: (5).__rpow__(2, 7))
t(lambda: pow(2, 3, None))
