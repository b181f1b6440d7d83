# A call of a module function reads the function before its arguments run, as CPython does:
# before the `def` has run the name error comes first; a function rebound while the
# arguments run is called in the form read before them.
import sys


def side(x):
    print("side", x)
    return x


def early():
    return k(1 // 0)


def early2():
    return k(side(1))


def early_nested(n):
    return k(k(n)) if n else k(side(n))


for fn in (early, early2):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__, e)
try:
    early_nested(0)
except NameError as e:
    print("NameError", e)


def k(x):
    return ("k", x)


def other(x):
    return ("other", x)


def rebind(x):
    sys.modules[__name__].k = other
    return x


def use(v):
    return k(rebind(v))


print(early_nested(3))
print(use(5))
print(k(6))
print(use(7))
original = k


def restore(x):
    sys.modules[__name__].k = original
    return x


def use2(v):
    return k(restore(v)), k(v), k(rebind(v)), k(v)


print(use2(8))


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def count_down(n, acc):
    # The argument `acc + [n]` can raise or run code (an unknown `+`): the callee is read
    # first, and the call still enters the compiled function.
    if n == 0:
        return acc
    return count_down(n - 1, acc + [n])


print(fact(20), count_down(5, []))
