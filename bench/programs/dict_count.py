# Dicts: counting keys.
def run(n: int) -> int:
    counts = {}
    for i in range(n):
        k = (i * 7919) % 1000
        counts[k] = counts.get(k, 0) + 1
    best = 0
    for k in counts:
        if counts[k] > best:
            best = counts[k]
    return best + len(counts)


print(run(5_000_000))
