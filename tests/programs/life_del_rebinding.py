# Rebinding a local calls the old object's __del__ right after the new one is bound.
class C:
    def __init__(self, name):
        self.name = name
        print("init", name)

    def __del__(self):
        print("del", self.name)


def f():
    x = C(1)
    x = C(2)
    print("after rebinding")
    y = x
    x = C(3)
    print("y still holds 2")
    y = None
    print("returning")


f()
print("--- globals")
g = C("g1")
g = C("g2")
print("end")
