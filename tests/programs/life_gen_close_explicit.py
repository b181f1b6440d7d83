# close() runs finally once; a closed generator is not closed again when released.
def gen(tag):
    try:
        yield 1
        yield 2
    finally:
        print("finally", tag)


def f():
    g = gen("closed")
    next(g)
    g.close()
    print("closed explicitly")
    h = gen("exhausted")
    print(list(h))
    print("f returns")


f()


def catching():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise


c = catching()
next(c)
c = None
print("end")
