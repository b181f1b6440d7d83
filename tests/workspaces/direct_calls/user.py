"""Imports functions of `ops` by name and calls them in the ways a program does."""
import sys

import early
from ops import inc, scale, mul as times, count, name_of, fact, countdown, later


def run(x):
    return (
        inc(x),
        scale(x, 2.5),
        times(x),
        times(x, 3),
        times(a=x, b=2),
        times(x, b=4),
        count(x, x),
        name_of(x),
        fact(x),
        list(countdown(x)),
        later(x),
    )


def hot(n: int) -> int:
    s = 0
    for i in range(n):
        s += inc(i)
    return s


def rebind_inc(x):
    """Rebinds this module's `inc` while a call's arguments run."""
    sys.modules[__name__].inc = lambda v: ("rebound", v)
    return x


def read_first(x):
    # CPython reads `inc` before the argument runs: the call gets the function read then.
    return inc(rebind_inc(x)), inc(x)
