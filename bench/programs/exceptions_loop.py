# Exceptions raised and caught in a loop.
def check(i: int) -> int:
    if i % 3 == 0:
        raise ValueError("multiple of three")
    return i


def run(n: int) -> int:
    caught = 0
    total = 0
    for i in range(n):
        try:
            total += check(i)
        except ValueError:
            caught += 1
    return total + caught


print(run(5_000_000))
