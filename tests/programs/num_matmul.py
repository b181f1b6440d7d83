# The @ operator: __matmul__, __rmatmul__, __imatmul__ with NotImplemented fallbacks and the
# TypeError for types without them.


class M:
    def __init__(self, rows):
        self.rows = rows

    def __matmul__(self, o):
        if not isinstance(o, M):
            return NotImplemented
        cols = list(zip(*o.rows))
        return M([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    def __rmatmul__(self, o):
        return ('rmatmul', o)

    def __repr__(self):
        return 'M(%r)' % self.rows


class V:
    def __imatmul__(self, o):
        return ('imatmul', o)


a = M([[1, 2], [3, 4]])
b = M([[0, 1], [1, 0]])
print(a @ b, b @ a)
print(5 @ a)
try:
    print(a @ 5)
except TypeError as e:
    print('TypeError', e)
c = a
c @= b
print(c, a)
v = V()
v @= 3
print(v)
for left, right in [(1, 2), ([1], [2]), ('a', M([]))]:
    try:
        print(left @ right)
    except TypeError as e:
        print('TypeError', e)
