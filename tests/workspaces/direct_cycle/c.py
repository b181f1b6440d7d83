"""Imports from `d` a name `d` defines only after importing `c`."""
from d import k


def j(x):
    return x
