# Loops whose arithmetic uses values of unknown type from before the loop (unannotated
# parameters): the compiler expects floats (or ints) and checks on entry, so every other
# value must behave exactly as CPython's.


def kernel(n, scale):
    acc = 0.0
    for i in range(n):
        x = i * scale
        acc += x * x - 0.5 * x
    return acc


def poly(n, a, b):
    t = 0
    for i in range(n):
        t = t * a + b - i
    return t


def repeat(n, s):
    out = 0
    for i in range(n):
        out += len(s * 0) + i
    return out


def show(f, *args):
    try:
        r = f(*args)
        print(f.__name__, type(r).__name__, r)
    except Exception as e:
        print(f.__name__, type(e).__name__, e)


for scale in (0.001, 3, -2.5, True, 2**50, 2**70, float("nan"), float("inf"), 1j, "ab", None):
    show(kernel, 10, scale)
for a, b in ((2, 1), (3, -1), (2.0, 1), (1, 0.5), (2**40, 1), (-1, True), ("x", "y")):
    show(poly, 12, a, b)
show(poly, 100, 3, 1)
show(repeat, 5, "abc")
show(repeat, 5, [1, 2])
