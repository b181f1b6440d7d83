# Annotations' objects: list[int] is a types.GenericAlias and int | None a types.UnionType, with
# CPython's repr, equality, hashing, attributes, isinstance rules and errors.
u = int | str
print(repr(u), u.__args__, u.__parameters__, hash(u) == hash(str | int), u == (str | int), u == int, (int | int), (int | None | int))
print(isinstance(3, u), isinstance(3.0, u), issubclass(bool, int | str), isinstance(None, int | None))
try: isinstance([], list[int])
except TypeError as e: print(e)
try: isinstance([], int | list[int])
except TypeError as e: print(e)
try: u[int]
except TypeError as e: print(e)
try: list[int][str]
except TypeError as e: print(e)
try: int | 'str'
except TypeError as e: print(e)
try: int | 3
except TypeError as e: print(e)
g = dict[str, list[int]]
print(g, g.__origin__, g.__args__, g.__parameters__, g == dict[str, list[int]], hash(g) == hash(dict[str, list[int]]))
print(list[int](), list[int]((1,2)), tuple[()], tuple[int, ...], type[int], list[int] | None, None | list[int], list[int].__name__, list[int].__module__)
print(list[int] == list, list[int] != list[str], set[int], frozenset[str], type(list[int]).__name__, type(int|str).__module__)
print(type(list[int]), type(int | None))
try: int[3]
except TypeError as e: print(e)
print(list[u], dict[str, None], list['x'], list[3])
y: int | None = 3
print(y, __annotations__)
class C:
    a: dict[str, int] | None = None
print(C.__annotations__)
try:
    print((int | str).__origin__)
except AttributeError as e:
    print("AttributeError:", e)
for bad in (lambda: list[int] + 1, lambda: (int | str) + 1, lambda: len(list[int])):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
