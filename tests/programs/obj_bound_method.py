# Bound method objects: __self__, __func__, equality, hashing, repr shape.
class Counter:
    def __init__(self, start: int) -> None:
        self.n = start

    def bump(self, by: int = 1) -> int:
        self.n += by
        return self.n


a = Counter(0)
b = Counter(0)
m = a.bump
print(m(), m(5), a.n)
print(m.__self__ is a, m.__func__ is Counter.bump, m.__name__, m.__qualname__)
print(a.bump == a.bump, a.bump is a.bump, a.bump == b.bump, a.bump != b.bump)
print(hash(a.bump) == hash(a.bump))
print(len({a.bump, a.bump, b.bump}))
print(repr(m).startswith("<bound method Counter.bump of <__main__.Counter object at 0x"))
print(repr(Counter.bump).startswith("<function Counter.bump at 0x"))
unbound = Counter.bump
print(unbound(b, 3), b.n)
methods = [a.bump, b.bump]
for f in methods:
    print(f(10))
print(type(m).__name__, callable(m))
