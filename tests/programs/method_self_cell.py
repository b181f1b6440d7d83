# `self.m()` in a method whose `self` a nested function or comprehension captures (so the
# method reads it from a cell): the call is guessed to reach the class's own `m`, checked at
# run time; subclasses, patched classes and a rebound `self` must still get the right method.


class Gen:
    def __init__(self, seed):
        self.seed = seed

    def rand(self, n):
        self.seed = (self.seed * 1103515245 + 12345) % 2147483648
        return (self.seed >> 8) % n

    def expr(self, depth):
        r = self.rand(10)
        if depth == 0:
            return str(r)
        parts = ", ".join(self.expr(depth - 1) for _ in range(1 + r % 2))
        return f"f({parts}, {self.rand(depth + 1)})"


class Loaded(Gen):
    def rand(self, n):
        return n - 1


class Other:
    def rand(self, n):
        return -n


def rebinding(obj):
    class Local(Gen):
        def expr(self, depth):
            def swap():
                nonlocal self
                self = Other()

            first = self.rand(depth + 2)
            swap()
            second = self.rand(depth + 2)
            return [first, second, [self.rand(k) for k in range(1, 3)]]

    return Local(obj.seed).expr(3)


g = Gen(42)
print(g.expr(3))
print(Loaded(1).expr(2))
print(rebinding(g))
Gen.rand = lambda self, n: 7
print(g.expr(2))
