# `from m import *` is only allowed at module level (CPython's SyntaxError).
def f():
    from math import *  # error: invalid-syntax
    return 1


class C:
    from math import *  # error: invalid-syntax


print(f(), C)
