def collatz_len(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


best = 0
best_n = 0
for n in range(1, 3000):
    s = collatz_len(n)
    if s > best:
        best = s
        best_n = n
        print("new best", n, s)
print(best_n, best)
print([collatz_len(k) for k in range(1, 16)])
