# Tuples: pack and unpack (Fibonacci pairs and swaps).
def run(n: int) -> int:
    a, b = 0, 1
    s = 0
    for i in range(n):
        a, b = b, (a + b) % 1_000_003
        p = (a, b, i)
        x, y, z = p
        s = (s + x + y + z) % 1_000_003
    return s


print(run(4_000_000))
