# Objects held by closure cells live as long as the closures that share the cell.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make():
    held = C("held by cell")
    other = C("plain local")

    def get():
        return held.name

    return get


getter = make()
print("made, cell alive:", getter())
getter = None
print("closure gone")


def counter():
    obj = C("rebound in cell")

    def swap():
        nonlocal obj
        obj = C("new cell value")

    swap()
    print("swapped")
    return obj.name


print(counter())
print("end")
