# Default argument objects belong to the function object.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def f(x=C("default")):
    return x.name


print(f())
print(f(C("explicit")))
print("after calls")
f = None
print("function gone")


def make():
    def inner(y=C("inner default")):
        return y.name

    return inner


g = make()
print(g())
g = None
print("end")
