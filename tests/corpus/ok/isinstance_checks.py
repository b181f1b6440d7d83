class Animal:
    def sound(self) -> str:
        return "..."


class Dog(Animal):
    def sound(self) -> str:
        return "woof"


class Cat(Animal):
    pass


def describe(x) -> str:
    if isinstance(x, bool):
        return "bool " + str(x)
    if isinstance(x, int):
        return "int " + str(x)
    if isinstance(x, float):
        return "float " + repr(x)
    if isinstance(x, str):
        return "str " + x
    if isinstance(x, (list, tuple)):
        return type(x).__name__ + " of " + str(len(x))
    if isinstance(x, dict):
        return "dict with keys " + ", ".join(x.keys())
    if isinstance(x, Animal):
        return type(x).__name__ + " says " + x.sound()
    if x is None:
        return "none"
    return "other " + type(x).__name__


things = [True, 3, 2.5, "hi", [1, 2], (1,), {"a": 1, "b": 2}, Dog(), Cat(), None, {1}]
for thing in things:
    print(describe(thing))

d = Dog()
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, Cat), isinstance(3, (str, float)))
print(type(d).__name__, type(3).__name__, type("s").__name__, type(None).__name__)
print(type(3) == int, type(True) == int, type([]) is list)
