total = 0
for i in range(10):
    if i % 2:
        continue
    if i > 7:
        break
    total += i
    print("added", i, total)
print("total", total)
found = None
for i in range(1, 10):
    for j in range(1, 10):
        if i * j == 42:
            found = (i, j)
            break
        if j > i:
            continue
    if found:
        break
print("found", found)
i = 0
out = []
while True:
    i += 1
    if i % 3 == 0:
        continue
    if i > 14:
        break
    out.append(i)
print(out)
count = 0
for a in range(5):
    b = 0
    while b < 5:
        b += 1
        if (a + b) % 4 == 0:
            continue
        if b == 4:
            break
        count += 1
print("count", count)
