# A generator that yields again when closed at release: the RuntimeError is reported and
# ignored.
def stubborn():
    try:
        yield 1
    finally:
        print("in finally")
        yield 2


def f():
    g = stubborn()
    next(g)


f()
print("after f")


def raising():
    try:
        yield 1
    finally:
        raise KeyError("from finally")


r = raising()
next(r)
del r
print("end")
