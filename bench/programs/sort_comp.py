# Lists: comprehensions and sorting.
def run(rounds: int) -> int:
    total = 0
    for r in range(rounds):
        xs = [(i * 7919 + r) % 10007 for i in range(20_000)]
        ys = sorted(xs)
        evens = [y for y in ys if y % 2 == 0]
        total += evens[len(evens) // 2]
    return total


print(run(250))
