# Indexing lists: the inline path of generated code (small ints in range, negative from
# the end) and every case it leaves to the runtime (out of range, bools, big ints, other
# containers, list subclasses).
a = [1, 2, 3, "x", None, 2.5, [7]]
for i in range(-8, 9):
    try:
        print(i, a[i])
    except IndexError as e:
        print("IndexError", e)
b = list(range(5))
for i in range(-6, 6):
    try:
        b[i] = i * 10
    except IndexError as e:
        print("IndexError", e)
print(b)
print(a[True], a[False])
try:
    a[2**50]
except IndexError as e:
    print(e)
try:
    a["k"]
except TypeError as e:
    print(e)
class L(list):
    def __getitem__(self, i):
        return ("L", i)
l = L([1, 2])
def f(x, i):
    return x[i]
print(f(l, 0), f((5, 6), 1), f("abc", -1), f({1: 2}, 1), f(a, -1))
def g(x: list[int], i: int):
    x[i] = x[i] + 1
    return x[i]
print(g([1, 2, 3], 1), g([4], -1))
m = [[0.0] * 3 for _ in range(3)]
for i in range(3):
    for j in range(3):
        m[i][j] = i * 3 + j + 0.5
print(m)
x = [object()]

o = x[0]
print(o is x[0])
x[0] = 5
print(x)
