# Locals of the frames an exception passed through die with the exception.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def inner():
    i = C("inner local")
    raise RuntimeError("boom")


def outer():
    o = C("outer local")
    inner()


try:
    outer()
except RuntimeError as e:
    print("handling", e)
print("after handler")


def catcher():
    c = C("catcher local")
    try:
        inner()
    except RuntimeError:
        print("caught in catcher")
    print("catcher continues")


catcher()
print("end")
