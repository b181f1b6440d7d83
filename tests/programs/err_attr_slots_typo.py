class Pair:
    __slots__ = ("first", "second")

    def __init__(self, a, b):
        self.first = a
        self.second = b

p = Pair(1, 2)
print(p.first, p.second)
print(p.frist)
