# Hooks and descriptors added to a class after instances exist take effect at once.
class Late:
    def __init__(self, x: int) -> None:
        self.x = x

    def get(self) -> int:
        return self.x


obj = Late(1)
print(obj.get(), obj.x)
for i in range(3):
    obj.x = obj.get() + 1
print(obj.x)


def spy(self, name, value):
    print("spy", name, value)
    object.__setattr__(self, name, value)


Late.__setattr__ = spy
obj.x = 10
print(obj.get())
del Late.__setattr__
obj.x = 11
print(obj.x)
Late.x = property(lambda self: "property wins")
print(obj.x, obj.get(), obj.__dict__["x"])
del Late.x
print(obj.x)
