# A class of another module constructed directly by that module's functions
# (`call.class.direct`): rebinding the class global or replacing `__init__` from here is
# seen by them, as in CPython.
import shapes
from shapes import Point

print(shapes.points(2), shapes.labeled(2))


class Fake:
    def __init__(self, x, y):
        self.x = x * 10
        self.y = y * 10


shapes.Point = Fake
print(shapes.points(2), shapes.labeled(2))
shapes.Point = Point
print(shapes.points(2))


def init(self, x, y):
    self.x = "patched"
    self.y = y


Point.__init__ = init
print(shapes.points(2), shapes.labeled(2))
del shapes.Labeled
try:
    shapes.labeled(1)
except NameError as e:
    print("NameError:", e)
