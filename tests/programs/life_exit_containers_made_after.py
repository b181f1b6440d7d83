# At exit, an object made before the container that holds it (an instance's arguments,
# dict(k=...), set([...]), a dict filled after its first container item) is finalized after
# the objects found in creation order; one stored later stays in creation order.
class C:
    def __init__(self, name: str) -> None:
        self.name = name

    def __del__(self) -> None:
        print("del", self.name)


class Holder:
    def __init__(self, x) -> None:
        self.x = x
        self.own = C("own_" + x.name) if x is not None else None


def make_closure(v):
    def inner():
        return v
    return inner


def with_default(x=C("default")):
    return x


class K:
    attr = C("class_attr")


a = C("a")
h1 = Holder(C("argument"))
b = C("b")
kw = dict(k=C("dict_kw"))
c = C("c")
dc = {k: C("dc_" + k) for k in "xy"}
d = C("d")
s = set([C("set_item")])
s2 = set()
s2.add(C("set_added"))
e = C("e")
h2 = Holder(None)
h2.x = C("stored_later")
f = C("f")
fn = make_closure(C("cell"))
bound = C("bound").__init__
empty = {}
empty["k"] = C("dict_setitem")
g = C("g")
print("end")
