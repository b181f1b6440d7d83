# The special methods of str called directly: unbound through the class, bound on a
# value, NotImplemented where CPython returns it, and their TypeErrors.


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: str.__add__('ab', 'cd'))
t(lambda: 'ab'.__add__(1))
t(lambda: 'ab'.__mul__(3))
t(lambda: 'ab'.__rmul__(2))
t(lambda: 'ab'.__mul__(1.5))
t(lambda: '%s-%d'.__mod__(('x', 3)))
t(lambda: 'x'.__rmod__('<%s>'))
t(lambda: 'x'.__rmod__(5))
t(lambda: ('a'.__eq__('a'), 'a'.__eq__(1), 'a'.__ne__('b'), 'a'.__lt__('b')))
t(lambda: ('b'.__ge__('a'), 'a'.__gt__(1), 'a'.__le__('a')))
t(lambda: ('abc'.__len__(), 'abc'.__contains__('bc'), 'abc'.__getitem__(1)))
t(lambda: 'abc'.__getitem__(slice(None, None, -1)))
t(lambda: 'abc'.__contains__(1))
t(lambda: list('héllo'.__iter__()))
t(lambda: ('é'.__repr__(), 'é'.__str__(), 'x'.__format__('^5')))
t(lambda: 'x'.__hash__() == hash('x'))
t(lambda: str.__len__(5))
t(lambda: str.__add__())
t(lambda: 'a'.__add__())
t(lambda: 'a'.__add__('b', 'c'))
t(lambda: 'a'.__len__(1))
t(lambda: str.upper(1))
t(lambda: str.upper())
t(lambda: list(map(str.__len__, ['a', 'bb', 'ccc'])))
t(lambda: sorted(['b', 'A', 'c'], key=str.lower))
t(lambda: list(map(str.__add__, ['a', 'b'], ['1', '2'])))
it = iter('xyz')
print(it.__next__(), it.__next__(), next(it))
t(lambda: it.__next__())
