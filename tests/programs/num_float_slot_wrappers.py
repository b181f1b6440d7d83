# float's special methods called directly: int operands are accepted, other types give
# NotImplemented, and float's own errors.


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: float.__add__(1.5, 2))
t(lambda: (1.5).__add__('a'))
t(lambda: ((1.5).__radd__(1), (1.5).__rsub__(2), (1.5).__rtruediv__(3), (1.5).__rmul__(True)))
t(lambda: ((7.5).__floordiv__(2), (7.5).__mod__(2), (-7.5).__mod__(2), (7.5).__rfloordiv__(100)))
t(lambda: ((7.5).__divmod__(2), (7.5).__rdivmod__(20), (2.0).__pow__(3), (2.0).__rpow__(3)))
t(lambda: (2.0).__pow__(3, 5))
t(lambda: (1.5).__truediv__(0))
t(lambda: (1.5).__floordiv__(0.0))
t(lambda: (1.5).__mod__(0))
t(lambda: (1.5).__divmod__(0))
t(lambda: ((1.5).__eq__(1.5), (1.0).__eq__(1), (1.5).__lt__(2), (1.5).__eq__('x'), (2.0).__ge__(2**53)))
t(lambda: ((1.5).__neg__(), (-1.5).__abs__(), (0.0).__bool__(), (1.5).__int__(), (1.5).__float__()))
t(lambda: ((1.5).__hash__() == hash(1.5), (2.0).__hash__() == hash(2), (1.5).__repr__()))
t(lambda: ((1.5).__format__('.3f'), (1e20).__format__(''), (0.1).__format__('%')))
t(lambda: (1.5).__index__())
t(lambda: (1.5).__and__(1))
t(lambda: float.__add__(1, 2.0))
t(lambda: (1e308).__mul__(10))
t(lambda: (1.5).__add__(2**2000))
t(lambda: list(map(float.__neg__, [1.0, -2.5])))
