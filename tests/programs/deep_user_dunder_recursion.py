# User __repr__/__eq__/__hash__/__str__ that recurse through a deep structure of
# themselves raise RecursionError instead of crashing.


class Node:
    def __init__(self, child):
        self.child = child

    def __repr__(self) -> str:
        return "Node(" + repr(self.child) + ")"

    def __str__(self) -> str:
        return "N" + str(self.child)

    def __eq__(self, other) -> bool:
        return isinstance(other, Node) and self.child == other.child

    def __hash__(self) -> int:
        return hash(self.child) + 1


def chain(n: int):
    x = 0
    for i in range(n):
        x = Node(x)
    return x


def attempt(label: str, f) -> None:
    try:
        r = f()
        print(label, "ok", r)
    except RecursionError:
        print(label, "RecursionError")


for n in [3, 100, 5000]:
    a = chain(n)
    b = chain(n)
    attempt("repr %d" % n, lambda: len(repr(a)))
    attempt("str %d" % n, lambda: len(str(a)))
    attempt("hash %d" % n, lambda: hash(a))
    attempt("eq %d" % n, lambda: a == b)
    attempt("print-format %d" % n, lambda: len(f"{a}"))


class Loop:
    def __repr__(self) -> str:
        return repr(self)


attempt("self repr", lambda: repr(Loop()))
print(repr(chain(2)), str(chain(2)))
print("done")
