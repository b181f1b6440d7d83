# with-statements: the context manager and the bound value live as CPython says.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return C("value of " + self.name)

    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False

    def __del__(self):
        print("del cm", self.name)


def f():
    with CM("one") as v:
        print("body", v.name)
    print("after with; v still bound")


f()
print("--")


def g():
    with CM("two"):
        print("body without as")
    print("after second with")


g()
print("--")


def h():
    try:
        with CM("three") as v:
            raise KeyError("k")
    except KeyError:
        print("caught")
    print("h ends")


h()
print("end")
