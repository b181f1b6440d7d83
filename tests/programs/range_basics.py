print(list(range(5)), list(range(2, 8)), list(range(0, 20, 5)), list(range(10, 0, -3)), list(range(-5, -15, -2)))
print(list(range(0)), list(range(5, 5)), list(range(5, 0)), list(range(0, 5, -1)))
for r in [range(10), range(3, 20, 4), range(10, -10, -3), range(0), range(-1, -100, -7)]:
    print(r, len(r), list(r)[:5], 5 in r, -4 in r, r[0] if len(r) else None, r[-1] if len(r) else None)
r = range(100, 0, -7)
print(r[3], r[-2], r[2:5], list(r[2:5]), r.index(65), r.count(65), 65 in r, 66 in r)
total = 0
for i in range(1, 101):
    total += i
print(total, sum(range(101)), sum(range(0, 101, 2)))
for i in range(3, -1, -1):
    print(i, end=" ")
print()
print(len(range(0, 10 ** 12, 3)), 10 ** 11 in range(0, 10 ** 12, 2), list(reversed(range(4))))
print(range(3) == range(0, 3), list(range(1, 4)) == [1, 2, 3], max(range(7)), min(range(2, 9, 3)))
