# `**` of two floats is checked after the operation (a float, except a complex number for a
# negative base and a fractional exponent); the arithmetic on it runs natively, and any
# other result takes the generic copy, as in CPython.


class Body:
    def __init__(self, x: float, y: float, m: float) -> None:
        self.x = x
        self.y = y
        self.m = m


def pull(a, b, dt: float):
    dx = a.x - b.x
    dy = a.y - b.y
    d2 = dx * dx + dy * dy + 0.01
    mag = dt / (d2 * d2 ** 0.5)
    return dx * b.m * mag, dy * a.m * mag


def root(x: float, e: float):
    r = x ** e
    return r * 2.0 + 1.0, -r


def signed(a, b):
    # A negative base with a fractional exponent: complex, through the generic copy.
    s = a.x - b.x
    return s ** 0.5 * a.m


def main() -> None:
    a = Body(0.0, 0.0, 10.0)
    b = Body(1.0, 2.0, 1.0)
    print(pull(a, b, 0.001))
    print(pull(b, a, 0.5))
    print(root(2.0, 0.5), root(9.0, 0.5), root(4.0, -1.5), root(1e10, 3.0))
    print(root(-8.0, 1.0 / 3.0))
    print(root(-2.0, 2.0), root(0.0, 2.0), root(float("inf"), 0.5))
    r = root(float("nan"), 0.5)
    print(r[0] != r[0], r[1] != r[1])
    print(signed(a, b), signed(b, a))
    for x, e in ((0.0, -1.0), (10.0, 400.0), (-1e300, 1.5)):
        try:
            print(root(x, e))
        except (ZeroDivisionError, OverflowError) as exc:
            print(type(exc).__name__, exc)
    # An int stored into a float attribute: the loads' checks fail first.
    c = Body(3, 4, 2)
    print(pull(a, c, 1.0), signed(c, a))
    t = 0.0
    for i in range(1, 2000):
        t += root(i * 0.5, 0.5)[0]
    print(round(t, 6))


main()
