class Multiplier:
    def __init__(self, factor: int):
        self.factor = factor
        self.calls = 0

    def __call__(self, x: int) -> int:
        self.calls += 1
        return x * self.factor


class Accumulator:
    def __init__(self):
        self.total = 0

    def __call__(self, *values):
        for v in values:
            self.total += v
        return self.total


triple = Multiplier(3)
print(triple(4), triple(-2), triple.calls)
print(list(map(triple, [1, 2, 3])), triple.calls)
print(sorted([5, -1, 3], key=Multiplier(-1)))
acc = Accumulator()
print(acc(1), acc(2, 3), acc(), acc(*range(5)), acc.total)
fns = [triple, abs, str, Multiplier(0)]
print([f(-5) for f in fns])
