def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1


f = fib()
print([next(f) for _ in range(15)])
p = primes()
print([next(p) for _ in range(20)])
for i, v in enumerate(fib()):
    if v > 10 ** 12:
        print("first fib over 1e12:", i, v)
        break
total = 0
for q in primes():
    if q > 200:
        break
    total += q
print("sum of primes <= 200:", total)
print(list(zip(fib(), "abcde")))
