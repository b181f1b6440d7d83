# Integer expressions whose intermediate results leave the 48-bit inline range (kept in
# machine registers by generated code) and whose operands are of any type.


class Gen:
    def __init__(self, seed):
        self.seed = seed

    def rand(self, n):
        self.seed = (self.seed * 1103515245 + 12345) % 2147483648
        return (self.seed >> 8) % n


def lcg(seed, count):
    out = []
    for _ in range(count):
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        out.append(seed >> 40)
    return out


def chain(a, b, c, d):
    return (a * b + c) % d


def chain2(a, b, c):
    return a * b * c - a * b


def shifts(a, n):
    return ((a << n) >> 3) ^ (a >> n)


def divmods(a, b, c):
    return (a * b) // c, (a * b) % c


def show(label, f, *args):
    try:
        print(label, f(*args))
    except Exception as e:
        print(label, type(e).__name__, e)


class Num:
    def __init__(self, v):
        self.v = v

    def __mul__(self, other):
        return Num(self.v * other)

    def __add__(self, other):
        return self.v + other

    def __repr__(self):
        return f"Num({self.v})"


class MyInt(int):
    def __add__(self, other):
        return MyInt(int(self) + other + 1000)


g = Gen(42)
print([g.rand(100) for _ in range(20)], g.seed)
print(lcg(7, 5))
big = 2**47
for args in [
    (3, 4, 5, 7),
    (big, big, 1, 1000003),
    (big - 1, -(big), 12345, 97),
    (2**31, 2**31, 2**62, 2**61 + 1),  # sum overflows 64 bits
    (2**40, 2**40, 1, 3),  # product beyond 64 bits
    (-(2**62), 2, 0, -1),  # i64::MIN % -1
    (-(2**62), 2, 0, 0),
    (2**70, 3, 1, 7),
    (1.5, 2, 0.25, 4),
    (big, 2.0, 1, 3),
    ("ab", 3, "c", 1),
    (True, 3, True, 5),
    (Num(3), 4, 5, 6),
    (MyInt(5), 1, 2, 100),
    (None, 1, 2, 3),
    (2**47, 2**16, -(2**63), 5),
    (-(2**47), 2**16, 2**63 - 1, 5),
]:
    show("chain", chain, *args)
for args in [(2**20, 2**20, 2**20), (2**30, 2**30, 8), (-(2**31), 2**32, 1), (7, 11, 13), (2**21, 2**21, 2**21)]:
    show("chain2", chain2, *args)
for args in [(1, 0), (5, 47), (5, 60), (-5, 62), (2**47 - 1, 16), (3, 64), (3, 200), (1, -1), (-(2**40), 23), (2**60, 2)]:
    show("shifts", shifts, *args)
for args in [(-(2**62), 2, -1), (-(2**62), 2, 1), (2**40, 2**20, 7), (2**40, 2**20, -7), (2**40, 2**20, 0), (-(2**40), 2**20, 2**50)]:
    show("divmods", divmods, *args)
x = 0
for i in range(1000):
    x = (x * 31 + i * 2654435761) % 1000000007
print(x)
h = 0
for ch in "the quick brown fox jumps over the lazy dog" * 10:
    h = (h * 1099511628211 ^ ord(ch)) & 0xFFFFFFFFFFFFFFFF
print(h)


def compares(a, b, c):
    return [a * b > c, a * b + 1 <= c, c == a * b, a * b != c * 1, (a << 20) < b * c]


for args in [(2**30, 2**30, 2**60), (2**30, 2**30, 2**60 + 1), (3, 4, 12), (2**40, 2**40, 5),
             (-(2**40), 2**40, 5), (1.5, 2, 3), (2**47, 2.5, 1e15), ("a", 3, "aaa"), (2**62, 2, 2**63)]:
    show("compares", compares, *args)


def isqrt_loop(n):
    x = 0
    while (x + 1) * (x + 1) <= n:
        x += 1
    return x


def isqrt_big(n):
    lo, hi = 0, 2**32
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo


print(isqrt_loop(10**6), isqrt_big(10**18), isqrt_big(2**63 - 1), isqrt_big(2**64 + 5))
