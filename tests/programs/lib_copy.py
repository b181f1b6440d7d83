import copy


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Tracked:
    def __init__(self, items):
        self.items = items

    def __copy__(self):
        print("__copy__ called")
        return Tracked(self.items)

    def __deepcopy__(self, memo):
        print("__deepcopy__ called")
        return Tracked(copy.deepcopy(self.items, memo))


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


class Stateful:
    def __init__(self):
        self.n = 1

    def __getstate__(self):
        return {"n": self.n * 10}

    def __setstate__(self, state):
        self.n = state["n"] + 1


nested = [[1, 2], {"k": [3, 4]}, (5, [6])]
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
print(shallow == nested, shallow is nested, shallow[0] is nested[0])
print(deep == nested, deep[0] is nested[0], deep[1]["k"] is nested[1]["k"], deep[2] is nested[2])
t = (1, "a", (2, 3))
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is t)
s = {1, 2}
fs = frozenset([1])
print(copy.copy(s) == s, copy.copy(s) is s, copy.copy(fs) is fs, copy.copy(5), copy.copy("x"), copy.copy(None))
p = Point([1], 2)
q = copy.copy(p)
r = copy.deepcopy(p)
print(q, r, q.x is p.x, r.x is p.x, type(r).__name__)
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
loop = [1]
loop.append(loop)
dl = copy.deepcopy(loop)
print(dl[1] is dl, dl is loop)
tr = Tracked([1, [2]])
print(copy.copy(tr).items is tr.items, copy.deepcopy(tr).items == tr.items)
sl = copy.copy(Slotted(3))
print(sl.a, hasattr(sl, "b"))
st = copy.copy(Stateful())
print(st.n)
err = copy.deepcopy(ValueError("bad", 2))
print(type(err).__name__, err.args)
print(copy.Error is copy.error, issubclass(copy.Error, Exception))
print(copy.deepcopy(print) is print, copy.copy(Point) is Point)
raise copy.Error("done")
