# A data descriptor (with __set__) wins over the instance dict; __delete__ runs on del.
class Logged:
    def __init__(self, default):
        self.default = default
        self.name = "?"

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = obj.__dict__.get("_" + self.name, self.default)
        print("get", self.name, "->", value)
        return value

    def __set__(self, obj, value):
        print("set", self.name, "=", value)
        obj.__dict__["_" + self.name] = value

    def __delete__(self, obj):
        print("delete", self.name)
        obj.__dict__.pop("_" + self.name, None)


class Point:
    x = Logged(0)
    y = Logged(0)

    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)


p = Point(3, -4)
print(p.norm1())
p.x = 10
print(p.x)
p.__dict__["x"] = 999
print(p.x)
del p.x
print(p.x)
print(sorted(p.__dict__))
print(type(Point.x).__name__, Point.x.name, Point.y.default)
print(getattr(p, "y"))
setattr(p, "y", 7)
print(p.y)
