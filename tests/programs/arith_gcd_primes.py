def gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return abs(a)


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True


def factorize(n: int) -> list:
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out


print(gcd(48, 18), gcd(-48, 18), gcd(17, 5), gcd(0, 9))
primes = [n for n in range(60) if is_prime(n)]
print(primes, len(primes))
for n in [12, 97, 360, 1001, 65536, 999983 * 3]:
    print(n, factorize(n))
lcm = 1
for k in range(1, 21):
    lcm = lcm * k // gcd(lcm, k)
print("lcm 1..20", lcm)
