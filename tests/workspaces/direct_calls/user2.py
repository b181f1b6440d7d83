"""Calls functions of `ops` and `pkg.tools` as attributes of the imported modules."""
import ops
import pkg.tools as tools


def run(x):
    return (
        ops.inc(x),
        ops.mul(x),
        ops.mul(x, 3),
        ops.mul(a=x),
        ops.count(x, x),
        tools.square(x),
        ops.fact(x),
    )


def hot(n: int) -> int:
    s = 0
    for i in range(n):
        s += ops.inc(i) + tools.square(i)
    return s
