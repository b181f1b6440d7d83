d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["b"], d.get("z"), d.get("z", 0), d.get("a", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print("a" in d, "z" in d, "z" not in d, 1 in d)
print(d.pop("b"), d, d.pop("zz", "dflt"))
print(d.setdefault("a", 100), d.setdefault("n", 7), d)
d.update({"a": 10, "q": 0})
d.update(w=5)
d.update([("k", 1)])
print(d)
e = d.copy()
e["a"] = -1
print(d["a"], e["a"])
print(d.popitem(), d)
del d["q"]
print(d)
d["a"] = 11
print(d)
d.clear()
print(d, len(d), bool(d))
print(dict(a=1, b=2), dict([(1, "x"), (2, "y")]), dict(zip("abc", range(3))), dict())
print(dict.fromkeys(["x", "y"], 0), {1: "a"} == {1: "a"}, {1: "a", 2: "b"} == {2: "b", 1: "a"})
