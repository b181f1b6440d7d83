# slice objects: attributes, indices(), equality and ordering as tuples, repr, unhashable
# in 3.11, use as subscripts, and slice() argument errors.


class I:
    def __index__(self):
        return 2


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


s = slice(1, 10, 2)
t(lambda: (s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, 2)))
t(lambda: (s.indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(10)))
t(lambda: (slice(I(), None).indices(10), slice(2, -2).indices(3), slice(None, None, 3).indices(0)))
t(lambda: slice(0, 5, 0).indices(3))
t(lambda: slice(1, 2).indices(-1))
t(lambda: slice(1, 2).indices('a'))
t(lambda: slice('a', 2).indices(5))
t(lambda: (slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1) == slice(None, 1)))
t(lambda: (slice(1, 2) < slice(1, 3), slice(2) > slice(1), slice(1, 2, 3) <= slice(1, 2, 3)))
t(lambda: slice(1, 2) < slice(None, 2))
t(lambda: hash(slice(1, 2)))
t(lambda: {slice(1, 2): 1})
t(lambda: slice())
t(lambda: slice(1, 2, 3, 4))
data = list(range(10))
t(lambda: (data[slice(2, 8, 3)], data[s], 'abcdef'[slice(None, None, -2)], (1, 2, 3)[slice(1, None)]))
t(lambda: data[slice(1, 'a')])
t(lambda: data[slice(0, 5, 0)])
data[slice(0, 3)] = ['x']
del data[slice(None, None, 2)]
print(data)
