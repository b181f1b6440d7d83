# An exception raised in a method called through a `call.method` site's instance cache
# keeps CPython's traceback (the caller's frame, then the method's).


class Shape:
    def area(self):
        return 0


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


class Broken(Shape):
    def area(self):
        return 1 // 0


def total(shapes):
    t = 0
    for s in shapes:
        t += s.area()
    return t


print(total([Square(2), Square(3), Shape()]))
print(total([Square(2), Broken()]))
