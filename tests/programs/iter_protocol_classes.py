class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(5)), sum(Countdown(4)), max(Countdown(3)), sorted(Countdown(3)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
try:
    next(c)
except StopIteration as e:
    print("StopIteration", repr(e))


class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i


print(list(Seq()), 9 in Seq(), 5 in Seq(), [x for x in Seq() if x])


class Pairs:
    def __init__(self, d):
        self.d = d

    def __iter__(self):
        for k in sorted(self.d):
            yield k, self.d[k]

    def __len__(self):
        return len(self.d)

    def __contains__(self, k):
        print("contains", k)
        return k in self.d


p = Pairs({"b": 2, "a": 1})
print(list(p), dict(p), len(p), "a" in p, "z" in p)
it = iter(p)
print(next(it), list(it))
print(list(zip(Countdown(3), Seq())), list(enumerate(Countdown(2))))
print(list(map(str, Countdown(3))), list(filter(lambda v: v % 2, Countdown(6))))
a, b, *rest = Countdown(5)
print(a, b, rest)
print(list(reversed([1, 2, 3])), list(iter(Countdown(3).__next__, 1)))


class BadIter:
    def __iter__(self):
        return 5


try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
try:
    for x in 5:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
