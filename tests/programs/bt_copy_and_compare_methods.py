# copy() methods are shallow, and the set comparison methods accept any iterable while the
# operators need sets.

lst = [[1], 2]
lc = lst.copy()
lc[0].append(9)
lc.append(3)
print(lst, lc, lc is not lst)
s = {1, 2}
sc = s.copy()
sc.add(3)
print(sorted(s), sorted(sc))
fs = frozenset([1, 2])
print(fs.copy() is fs, type(fs.copy()).__name__)
a = {1, 2}
for other in [[1, 2, 3], range(3), (1,), {1: 'x', 2: 'y'}, 'ab']:
    print(a.issubset(other), a.issuperset(other), a.isdisjoint(other))
print(a <= {1, 2, 3}, a < {1, 2}, a < {1, 2, 3}, a >= {1}, a > {1, 2}, a == frozenset({1, 2}))
print(frozenset([1]) | {2}, {2} | frozenset([1]), type({2} - frozenset([2])).__name__)
print(a.union([3], (4,)), a.intersection(range(2), [1]), a.difference([1]), a.symmetric_difference([2, 5]))
for expr in [lambda: a <= [1, 2], lambda: a | [3], lambda: a.__le__([1])]:
    try:
        print(expr())
    except TypeError as e:
        print('TypeError', e)
