def min_max(values: list) -> tuple:
    lo = values[0]
    hi = values[0]
    for v in values[1:]:
        if v < lo:
            lo = v
        if v > hi:
            hi = v
    return lo, hi


def stats(values: list) -> tuple[int, float, int]:
    n = len(values)
    return n, sum(values) / n, max(values) - min(values)


lo, hi = min_max([4, -2, 9, 0])
print(lo, hi)
n, mean, spread = stats([1, 2, 3, 4])
print(n, mean, spread)
t = 1, "two", 3.0
print(t, len(t), t[1], t[-1], t[:2])
single = (5,)
empty = ()
print(single, empty, len(empty), type(single).__name__)
a, (b, c), d = 1, (2, 3), 4
print(a + b + c + d)
print((1, 2) + (3,), (0,) * 3, 2 in (1, 2, 3), (1, 2).index(2), (1, 1, 2).count(1))
print((1, 2, 3) < (1, 2, 4), (1, 2) == (1, 2), tuple([3, 4]), tuple("ab"))
points = [(3, 1), (1, 2), (2, 0)]
for x, y in sorted(points):
    print(x, y)
print({(0, 0): "origin", (1, 0): "east"}[(1, 0)])
print(hash((1, 2)) == hash((1, 2)), list(zip((1, 2), ("a", "b"))))
