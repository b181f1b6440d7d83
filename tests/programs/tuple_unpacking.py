def min_max(xs: list) -> tuple:
    return min(xs), max(xs)


a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
lo, hi = min_max([4, -2, 9, 0])
print(lo, hi)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3, 4)
print(init, last)
a, *mid, c = range(6)
print(a, mid, c)
p, *q, r = [1, 2]
print(p, q, r)
(m, n), o = (1, 2), 3
print(m, n, o)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
i = j = 5
print(i, j)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
xs = [0, 1, 2]
xs[0], xs[2] = xs[2], xs[0]
print(xs)
head, *_ = "hello"
print(head, _)
print(*[1, 2, 3], sep="-")
print(*"ab", *(1, 2))
merged = [*range(3), *"xy", *[9]]
print(merged, (*merged[:2], 0))
