# Unbounded recursion that prints at every level: the RecursionError is raised by
# the print at the same depth as in CPython, with the same message.


def down(n: int) -> int:
    if n % 100 == 0:
        print("depth", n)
    print(end="")
    return down(n + 1)


print("start")
down(0)
