def fact(n: int) -> int:
    return 1 if n <= 1 else n * fact(n - 1)


def hanoi(n: int, src: str, dst: str, via: str, moves: list) -> None:
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def permutations(xs):
    if len(xs) <= 1:
        return [xs[:]]
    out = []
    for i in range(len(xs)):
        for p in permutations(xs[:i] + xs[i + 1:]):
            out.append([xs[i]] + p)
    return out


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print([fact(i) for i in range(12)], fact(40))
moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5])
print(ackermann(2, 3), ackermann(3, 3))
print(permutations([1, 2, 3]))
print(len(permutations(list("abcde"))))
print(is_even(10), is_odd(7), is_even(501))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(900))
