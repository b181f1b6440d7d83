# An uncaught exception: the traceback is printed, then the frames it kept alive are
# released, then the globals.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def inner():
    x = C("inner local")
    raise ValueError("uncaught")


def outer():
    y = C("outer local")
    inner()


g = C("global")
outer()
