def total(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * 2
    return s


def untyped(n):
    return n * 2 + 1


print(total(10), untyped(3))
