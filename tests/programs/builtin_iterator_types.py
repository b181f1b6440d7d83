m = map(str, [1])
print(type(m).__name__, type(zip([1])).__name__, type(enumerate([1])).__name__, type(filter(None, [1])).__name__, type(reversed([1])).__name__)
print(type(iter([1])).__name__, type(iter((1,))).__name__, type(iter({1: 2})).__name__, type(iter("ab")).__name__, type(iter(range(3))).__name__, type(iter({1})).__name__)
print(map, zip)
print(isinstance(m, map))
for it in [iter([]), iter(()), reversed([1]), reversed((1,)), iter(range(2)), iter("é"), iter({}.values()), iter({}.items()), iter(set())]:
    print(type(it).__name__)
print(list(map(lambda a, b: a + b, [1, 2], [3, 4])), list(zip("ab", range(5))), list(enumerate("xy", 3)))
print(type(map) is type, isinstance(zip([]), zip), isinstance(enumerate([]), map), callable(filter))
