# Attribute hooks are inherited; method calls and slot-like attributes respect them.
class Base:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 10 if isinstance(value, int) else value)


class Child(Base):
    def __init__(self, a: int, b: int) -> None:
        self.a = a
        self.b = b

    def total(self) -> int:
        return self.a + self.b

    def bump(self) -> None:
        self.a += 1


c = Child(1, 2)
print(c.a, c.b, c.total())
c.bump()
print(c.a, c.total())
for i in range(3):
    c.b = i
print(c.b)


class Counting:
    reads = 0

    def __init__(self) -> None:
        self.v = 5

    def __getattribute__(self, name):
        if name == "v":
            Counting.reads += 1
        return object.__getattribute__(self, name)

    def twice(self) -> int:
        return self.v * 2


k = Counting()
s = 0
for i in range(10):
    s += k.v
print(s, k.twice(), Counting.reads)
