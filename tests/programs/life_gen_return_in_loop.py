# return inside for loops: the value is computed, then the iterators are dropped (innermost
# first), then the frame's locals.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def gen(tag):
    try:
        yield 1
    finally:
        print("finally", tag)


def compute():
    print("computing result")
    return 42


def f():
    keep = C("local")
    for a in gen("outer"):
        for b in gen("inner"):
            return compute()


print(f())
