class Base:
    pass


class Child(Base):
    pass


values = [1, 1.5, "s", True, None, [1], (1,), {"a": 1}, {1}, range(2), Base(), Child()]
for v in values:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (str, list)), isinstance(v, Base))
print(type(1) == int, type(True) == int, type(True) is bool, type(1.0) is float)
print(isinstance(Child(), Base), isinstance(Base(), Child), issubclass(Child, Base), issubclass(Child, (int, Base)))
print(issubclass(bool, int), issubclass(int, float), issubclass(KeyError, Exception))


def kind(x) -> str:
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, int):
        return "int"
    if isinstance(x, float):
        return "float"
    if isinstance(x, str):
        return "str"
    if isinstance(x, (list, tuple)):
        return "seq"
    return "other"


print([kind(v) for v in values])
print(type(type(1)).__name__, type(int).__name__, int.__name__, Child.__name__)
