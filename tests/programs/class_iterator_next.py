class Countdown:
    def __init__(self, start: int):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self) -> int:
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


class Squares:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        i = 0
        while i < self.n:
            yield i * i
            i += 1


c = Countdown(5)
print(next(c), next(c))
for v in c:
    print("loop", v)
print(list(c), list(Countdown(3)))
sq = Squares(6)
print(list(sq), list(sq), sum(sq), max(sq))
it = iter(Squares(3))
print(next(it), next(it), next(it), next(it, "done"))
it2 = iter([10, 20])
print(next(it2), next(it2), next(it2, None))
for a, b in zip(Countdown(4), Squares(10)):
    print(a, b)
print(sorted(Countdown(4)), 3 in Countdown(5), 9 in Squares(4))
