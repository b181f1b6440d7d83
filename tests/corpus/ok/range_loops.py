print(list(range(5)))
print(list(range(2, 8)))
print(list(range(10, 0, -3)))
print(list(range(0, -5, -1)), list(range(5, 5)), list(range(3, 1)))
r = range(1, 20, 4)
print(len(r), r[0], r[-1], 9 in r, 10 in r)

total = 0
for i in range(1, 11):
    total += i
print(total)

table = []
for i in range(1, 4):
    row = []
    for j in range(1, 4):
        row.append(i * j)
    table.append(row)
print(table)

for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j, end="; ")
print()

for i in reversed(range(4)):
    print(i, end=" ")
print()
for i, v in enumerate(range(100, 130, 10), start=1):
    print(i, v)
print(sum(range(1000)), max(range(7)), min(range(3, 9)))
