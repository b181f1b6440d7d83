# At exit, objects still alive are finalized in the order CPython's collector finds them:
# creation order, except objects made before the container holding them, which come after
# the others. Lists made by list(), sorted(), * and unpacking hold older items; a list made
# first and then filled (list(generator), [*generator], append) holds newer ones.
class C:
    def __init__(self, name: str) -> None:
        self.name = name

    def __del__(self) -> None:
        print("del", self.name)


def gen(prefix: str):
    yield C(prefix + "1")
    yield C(prefix + "2")


a = C("a")
from_tuple = list((C("lt1"), C("lt2")))
b = C("b")
by_sort = sorted([C("s2"), C("s1")], key=lambda c: c.name)
c = C("c")
repeated = [C("rep")] * 3
d = C("d")
t = (C("t1"), C("t2"))
unpacked = [*t]
e = C("e")
generated = list(gen("g"))
starred = [*gen("u")]
f = C("f")
concatenated = [C("m1"), C("m2")] + [C("m3")]
appended = []
appended.append(C("ap"))
comprehension = [x for x in (C("cx"), C("cy"))]
made_inside = [C("in" + str(i)) for i in range(2)]
g = C("g")
print("end")
