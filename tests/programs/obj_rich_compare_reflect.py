# Rich comparison: reflected operands, NotImplemented, and the TypeError.
class Version:
    def __init__(self, major: int, minor: int) -> None:
        self.v = (major, minor)

    def __eq__(self, other):
        print("Version.__eq__")
        if not isinstance(other, Version):
            return NotImplemented
        return self.v == other.v

    def __lt__(self, other):
        if isinstance(other, tuple):
            return self.v < other
        if not isinstance(other, Version):
            return NotImplemented
        return self.v < other.v

    def __gt__(self, other):
        if isinstance(other, tuple):
            return self.v > other
        return NotImplemented


a, b = Version(1, 2), Version(1, 3)
print(a < b, b > a, a < (2, 0), (2, 0) > a, (0, 1) < a)
print(a == Version(1, 2), a == 5, a != 5)


class Shy:
    def __eq__(self, other):
        print("Shy.__eq__")
        return NotImplemented


print(Shy() == Shy(), Shy() != Shy())
s = Shy()
print(s == s)
try:
    print(a <= b)
except TypeError as e:
    print("TypeError:", e)
try:
    Shy() < Shy()
except TypeError as e:
    print("TypeError:", e)
print(NotImplemented, type(NotImplemented).__name__)
