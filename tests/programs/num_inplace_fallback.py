# Augmented assignment: __iadd__ and friends first, falling back to __add__ / __radd__ when
# missing or NotImplemented; immutable values rebind, lists mutate in place.


class Acc:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Acc(self.v + o)

    def __iadd__(self, o):
        if o < 0:
            return NotImplemented
        self.v += o
        return self

    def __mul__(self, o):
        return Acc(self.v * o)

    def __rsub__(self, o):
        return Acc(o - self.v)

    def __repr__(self):
        return 'Acc(%r)' % self.v


a = Acc(1)
b = a
a += 5
print(a, b, a is b)
a += -2
print(a, b, a is b)
a *= 3
print(a, a is b)
n = 10
n -= Acc(4)
print(n)
l = [1]
alias = l
l += (2, 3)
l *= 2
print(l, alias is l)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias)
s = {1}
s |= {2}
s &= {2, 3}
s ^= {5}
s -= {5}
print(s)
d = {'a': 1}
d |= {'b': 2}
print(d)
x = 7
x //= 2
x **= 3
x %= 10
x <<= 2
x >>= 1
x &= 6
x |= 1
x ^= 3
print(x)
try:
    q = Acc(1)
    q -= 1
except TypeError as e:
    print('TypeError', e)
