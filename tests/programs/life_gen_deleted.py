# `del` of a local releases its object at once.
def gen(tag):
    try:
        yield tag
    finally:
        print("close", tag)


def f():
    g = gen("x")
    print(next(g))
    del g
    print("after del")
    try:
        print(g)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


f()
