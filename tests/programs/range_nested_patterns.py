def triangle(n: int) -> None:
    for i in range(1, n + 1):
        print(" " * (n - i) + "*" * (2 * i - 1))


triangle(4)
for i in range(1, 6):
    row = []
    for j in range(1, 6):
        row.append(f"{i * j:3}")
    print("".join(row))
count = 0
for a in range(1, 25):
    for b in range(a, 25):
        for c in range(b, 25):
            if a * a + b * b == c * c:
                count += 1
                print("triple", a, b, c)
print(count)
steps = [s for s in range(20, -21, -5)]
print(steps, len(steps))
