# A parameter is a local like any other: rebinding or deleting it releases the argument
# when the caller passed a temporary, and not when the caller still holds it.


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def rebind(a):
    print("rebind start", a.n)
    a = None
    print("after rebind")


def delete(a, b):
    print("delete start")
    del a
    print("after del a")
    del b
    print("after del b")


def rebind_twice(a: C) -> str:
    a = C("second")
    print("rebound once")
    a = C("third")
    print("rebound twice")
    return a.n


def aug(a):
    a += 1
    print("aug", a)


def keep_in_list(a, out):
    out.append(a)
    a = None
    print("stored, rebound")


rebind(C("r1"))
x = C("named")
rebind(x)
print("x alive", x.n)
delete(C("d1"), C("d2"))
delete(x, C("d3"))
print("x still alive", x.n)
print(rebind_twice(C("first")))
aug(41)
out = []
keep_in_list(C("kept"), out)
print("list holds", out[0].n)
out.clear()
print("cleared")
del x
print("end")
