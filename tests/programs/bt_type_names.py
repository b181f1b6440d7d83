# Names of builtin types and user classes: __name__, __qualname__, __module__, mro().

values = [1, True, 1.5, 'x', [1], (1,), {1: 2}, {1}, frozenset(), range(1), slice(1), None,
          iter([]), iter(()), iter(''), iter('é'), iter({}), iter(range(1)), reversed([]),
          {}.keys(), {}.values(), {}.items(), len, print]
for v in values:
    t = type(v)
    print(t.__name__, t.__qualname__)
for cls in [int, bool, float, str, list, tuple, dict, set, frozenset, range, slice, object,
            BaseException, ValueError]:
    print(cls.__name__, cls.__qualname__, cls.__module__, cls.mro())


class Base:
    pass


class Child(Base):
    pass


print(Child.__name__, Child.__module__, Child.mro(), [c.__name__ for c in Child.__mro__])
print(type(Child()).__name__, type(Child).__name__, Child().__class__.__name__)
print(KeyError.mro(), bool.__base__, int.__bases__)
