cases = [(0, 10, 3), (10, 0, -3), (-10, 10, 7), (5, -5, -1), (1, 2, 10), (0, -1, 1), (7, 7, -1)]
for start, stop, step in cases:
    r = range(start, stop, step)
    items = list(r)
    print((start, stop, step), len(r), items, sum(r), bool(r))
big = range(-(10 ** 20), 10 ** 20, 10 ** 19)
print(len(big), big[5], -(10 ** 20) in big, 10 ** 20 in big)
r = range(0, 30, 4)
print([x for x in r if x % 3 == 0], r.index(12), list(reversed(r)))
print(list(zip(range(3), range(10, 0, -4))), list(enumerate(range(5, 8))))
