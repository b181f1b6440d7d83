class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(getattr(p, "x"), getattr(p, "z", "default"))
print(getattr(p, "xx"))
