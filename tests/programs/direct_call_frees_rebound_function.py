# A function called directly is freed when its global is rebound (its attributes
# finalized then), and one running while its global goes away stays alive until it returns.
import sys


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalized", self.name)


def k(x):
    return x + 1


k.held = D("k's attribute")


def rebinding_inside(x):
    # The running function's global goes away while it runs: its frame holds it.
    sys.modules[__name__].rebinding_inside = None
    print("still running", x, rebinding_inside)
    return x * 2


rebinding_inside.held = D("rebinding_inside's attribute")


def uses(n):
    return k(n) + k(n) + rebinding_inside(n)


def main():
    print(uses(1))
    print("before")
    sys.modules[__name__].k = None
    print("after")
    try:
        k(1)
    except TypeError as e:
        print("TypeError", e)


main()


def recursive(n):
    if n == 2:
        del sys.modules[__name__].recursive
        print("deleted at depth 2")
    if n == 0:
        return 0
    return 1 + recursive(n - 1)


recursive.held = D("recursive's attribute")


def run_recursive():
    try:
        print(recursive(4))
    except NameError as e:
        print("NameError", e)
    print("after recursive")


run_recursive()


def read_first(x):
    print("read_first runs", x)
    return x


read_first.held = D("read_first's attribute")


def rebind_read_first():
    sys.modules[__name__].read_first = None
    print("rebound while the arguments ran")
    return 7


def drive():
    print(read_first(rebind_read_first()))
    print("after read_first")


drive()


def replaced():
    return "old"


replaced.held = D("replaced's attribute")


def calls_replaced():
    return replaced()


print(calls_replaced())
sys.modules[__name__].replaced = lambda: "new"
print(calls_replaced())
print("end")
