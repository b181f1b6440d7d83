# `:=` inside comprehensions and generator expressions that are scopes of their own (a
# lambda inside makes them one): the name binds in the nearest enclosing function, or the
# module, as CPython does (PEP 572).
r = [(m := x * 2) for x in range(4) if (lambda: x)()]
print(r, m)
g = list((n := x) for x in range(3))
print(g, n)


def outer():
    def inner():
        data = [[(t := a + b) for b in range(2)] for a in range(3) if (lambda: a)() is not None]
        return data, t

    return inner()


print(outer())


def glob():
    global gg
    [(gg := x) for x in range(5) if (lambda: 1)()]


glob()
print(gg)


def nest():
    q = 0

    def h():
        nonlocal q
        return [(q := q + x) for x in range(4) if (lambda: 1)()]

    return h(), q


print(nest())


def gen():
    it = ((k := v) for v in "abc")
    out = list(it)
    return out, k


print(gen())
if (w := 3) > 2:
    print(w)
print(z := 4, z)


def unbound():
    [(y := 1) for x in range(3) if (lambda: 0)()]
    return y


try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def captured_then_deleted():
    v = 1

    def get():
        return v

    del v
    return v


try:
    captured_then_deleted()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
