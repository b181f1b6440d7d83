# Overwriting or deleting an instance attribute releases the old value at once.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class Holder:
    def __init__(self):
        self.item = C("first")


h = Holder()
h.item = C("second")
print("overwritten")
del h.item
print("deleted")
h.other = C("third")
h = None
print("holder gone")


class Slots:
    __slots__ = ("a",)


s = Slots()
s.a = C("slot1")
s.a = C("slot2")
print("slot overwritten")
del s
print("end")
