"""Imports `b`, which imports `a` back while `a` is partially initialized."""


def twice(x: int) -> int:
    return 2 * x


def early():
    # Called by `b` before `from b import plus` below has run: a NameError, as CPython.
    try:
        return plus(1)
    except NameError as e:
        return "NameError: " + str(e)


import b
from b import plus

print("a:", early(), plus(2))
