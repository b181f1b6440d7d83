# A finalizer that releases other objects: they are finalized during it.
class C:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def __del__(self):
        print("del", self.name, "child:", self.child.name if self.child else None)


def f():
    root = C("root", C("middle", C("leaf")))
    print("built")


f()
print("--")
chain = None
for i in range(3):
    chain = C("n" + str(i), chain)
print("chain built")
chain = None
print("end")
