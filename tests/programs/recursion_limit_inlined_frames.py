# The recursion limit counts the frames CPython 3.11 has for comprehensions and class
# bodies (which molt runs inside the enclosing function): a call made from them fails at
# the same depth as in CPython (a class body takes two levels there, a comprehension one),
# as does one from an inlined function called in them.
import sys


def down(k):
    if k == 0:
        return 0
    return down(k - 1) + 1


def plain(k):
    return down(k)


def listcomp(k):
    return [down(k) for _ in range(1)][0]


def setcomp(k):
    return {down(k) for _ in range(1)}.pop()


def dictcomp(k):
    return {0: down(k) for _ in range(1)}[0]


def nested(k):
    return [[down(k) for _ in range(1)] for _ in range(1)][0][0]


def first_iterable(k):
    # The first iterable is evaluated in the enclosing frame.
    return [x for x in [down(k)]][0]


def class_body(k):
    class C:
        v = down(k)

    return C.v


def nested_class(k):
    class A:
        class B:
            v = down(k)

    return A.B.v


def listcomp_in_class(k):
    class A:
        v = [down(k) for _ in range(1)][0]

    return A.v


def leaf(x):
    return x + 1


def inlined_in_comprehension(k):
    # `leaf` is inlined; at the limit its call raises as the call would.
    return [leaf(down(k)) for _ in range(1)][0]


def probe(f, lo, hi):
    out = []
    for k in range(lo, hi):
        try:
            out.append(f(k))
        except RecursionError:
            out.append("E")
    return out


sys.setrecursionlimit(60)
for f in [
    plain,
    listcomp,
    setcomp,
    dictcomp,
    nested,
    first_iterable,
    class_body,
    nested_class,
    listcomp_in_class,
    inlined_in_comprehension,
]:
    print(f.__name__, probe(f, 50, 60))
