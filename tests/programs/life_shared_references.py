# An object held by several names dies when the last of them lets go.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def f():
    a = C("shared")
    b = a
    a = C("other")
    print("a rebound, b still holds shared")
    b = None
    print("b cleared")
    lst = [a, a]
    a = None
    print("list holds other twice")
    lst.pop()
    print("popped once")
    lst.pop()
    print("popped twice")


f()
print("end")
