def digits_of(n: int) -> list:
    out = []
    if n == 0:
        return [0]
    while n > 0:
        out.append(n % 10)
        n //= 10
    out.reverse()
    return out


def from_digits(ds: list) -> int:
    n = 0
    for d in ds:
        n = n * 10 + d
    return n


x = 2 ** 150 + 12345
ds = digits_of(x)
print(x)
print(ds[:10], len(ds))
print(from_digits(ds) == x, from_digits(ds[::-1]))
palin = int(str(x) + str(x)[::-1])
print(palin, palin % 11)
n = 1
for i in range(1, 40):
    n = n * 10 + i % 10
print(n, n % 9, n // (10 ** 30))
print(sum(digits_of(2 ** 1000)))
