# A metaclass's __instancecheck__ and __subclasscheck__ decide isinstance, issubclass and
# class patterns of its classes (CPython's PyObject_IsInstance/IsSubclass): an object
# exactly of the class skips __instancecheck__, issubclass's hook sees any first argument,
# and type's own methods are what super() reaches.
class Meta(type):
    def __instancecheck__(cls, inst):
        print("  instancecheck", cls.__name__, type(inst).__name__)
        return inst == 42 or super().__instancecheck__(inst)

    def __subclasscheck__(cls, sub):
        print("  subclasscheck", cls.__name__, getattr(sub, "__name__", sub))
        return sub is int or type.__subclasscheck__(cls, sub)


class M(metaclass=Meta):
    pass


class N(M):
    pass


print(isinstance(42, M), isinstance(1, M), isinstance(M(), M), isinstance(N(), M))
print(isinstance(3, (str, M)), isinstance("s", (str, M)))
print(issubclass(int, M), issubclass(str, M), issubclass(N, M), issubclass(bool, (M, str)))
print(type.__instancecheck__(M, N()), type.__subclasscheck__(M, N), type.__instancecheck__(int, True))


def kind(x: object) -> str:
    match x:
        case M():
            return "M-ish"
        case _:
            return "other"


print(kind(42), kind(7), kind(N()))


class Even(type):
    def __instancecheck__(cls, inst):
        return isinstance(inst, int) and inst % 2 == 0


class EvenNum(metaclass=Even):
    pass


print([x for x in range(7) if isinstance(x, EvenNum)], isinstance("a", EvenNum))


class Anything(type):
    def __subclasscheck__(cls, sub):
        return True


class Any1(metaclass=Anything):
    pass


print(issubclass(5, Any1), issubclass(str, Any1), issubclass(5, (Any1, int)))
for args in [(5, int), (5, 6), (int, 6), (int, (6, int))]:
    try:
        print(issubclass(*args))
    except TypeError as e:
        print("TypeError", e)
try:
    type.__subclasscheck__(int, 5)
except TypeError as e:
    print("TypeError", e)


class Raises(type):
    def __instancecheck__(cls, inst):
        raise KeyError("from the hook")


class R1(metaclass=Raises):
    pass


try:
    isinstance(1, R1)
except KeyError as e:
    print("KeyError", e)
print(isinstance(R1(), R1))
