def load(d, k):
    try:
        return d[k]
    except KeyError:
        return d["fallback"]

print(load({"a": 1}, "a"))
load({"a": 1}, "b")
