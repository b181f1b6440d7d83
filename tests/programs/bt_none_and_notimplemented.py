# NoneType's methods and NotImplemented as returned by builtin special methods: comparisons
# between unrelated builtins fall back to identity for == and raise for <.


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: (None.__bool__(), None.__repr__(), None.__eq__(None), None.__ne__(0), type(None).__name__))
t(lambda: ((1).__eq__('1'), 'a'.__eq__(1), [1].__eq__((1,)), (1,).__lt__([1])))
t(lambda: (1 == '1', 'a' != 1, [1] == (1,), None == 0))
t(lambda: (1).__lt__(None))
t(lambda: 1 < None)
t(lambda: [1] < (1,))
t(lambda: 'a' >= 1)
t(lambda: {1: 2} < {1: 2})
t(lambda: range(3) < range(4))
t(lambda: (NotImplemented.__class__.__name__, bool(None), repr(NotImplemented)))
t(lambda: (3).__radd__(2.5))
t(lambda: (2.5).__radd__(3))
t(lambda: [x.__add__(1) for x in (1, 1.5)])
