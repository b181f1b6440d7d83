# sys.exit ends the program: frames are released, then globals are finalized.
import sys


class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def f():
    local = C("local of f")
    print("exiting")
    sys.exit(3)


g = C("global")
try:
    f()
finally:
    print("finally at module level")
