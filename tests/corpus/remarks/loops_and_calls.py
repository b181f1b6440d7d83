def helper(x, y):
    return x + y


def run(items):
    n = 0
    for k in range(0, len(items), 2):
        n = helper(n, k)
    for k in range(len(items), 0, -1):
        n += k
    total = 0
    i = 0
    while i < len(items):
        total += items[i]
        i += 1
    return n + total + helper(1, y=2)


print(run([5, 6, 7, 8]))
