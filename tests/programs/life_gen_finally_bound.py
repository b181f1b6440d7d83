# A generator bound to a local is finalized when the function returns, not at its last use.
def gen(tag):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", tag)


def f():
    g = gen("f")
    print("first", next(g))
    print("still in f")


f()
print("after f")


def returns_it():
    g = gen("returned")
    next(g)
    return g


h = returns_it()
print("got it back")
print("second", next(h))
h = None
print("after rebinding h")
