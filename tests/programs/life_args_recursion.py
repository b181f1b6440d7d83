# Recursion with temporaries: each level's argument belongs to that level's frame and dies
# when the level returns, before the caller's own locals. Past the recursion limit, the
# frames the exception kept (with their arguments) are freed with it.


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def down(a: C) -> int:
    local = C(a.n + 1000)
    if a.n == 0:
        return 0
    r = down(C(a.n - 1))
    print("back at", a.n)
    return r + 1


print(down(C(3)))

def deep(a, level):
    deep([level], level + 1)


try:
    deep(C("top"), 0)
except RecursionError as e:
    print("RecursionError", e)
print("after the handler")


def fact(n, acc):
    if n.n <= 1:
        return acc
    return fact(C(n.n - 1), acc * n.n)


print(fact(C(4), 1))
print("end")
