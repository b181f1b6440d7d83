# call.super: generators, exceptions through super(), recursion, keyword arguments, methods
# replaced by staticmethod/classmethod between calls, and an uncaught AttributeError
# (traceback) at the end.

class A:
    def gen(self, n):
        for i in range(n):
            yield i * 2

    def boom(self, x):
        raise ValueError("boom %d" % x)

    def deep(self, n):
        return n


class B(A):
    def gen(self, n):
        return list(super().gen(n))

    def boom(self, x):
        try:
            return super().boom(x)
        except ValueError as e:
            return "caught " + str(e)

    def deep(self, n):
        if n == 0:
            return super().deep(n)
        return self.deep(n - 1) + 1


b = B()
print(b.gen(4), b.boom(3), b.deep(50))


class Counter:
    def __init__(self):
        self.calls = 0

    def hit(self, k=1):
        self.calls += k
        return self.calls


class Sub(Counter):
    def hit(self, k=1):
        return super().hit(k) * 10


s = Sub()
for i in range(5):
    s.hit()
print(s.calls, s.hit(k=2))
Counter.hit = lambda self, k=1: -k
print(s.hit(3))


class E(Exception):
    def __init__(self, *args):
        super().__init__(*args)


print(repr(E(1, 2)))


class Final(B):
    def boom(self, x):
        return super().boom(x)


print(Final().boom(1))
print(Final().boom(x=2))
A.boom = staticmethod(lambda x: "static " + str(x))
print(Final().boom(5))
B.boom = classmethod(lambda cls, x: "cm " + cls.__name__ + str(x))
print(Final().boom(6))
del B.boom
del A.boom
try:
    Final().boom(7)
except AttributeError as e:
    print(e)
Final().boom(8)
