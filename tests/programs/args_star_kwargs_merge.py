# Keyword arguments built from ** mappings: duplicates, non-str keys, non-mappings,
# evaluation order and mapping objects, as CPython's DICT_MERGE.
def f(a, c=0, **kw):
    return (a, c, sorted(kw.items()))


class C:
    def m(self, a=0, **kw):
        return a, kw


class Mapping:
    def __init__(self, d):
        self.d = d

    def keys(self):
        print("keys() called")
        return list(self.d)

    def __getitem__(self, k):
        print("getitem", k)
        return self.d[k]


def noisy(tag, v):
    print("eval", tag)
    return v


print(f(1, **{"c": 2}))
print(f(1, **{"x": 1}, **{"y": 2}, z=3))
print(f(**Mapping({"a": 10, "q": 5})))
print(C().m(**{"b": 1}, c=2))
print(f(noisy("a", 1), **noisy("d", {"c": 2}), k=noisy("k", 3)))
cases = [
    lambda: f(1, c=1, **{"c": 2}),
    lambda: f(1, **{"c": 1}, c=2),
    lambda: f(1, **{"x": 1}, **{"x": 2}),
    lambda: C().m(**{"a": 1}, a=2),
    lambda: print(**{"sep": 1}, sep=2),
    lambda: f(**{1: 2}),
    lambda: f(**5),
    lambda: C().m(**[1]),
    lambda: print(**None),
    lambda: f(**Mapping({"a": 1}), a=2),
    lambda: f(*5),
    lambda: C().m(*None),
    lambda: max(*3),
    lambda: f(1, *5),
    lambda: f(*5, 1),
    lambda: f(*[1], *5),
    lambda: [*5],
    lambda: [0, *None],
    lambda: (*5,),
    lambda: {*5},
    lambda: f(1, *5, k=1),
    lambda: f(*[1, 2], *(3,), **{}),
]
for case in cases:
    try:
        print(case())
    except TypeError as e:
        print("TypeError:", e)
try:
    f(1, **noisy("first", 7), c=noisy("second", 1))
except TypeError as e:
    print("TypeError:", e)
d = {}
d.update(Mapping({"u": 1, "v": 2}))
print(d)
