# Keys and items views are set-like: operators with any iterable give sets, comparisons
# with sets and views, isdisjoint, len/in, reversed, reprs. Values views are not.

d = {1: "a", 2: "b", 3: "c"}
e = {2: "b", 3: "x", 4: "d"}
k, i, v = d.keys(), d.items(), d.values()
print(k, i, v)
print(len(k), len(i), len(v), 2 in k, 5 in k, (1, "a") in i, (1, "b") in i, "a" in v)
print(sorted(k & {1, 2, 9}), sorted(k | {9}), sorted(k - {1}), sorted(k ^ {1, 5}))
print(sorted(k & e.keys()), sorted(k | e.keys()), sorted(k - e.keys()), sorted(e.keys() ^ k))
print(sorted(i & e.items()), sorted(i - e.items()), sorted(i ^ e.items()))
print(sorted([1, 7] - k), sorted([2, 3] & k), sorted((5,) | k), sorted(k & [3, 4]), sorted(range(5) ^ k))
print(type(k | k).__name__, type(frozenset([1]) | k).__name__, sorted(frozenset([1, 9]) - k))
print(k == {1, 2, 3}, {1, 2, 3} == k, k != {1}, k == [1, 2, 3], k == frozenset([3, 2, 1]))
print(k < {1, 2, 3, 4}, k <= {1, 2, 3}, k > {1}, k >= {1, 2, 3, 4}, k == e.keys(), k < d.keys())
print(i == {(1, "a"), (2, "b"), (3, "c")}, i == d.copy().items(), i >= {(2, "b")})
print(v == v, v == d.values(), k.isdisjoint({7}), k.isdisjoint([3]), i.isdisjoint(e.items()))
print(k.isdisjoint(k), {}.keys().isdisjoint({}.keys()), i.isdisjoint([(1, "a")]))
print(list(reversed(d)), list(reversed(k)), list(reversed(v)), list(reversed(i)))
u = {1: [1], 2: [2]}
print(u.items() == {1: [1], 2: [2]}.items(), u.items() == {1: [1], 2: [3]}.items())
for bad in [lambda: k <= [1, 2], lambda: v | {1}, lambda: k | 5, lambda: hash(k)]:
    try:
        print(bad())
    except TypeError as err:
        print("TypeError:", err)
try:
    v.isdisjoint([1])
except AttributeError as err:
    print("AttributeError:", err)
d[4] = "d"
print(k, sorted(k & {4}), len(i), list(reversed(k)))
r = reversed(d)
print(next(r))
d[5] = "e"
try:
    next(r)
except RuntimeError as err:
    print("RuntimeError:", err)
print(repr({}.keys()), repr({}.items()), str({"x": 1}.values()))
