# range objects: start/stop/step, index/count, slicing a range (another range), equality
# by the sequence, hash, reversed, membership of non-ints, huge ranges.


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


r = range(1, 20, 3)
t(lambda: (r, r.start, r.stop, r.step, len(r), list(r)))
t(lambda: (r.index(7), r.count(7), r.count(8), r.count(7.0), r.count('a')))
t(lambda: r.index(8))
t(lambda: (r[2:5], r[::-1], r[-2:], r[::2], r[5:1:-2], r[100:]))
t(lambda: (range(0) == range(5, 5), range(0, 3) == range(0, 4, 3), range(3) == [0, 1, 2]))
t(lambda: (hash(range(0)) == hash(range(3, 3)), hash(range(1, 5, 2)) == hash(range(1, 4, 2))))
t(lambda: (list(reversed(range(1, 10, 4))), list(reversed(range(0)))))
t(lambda: (3.0 in range(5), 3.5 in range(5), 'a' in range(5), True in range(5)))
t(lambda: (range(2**70)[2**69], range(2**70)[-1], range(-5, 5)[-10]))
t(lambda: len(range(2**70)))
t(lambda: range(1, 2, 0))
t(lambda: range(1.5))
t(lambda: range())
t(lambda: range(1, 2, 3, 4))
t(lambda: range(5)[5])
t(lambda: range(5)['a'])
t(lambda: (repr(range(0, 5, 1)), repr(range(5, 0, -2)), str(range(3))))
t(lambda: (bool(range(0)), bool(range(1)), range(10)[1:8:2].index(5)))
t(lambda: (min(range(3, 9)), max(range(3, 9, 2)), sum(range(101)), sorted(range(3, 0, -1))))
t(lambda: {range(3): 'r'}[range(0, 3)])
