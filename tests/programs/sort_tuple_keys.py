# Sorting and comparing tuples: small ints, strs (code point order), floats (NaN and -0.0),
# mixed and nested items, stability, reverse, errors, and tuple subclasses' own `<`.
from collections import namedtuple

rows = [((i * 7919) % 13, "k%d" % (i % 7), (i * 0.5) % 3) for i in range(60)]
print(sorted(rows)[:6], sorted(rows, reverse=True)[:3])
print(sorted(rows, key=lambda r: (r[1], -r[0]))[:4])
words = ["éclair", "eclair", "Zebra", "zèbre", "ascii", "日本", "😀", "a\x00", "a"]
print(sorted((w, len(w)) for w in words))
nan = float("nan")
fl = [(1.0, "a"), (nan, "b"), (-0.0, "c"), (0.0, "d"), (nan, "e"), (-1.5, "f")]
print(sorted(fl, key=lambda t: t[1]), [(a < b, a == b) for a, b in zip(fl, fl[1:])])
print(sorted([(0.0, 2), (-0.0, 1), (0, 0)]))
print((1, "a") < (1, "b"), (1, 2.5) < (1, 2), (2, 1) > (1, 9), (1, 2) == (1, 2.0), (1, (2, 3)) < (1, (2, 4)))
print(sorted([(1, [2]), (1, [1, 5]), (0, [9])]), sorted([[3, "x"], [3, "a"], [1, "z"]]))
stable = sorted([(i % 3, -i) for i in range(12)], key=lambda t: t[0])
print(stable)
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError:", e)
try:
    (1, 2) < (1, "b")
except TypeError as e:
    print("TypeError:", e)
P = namedtuple("P", "x y")


class Rev(tuple):
    def __lt__(self, other):
        return tuple.__gt__(self, other)


print(sorted([P(2, 1), P(1, 5), P(1, 2)]), sorted([Rev((1, 2)), Rev((3, 4)), Rev((2, 0))]))
mixed = [(1, 2), Rev((0, 0)), (0, 5)]
print(sorted(mixed))


class Loud:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("eq", self.v, other.v)
        return self.v == other.v

    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v

    def __repr__(self):
        return "L%d" % self.v


print(sorted([(1, Loud(3)), (0, Loud(9)), (1, Loud(1))]))
