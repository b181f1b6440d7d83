# Special methods of list, tuple and dict called directly, bound and unbound.


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


l = [3, 1, 2]
t(lambda: (l.__len__(), l.__getitem__(0), l.__getitem__(slice(1, None)), l.__contains__(2)))
t(lambda: (l.__add__([9]), l.__mul__(2), l.__rmul__(2), l.__eq__([3, 1, 2]), l.__lt__([4])))
t(lambda: l.__add__((9,)))
t(lambda: l.__eq__((3, 1, 2)))
t(lambda: l.__mul__('x'))
t(lambda: l.__getitem__(10))
t(lambda: list(l.__iter__()))
t(lambda: list(l.__reversed__()))
t(lambda: (l.__iadd__([4]), l.__imul__(1), l))
l.__setitem__(0, 'zero')
l.__delitem__(-1)
print(l, list.__len__(l), list.__getitem__(l, -1))
tp = (1, 2)
t(lambda: (tp.__len__(), tp.__add__((3,)), tp.__mul__(2), tp.__getitem__(-1), tp.__hash__() == hash(tp)))
t(lambda: tp.__add__([3]))
d = {'a': 1}
t(lambda: (d.__len__(), d.__getitem__('a'), d.__contains__('b'), list(d.__iter__())))
t(lambda: d.__getitem__('zz'))
d.__setitem__('b', 2)
d.__delitem__('a')
print(d, dict.__len__(d), list(d.__reversed__()))
t(lambda: dict.__getitem__([], 1))
t(lambda: list.__len__((1,)))
t(lambda: (list.__hash__, dict.__hash__, set.__hash__, tuple.__hash__ is None))
t(lambda: hash([]))
