class P:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return f"P({self.x!r})"


print([1, "a", 2.0, None, True, (1,), [], {}, ()])
print((1,), (1, 2), ((1, 2), [3]), tuple())
print({"a": [1, 2], "b": {"c": (3,)}, 1: "one", (1, 2): None})
print({5}, set(), sorted({3, 1, 2}), {"only"})
print([P(1), P("s"), P([1.5])], {"p": P(None)})
print(repr("it's"), repr('"q"'), repr("\\"), repr("\x00\x7f"), repr("\u00e9"))
print(str(P(2)), [str(1.0)], [repr("x")], ["it's"])
nested = [[1, [2, [3, [4]]]], {"k": [{"z": 1}]}]
print(nested)
print(-0.0, [-0.0], (1e-10, 1e300), [float("inf")], [1 / 3])
print(range(5), range(1, 10, 2), range(0), repr(range(-3, 3)))
