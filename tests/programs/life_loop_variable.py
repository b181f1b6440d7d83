# A loop variable keeps its object until the next iteration rebinds it, and after the loop.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def items():
    for i in range(3):
        print("make", i)
        yield C(i)


def f():
    for x in items():
        print("body", x.name)
    print("after loop, x is", x.name)


f()
print("--")


def g():
    for x in [C("a"), C("b")]:
        pass
    print("list gone, x holds", x.name)


g()
print("--")


def h():
    while True:
        y = C("w")
        break
    print("after while")


h()
print("end")
