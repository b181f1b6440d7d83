d = {"b": 2, "a": 1}
d.setdefault("c", []).append(3)
d.setdefault("c", []).append(4)
print(d)
print(d.pop("a"), d.pop("zz", "default"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError", e)
print(d.popitem(), d)
d.update([("x", 1), ("y", 2)], z=3)
print(d, len(d))
print(dict.fromkeys("abc", 0), dict(zip("xy", [1, 2])), dict(a=1, b=2))
print(d.get("x"), d.get("nope"), "x" in d, "nope" not in d)
e = {1: "one", True: "true", 1.0: "float"}
print(e)
print({**d, "x": 100} == {**d, "x": 100}, d == {"b": 2, "c": [3, 4], "x": 1, "y": 2, "z": 3})
keys = d.keys()
d["new"] = 0
print(list(keys), list(reversed(d)))
print(sorted(d.items(), key=lambda kv: str(kv[1])))
m = {}
for w in "a b a c b a".split():
    m[w] = m.get(w, 0) + 1
print(m, max(m, key=m.get), min(m.values()))
n = {(1, 2): "t", frozenset({1}): "f", None: "n", -1: "neg"}
print(n[(1, 2)], n[frozenset([1])], n[None], n[-1])
print(d | {"q": 9}, {"a": 1} | {"a": 2})
c = d.copy()
c["b"] = 200
print(d["b"], c["b"])
del c["b"]
print("b" in c)
try:
    {}["missing"]
except KeyError as e:
    print(repr(e))
try:
    hash({})
except TypeError as e:
    print(e)
print(list({i: i for i in range(5)}.values()))
