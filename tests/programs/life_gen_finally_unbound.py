# A generator that no name holds is finalized right after the expression that uses it.
def gen(tag):
    try:
        yield tag
        yield "more"
    finally:
        print("cleanup", tag)


def f():
    print("value", next(gen("a")))
    print("between")
    x = next(gen("b")) + "!"
    print("x is", x)


f()
print([next(gen(t)) for t in ("c", "d")])
print("done")
