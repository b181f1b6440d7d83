def primes(n):
    out = []
    for c in range(2, n):
        for p in out:
            if p * p > c:
                out.append(c)
                break
            if c % p == 0:
                break
        else:
            out.append(c)
    return out


print(primes(60))


def gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


print(gcd(48, 18), gcd(17, 5), gcd(0, 9))


def binsearch(xs, t):
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < t:
            lo = mid + 1
        else:
            hi = mid
    else:
        return lo


xs = list(range(0, 100, 3))
print([binsearch(xs, t) for t in (0, 1, 50, 99, 200)])


def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
        if steps > 1000:
            break
    else:
        return steps
    return -1


print([collatz(i) for i in range(1, 15)])
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 8:
        break
    print("even", i)
n = 10
while n:
    n -= 3
    if n < 0:
        print("negative", n)
        break
else:
    print("not reached")
