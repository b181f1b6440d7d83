# The old sequence protocol: iteration by __getitem__ until IndexError.
class Countdown:
    def __init__(self, n: int) -> None:
        self.n = n

    def __getitem__(self, i: int) -> int:
        if i >= self.n:
            raise IndexError("done")
        return self.n - i

    def __len__(self) -> int:
        return self.n


c = Countdown(4)
print(list(c), tuple(c), list(reversed(c)))
it = iter(c)
print(type(it).__name__, next(it), next(it))
print(dict(zip("abcd", c)), list(enumerate(c, 1)))
print(list(map(str, c)), "-".join(str(x) for x in c))


class StopsEarly:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i


print(list(StopsEarly()))


class KeyErr:
    def __getitem__(self, i):
        raise KeyError(i)


try:
    list(KeyErr())
except KeyError as e:
    print("KeyError:", e)
