# Integer loops: sum of a quadratic with a modulus.
def work(n: int) -> int:
    total = 0
    for i in range(n):
        total += (i * i + 3 * i) % 7
    return total


print(work(8_000_000))
