import sys


def perms(xs):
    if len(xs) <= 1:
        return [xs[:]]
    out = []
    for i in range(len(xs)):
        for p in perms(xs[:i] + xs[i + 1:]):
            out.append([xs[i]] + p)
    return out


print(len(perms([1, 2, 3, 4])), perms([1, 2, 3])[:3])


def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves


print(len(hanoi(10, "A", "B", "C", [])), hanoi(2, "A", "B", "C", []))


def ackermann(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print(ackermann(2, 3), ackermann(3, 3))


def flatten(x):
    if isinstance(x, list):
        for y in x:
            for z in flatten(y):
                yield z
    else:
        yield x


print(list(flatten([1, [2, [3, [4]], 5]])))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500), sys.getrecursionlimit())


def inf(n):
    return inf(n + 1)


try:
    inf(0)
except RecursionError as e:
    print("RecursionError:", e)
print("still alive", depth(100))
