# The object called: a temporary callable instance is released once its `__call__`
# returned, before the arguments; a temporary bound method is released before the call,
# so a temporary receiver it holds dies with the method's `self`.


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)

    def __call__(self, a):
        local = C("call-local")
        print("call", self.n, a.n)

    def m(self, a):
        local = C("m-local")
        print("m", self.n, a.n)


def get(obj, name):
    return getattr(obj, name)


C("callable")(C("arg"))
print("---")
get(C("recv"), "m")(C("m-arg"))
print("---")
bm = get(C("recv2"), "m")
bm(C("m-arg2"))
print("bound method kept")
del bm
print("---")
fs = [C("in-list")]
fs.pop()(C("arg3"))
print("end")
