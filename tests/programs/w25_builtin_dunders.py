# Dunder attributes of builtin types reached by hasattr/getattr/attribute reads, as in
# CPython: __module__ of types and not of their instances, no __dict__ on object(),
# object's ordering methods and __subclasshook__, the dict views' special methods.

for v in [1, 1.5, "s", [1], (1,), {1: 2}, {1}, range(2), True, None, object(), Exception("x"), len]:
    print(type(v).__name__, hasattr(v, "__module__"), type(v).__module__, hasattr(v, "__dict__"))
print(len.__module__, [].append.__module__)


class C:
    pass


print(C.__module__, C().__module__, hasattr(C(), "__dict__"))
print("__module__" in int.__dict__, "__module__" in C.__dict__, "__module__" in vars(Exception))
print(repr(int), repr(C).startswith("<class '__main__.C"), repr(ValueError))

o = object()
print(o.__lt__(o), o.__le__(1), o.__gt__(o), o.__ge__(None))
print(object.__subclasshook__(), C.__subclasshook__(int))
try:
    o.__lt__()
except TypeError as e:
    print("TypeError", e)
try:
    C() < C()
except TypeError as e:
    print("TypeError", e)


class Ordered:
    def __init__(self, v):
        self.v = v

    def __gt__(self, other):
        return self.v > other.v


print(Ordered(1) < Ordered(2), Ordered(3) < Ordered(2))

d = {"a": 1, "b": 2, "c": 3}
k, vs, it = d.keys(), d.values(), d.items()
print(k.__len__(), vs.__len__(), it.__len__())
print(list(k.__iter__()), list(vs.__iter__()), list(it.__iter__()))
print(list(k.__reversed__()), list(vs.__reversed__()), list(it.__reversed__()))
print(k.__contains__("a"), k.__contains__("z"), it.__contains__(("b", 2)), it.__contains__(("b", 3)))
print(sorted(k.__or__(["x"])), sorted(k.__and__({"a", "z"})), sorted(k.__sub__("a")), sorted(k.__xor__(["a", "q"])))
print(sorted(k.__ror__(["y"])), sorted(k.__rsub__(["a", "w"])))
print(k.__eq__({"a", "b", "c"}), k.__eq__(["a", "b", "c"]), k.__lt__({"a", "b", "c", "d"}), k.__le__(d.keys()))
print(it.__eq__({("a", 1), ("b", 2), ("c", 3)}), it.__ge__(set()), k.__ne__(frozenset("abc")))
print(hasattr(vs, "__contains__"), hasattr(vs, "__or__"), hasattr(k, "__or__"))
print(k.mapping["b"], dict(it.mapping), type(vs.mapping).__name__)


def helper(x):
    return x


sm, cm = staticmethod(helper), classmethod(helper)
print(sm.__name__, sm.__qualname__, sm.__module__, cm.__name__, cm.__qualname__, cm.__module__)
print(hasattr(sm, "__name__"), getattr(cm, "__qualname__", "none"))
