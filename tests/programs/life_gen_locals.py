# A generator's locals live with the generator and die when it finishes or is closed.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def gen():
    a = C("gen local a")
    yield 1
    b = C("gen local b")
    yield 2
    print("gen finishing")


g = gen()
print(next(g))
print(next(g))
print(next(g, "exhausted"))
print("--")
h = gen()
next(h)
h = None
print("h dropped")
