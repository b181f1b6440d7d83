"""Imports `a` while `a` is partially initialized: `twice` is already defined, `early`
calls back into `a` before `a` has imported `plus`."""
from a import twice
import a


def plus(x: int) -> int:
    return x + 100 + twice(x)


print("b:", a.early(), twice(3), plus(1))
