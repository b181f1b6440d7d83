first, *rest = [1, 2, 3, 4]
print(first, rest)

*init, last = "abcde"
print(init, last)

a, *middle, z = (10, 20, 30, 40, 50)
print(a, middle, z)

head, *tail = [7]
print(head, tail)

(p, q), r = (1, 2), 3
print(p, q, r)

for i, (name, score) in enumerate([("x", 1), ("y", 2)]):
    print(i, name, score)

x, y = 1, 2
x, y = y, x
print(x, y)

combined = [*range(3), *[9, 8], 0]
print(combined)
merged = {**{"a": 1, "b": 2}, "b": 3, **{"c": 4}}
print(merged)
s = {*"aab", *"bc"}
print(sorted(s))
t = (*combined[:2], "end")
print(t)
