# int's special methods called directly: unbound through the class, bound on a value,
# NotImplemented for operands int does not handle, and the descriptor errors.


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: int.__add__(2, 3))
t(lambda: (1).__add__(1.5))
t(lambda: (1).__radd__(2))
t(lambda: (7).__sub__(10), )
t(lambda: (7).__rsub__(10))
t(lambda: ((7).__mul__(6), (7).__truediv__(2), (7).__floordiv__(2), (7).__mod__(3)))
t(lambda: ((7).__rtruediv__(14), (7).__rfloordiv__(100), (7).__rmod__(100)))
t(lambda: ((6).__and__(3), (6).__or__(3), (6).__xor__(3), (1).__lshift__(10), (1024).__rshift__(3)))
t(lambda: ((3).__rlshift__(1), (2).__rrshift__(16), (6).__rand__(3), (6).__ror__(1), (6).__rxor__(2)))
t(lambda: ((2**70).__mul__(3), (2**70).__neg__(), (-2**70).__abs__()))
t(lambda: ((5).__eq__(5), (5).__eq__(5.0), (5).__ne__('a'), (5).__lt__(6), (5).__ge__(5.5)))
t(lambda: ((5).__neg__(), (5).__pos__(), (5).__invert__(), (-5).__abs__(), (0).__bool__()))
t(lambda: ((5).__int__(), (5).__float__(), (5).__index__(), (5).__hash__(), (5).__repr__()))
t(lambda: ((7).__divmod__(2), (7).__rdivmod__(30), (7).__divmod__(2.0)))
t(lambda: ((2).__pow__(10), (2).__pow__(10, 1000), (2).__rpow__(3), (2).__pow__(-1)))
t(lambda: (2).__pow__(2, 2.0))
t(lambda: (2).__pow__())
t(lambda: (1).__add__())
t(lambda: (1).__add__(1, 2))
t(lambda: (1).__add__(x=1))
t(lambda: (1).__neg__(1))
t(lambda: int.__add__('a', 1))
t(lambda: int.__add__())
t(lambda: (1).__truediv__(0))
t(lambda: (1).__lshift__(-1))
t(lambda: list(map(int.__mul__, [1, 2, 3], [4, 5, 6])))
t(lambda: sorted([3, -1, 2], key=int.__neg__))
t(lambda: [n.__add__(10) for n in range(3)])
f = (10).__sub__
print(f(3), f(2.5), f(True))
