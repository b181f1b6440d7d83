# Loops that store numbers into lists, which the compiler also runs on machine integers and
# floats: results beyond 48 bits, old items that are objects (with a __del__), NaNs,
# out-of-range indexes, lists read after they were written, list subclasses.


def matmul(a, b, n: int):
    c = [[0] * n for _ in range(n)]
    for i in range(n):
        ai = a[i]
        ci = c[i]
        for k in range(n):
            aik = ai[k]
            bk = b[k]
            for j in range(n):
                ci[j] += aik * bk[j]
    return c


def fill(xs: list, n: int) -> None:
    for i in range(n):
        xs[i] = i * 3 - 7


def prefix(xs: list, n: int) -> None:
    for i in range(1, n):
        xs[i] = xs[i - 1] + xs[i]


def scale(xs: list, n: int, f: float) -> None:
    for i in range(n):
        xs[i] = xs[i] * f


def reverse_fill(xs: list, n: int) -> None:
    for i in range(n):
        xs[-1 - i] = i


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)


class Logged(list):
    def __setitem__(self, i, v):
        print("set", i, v)
        list.__setitem__(self, i, v)


def attempt(f, xs, *args):
    try:
        f(xs, *args)
    except Exception as e:
        print(type(e).__name__, e)
    print(f.__name__, xs)


n = 12
a = [[(i * j) % 10 for j in range(n)] for i in range(n)]
b = [[(i + j) % 10 for j in range(n)] for i in range(n)]
print(matmul(a, b, n)[3])
big = [[2**20 + i + j for j in range(4)] for i in range(4)]
print(matmul(big, big, 4))
mixed = [[1, 2.5], [3, 4]]
print(matmul(mixed, mixed, 2))

attempt(fill, [0] * 6, 6)
attempt(fill, [0] * 6, 8)
attempt(fill, [0.5] * 6, 6)
attempt(fill, [0, 1, "two", 3, 4, 5], 6)
attempt(fill, [0, 1, Noisy("a"), 3, Noisy("b"), 5], 6)
attempt(fill, Logged([0] * 3), 3)
attempt(prefix, list(range(10)), 10)
attempt(prefix, [2**46, 2**46, 2**46, 1], 4)
attempt(prefix, [1.5, 2.5, 3, 4.0], 4)
attempt(scale, [1.0, 2.0, -3.0, 0.0], 4, 2.5)
attempt(scale, [1.0, float("inf"), 3.0], 3, 0.0)
attempt(scale, [1.0, 2, 3.0], 3, 2.0)
attempt(reverse_fill, [9] * 5, 5)
attempt(reverse_fill, [9] * 5, 6)
print("end")
