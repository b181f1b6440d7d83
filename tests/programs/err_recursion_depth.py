def depth(n: int) -> int:
    return 0 if n == 0 else 1 + depth(n - 1)


def forever(n: int) -> int:
    return forever(n + 1) + 1


print("bounded recursion", depth(200))
print("starting unbounded recursion")
print(forever(0))
print("unreachable")
