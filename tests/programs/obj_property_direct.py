# property() called directly, with and without doc, and properties missing functions.
class Box:
    def __init__(self) -> None:
        self._w = 1

    def get_w(self):
        "width getter doc"
        return self._w

    def set_w(self, v):
        self._w = v

    width = property(get_w, set_w)
    height = property(lambda self: 2 * self._w, doc="twice the width")
    nothing = property()
    only_set = property(None, set_w)


b = Box()
print(b.width, b.height)
b.width = 4
print(b.width, b.height)
print(Box.width.__doc__, "|", Box.height.__doc__, "|", Box.nothing.__doc__)
try:
    b.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    b.height = 3
except AttributeError as e:
    print("AttributeError:", e)
b.only_set = 9
print(b.width)
try:
    print(b.only_set)
except AttributeError as e:
    print("AttributeError:", e)
new = Box.width.getter(lambda self: -1)
print(type(new).__name__, new.fset is Box.width.fset, new.fget(b))
b.height = 3
