# The __index__ protocol wherever CPython uses it: indices, slice bounds, repetition,
# range(), hex/oct/bin, chr, int()/float(), and the errors for objects without it.


class C:
    pass


class I:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class S:
    def __index__(self):
        return "x"


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: [1, 2, 3][I(1)])
t(lambda: (1, 2, 3)[I(-1)])
t(lambda: 'abc'[I(2)])
t(lambda: range(10)[I(3)])
t(lambda: [1, 2, 3, 4][C()])
t(lambda: 'abc'[C()])
t(lambda: (1, 2)[C()])
t(lambda: range(10)[C()])
t(lambda: [1, 2][S()])
t(lambda: [1, 2][I(2**63)])
t(lambda: [1, 2][I(2**100)])
t(lambda: 'ab'[I(-2**70)])
t(lambda: [1, 2, 3, 4][I(1):I(3)])
t(lambda: [1, 2, 3, 4][C():])
t(lambda: 'abcdef'[I(1)::I(2)])
t(lambda: [1, 2, 3][I(-2**80):I(2**80)])
t(lambda: [0] * I(2))
t(lambda: I(3) * [1])
t(lambda: 'ab' * I(2))
t(lambda: (1,) * I(3))
t(lambda: [0] * C())
t(lambda: [0] * I(2**100))
t(lambda: [0] * I(-2**100))
t(lambda: 'a' * -(2**100))
t(lambda: range(I(5)))
t(lambda: list(range(I(1), I(7), I(2))))
t(lambda: range(C()))
t(lambda: (hex(I(255)), oct(I(8)), bin(I(5))))
t(lambda: hex(C()))
t(lambda: (int(I(7)), float(I(7))))
t(lambda: chr(I(65)))
t(lambda: chr(2**31))
t(lambda: chr(-1))
t(lambda: 1 << I(2))
t(lambda: round(2.567, I(2)))
t(lambda: 'abcabc'.find('c', I(3)))
t(lambda: [1, 2, 3].pop(I(0)))
t(lambda: 'x'.center(I(5), '*'))
l: list = [1, 2, 3]
l[I(0)] = 10
del l[I(1)]
print(l)
l[I(0):I(1)] = [7, 8]
print(l)
l *= I(2)
print(l)
s = 'ab'
s *= I(2)
print(s)
