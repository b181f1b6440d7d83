# An object passed twice, or passed while a name still holds it, dies only when its last
# holder lets go: the callee's frame when the caller's names are gone, else the caller.


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def pair(a, b):
    print("pair", a.n, b.n, a is b)


def run():
    c = C("c")
    pair(c, c)
    print("c alive", c.n)
    pair(c, C("t"))
    print("returning")


def last_use():
    d = C("d")
    print("made d")
    pair(C("first"), d)
    print("d is still bound")


def walrus():
    pair(w := C("w"), w)
    print("w bound", w.n)


run()
print("---")
last_use()
print("---")
walrus()
print("---")
items = [C("i1"), C("i2")]
pair(items.pop(), items.pop())
print("items", len(items))
print("end")
