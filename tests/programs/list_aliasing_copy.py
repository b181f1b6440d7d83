a = [1, 2, 3]
b = a
c = a[:]
d = list(a)
a.append(4)
print(a, b, c, d)
print(a is b, a is c, a == b, c == d)
nested = [[1], [2]]
shallow = nested.copy()
shallow[0].append(99)
shallow.append([3])
print(nested, shallow)


def mutate(xs: list) -> None:
    xs.append("m")
    xs[0] = "changed"


def rebind(xs):
    xs = [0]
    return xs


mutate(a)
print(a, b)
print(rebind(a), a)
row = [0] * 3
bad = [row] * 3
bad[0][0] = 1
print(bad)
good = [[0] * 3 for _ in range(3)]
good[0][0] = 1
print(good)
print(list(), list("abc"), list((1, 2)), list(range(3)), list({"k": 1, "j": 2}))
