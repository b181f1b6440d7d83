# divmod() of ints, floats and user classes (__divmod__, __rdivmod__, NotImplemented), and
# the sign rules of floor division and modulo.


class D:
    def __divmod__(self, o):
        return NotImplemented if o == 0 else ('D.divmod', o)

    def __rdivmod__(self, o):
        return ('D.rdivmod', o)


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (2**70, 7), (-2**70, 2**35 + 1)]:
    t(lambda: (divmod(a, b), a // b, a % b, divmod(a, b) == (a // b, a % b)))
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2.0), (1e300, 1e-300), (-0.0, 1.0), (5, 0.5)]:
    t(lambda: divmod(a, b))
t(lambda: divmod(D(), 3))
t(lambda: divmod(3, D()))
t(lambda: divmod(D(), 0))
t(lambda: divmod(1, 0))
t(lambda: divmod(1.0, 0))
t(lambda: divmod('a', 1))
t(lambda: divmod(1, 'a'))
t(lambda: divmod(float('inf'), 1.0))
t(lambda: divmod(1, float('inf')))
