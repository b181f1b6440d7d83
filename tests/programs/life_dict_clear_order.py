# Dict values are released in insertion order when the dict is cleared or freed.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


d = {}
d["x"] = C("x")
d["y"] = C("y")
d["z"] = C("z")
d.clear()
print("cleared")


def f():
    local = {}
    local["a"] = C("a")
    local["b"] = C("b")
    print("f returns")


f()
s = {1: C("one")}
s[1] = C("one again")
print("end")
