# hash() of tuples nested 50,000 deep (CPython computes it; so must we), deep
# tuples as dict keys and set members, and hash() of shallow nested tuples.


def nest(n: int, leaf: int):
    x = (leaf,)
    for i in range(n):
        x = (x, i)
    return x


small = nest(3, 7)
print(small, hash(small))
print(hash(nest(10, 1)), hash(nest(10, 2)))
deep = nest(50000, 1)
h = hash(deep)
print("deep hash", h)
print("stable", hash(deep) == h)
print("equal structure same hash", hash(nest(50000, 1)) == h)
print("other leaf differs", hash(nest(50000, 2)) != h)
d = {deep: "value"}
print("dict lookup by identity", d[deep])
s = {deep, small}
print("set size", len(s), deep in s, small in s)
try:
    print("equal key lookup", d.get(nest(50000, 1), "missing"))
except RecursionError as e:
    print("equal key lookup RecursionError:", e)
print("done")
