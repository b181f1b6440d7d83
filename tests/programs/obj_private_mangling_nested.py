# Mangling applies inside nested functions and lambdas of methods too, and __dunder__ is kept.
class Box:
    def __init__(self) -> None:
        self.__items = []
        self.__len__calls = 0

    def add(self, x: int) -> None:
        def push(v):
            self.__items.append(v)

        push(x)
        push(x * 10)

    def getter(self):
        return lambda: list(self.__items)

    def __len__(self) -> int:
        return len(self.__items)


b = Box()
b.add(1)
b.add(2)
print(b.getter()(), len(b), sorted(vars(b)))
print(b._Box__len__calls)
setattr(b, "__items", "not mangled")
print(b.__dict__["__items"], len(b))
