# __new__ returning another type skips __init__.
class Factory:
    def __new__(cls, kind):
        if kind == "int":
            return 42
        if kind == "list":
            return [kind]
        return super().__new__(cls)

    def __init__(self, kind):
        print("init", kind)
        self.kind = kind


print(Factory("int"), Factory("list"), Factory("obj").kind)


class Other:
    def __init__(self):
        print("Other.__init__ not called")


class Maker:
    def __new__(cls):
        return Other.__new__(Other)

    def __init__(self):
        print("Maker.__init__ not called")


m = Maker()
print(type(m).__name__)


class Sub(Factory):
    pass


print(type(Sub("obj")).__name__, Sub("int"))
try:
    object.__new__(5)
except TypeError as e:
    print("TypeError:", e)
