# An exception leaving a function keeps the function's locals alive until the exception
# is gone (CPython's traceback holds the frame); loop iterators are dropped at once.
def gen(tag):
    try:
        yield 1
        yield 2
    finally:
        print("gen finally", tag)


def bound():
    g = gen("bound")
    next(g)
    raise KeyError("k")


def looped():
    for x in gen("loop"):
        raise ValueError("v")


try:
    bound()
except KeyError:
    print("caught KeyError")
print("after bound")

try:
    looped()
except ValueError:
    print("caught ValueError")
print("after looped")


def nested():
    for a in gen("outer"):
        for b in gen("inner"):
            raise IndexError


try:
    nested()
except IndexError:
    print("caught IndexError")
print("end")
