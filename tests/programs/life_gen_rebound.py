# Rebinding a name releases the object it held: after the new value is bound.
def gen(tag):
    try:
        yield tag
    finally:
        print("close", tag)


def f():
    g = gen("one")
    print(next(g))
    g = gen("two")
    print("rebound")
    print(next(g))
    g = None
    print("set to None")


f()


def loop():
    for i in range(3):
        g = gen(i)
        print("got", next(g))
    print("loop done")


loop()
print("end")
