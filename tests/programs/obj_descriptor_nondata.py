# A non-data descriptor (only __get__) is shadowed by the instance dict.
class Lazy:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__

    def __get__(self, obj, owner):
        if obj is None:
            return "Lazy on " + owner.__name__
        value = self.func(obj)
        obj.__dict__[self.name] = value
        print("computed", self.name)
        return value


class Circle:
    def __init__(self, r: float) -> None:
        self.r = r

    @Lazy
    def area(self):
        return round(3.14159 * self.r * self.r, 3)

    @Lazy
    def label(self):
        return "circle of " + str(self.r)


c = Circle(2.0)
print(c.area)
print(c.area)
print(c.label, c.label)
print(Circle.area)
c.area = 1.5
print(c.area)
del c.area
print(c.area)
print(sorted(vars(c)))
d = Circle(1.0)
print(d.area, hasattr(d, "label"))
