def isqrt(n: int) -> int:
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def digits_reversed(n):
    r = 0
    while n:
        r = r * 10 + n % 10
        n //= 10
    return r


for n in [0, 1, 15, 16, 17, 99, 10 ** 20, 2 ** 100]:
    print(n, isqrt(n) if n else 0)
print(digits_reversed(123456), digits_reversed(1000), digits_reversed(7))
a, b = 0, 1
seq = []
while len(seq) < 15:
    seq.append(a)
    a, b = b, a + b
print(seq)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("steps", steps)
