# Descriptors with only __set__ or only __delete__ are data descriptors too.
class SetOnly:
    def __set__(self, obj, value):
        print("SetOnly.__set__", value)
        obj.__dict__["stored"] = value


class DeleteOnly:
    def __delete__(self, obj):
        print("DeleteOnly.__delete__")


class Host:
    s = SetOnly()
    d = DeleteOnly()


h = Host()
h.s = 5
print(h.stored, type(h.s).__name__)
h.__dict__["s"] = "in dict"
print(type(h.s).__name__)
try:
    del h.s
except AttributeError as e:
    print("AttributeError:", e)
del h.d
try:
    h.d = 1
except AttributeError as e:
    print("AttributeError:", e)
h.__dict__["d"] = "dict value"
print(type(h.d).__name__)
