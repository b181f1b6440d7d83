# The instance __dict__ is a real dict: changes show as attributes and back.
class Bag:
    kind = "bag"

    def __init__(self) -> None:
        self.a = 1
        self.b = 2


g = Bag()
d = g.__dict__
print(d, vars(g) is d)
d["c"] = 3
print(g.c)
g.d = 4
print(d)
del g.a
print(d, "a" in d)
d.pop("b")
print(hasattr(g, "b"))
d["kind"] = "shadow"
print(g.kind, Bag.kind)
g.__dict__ = {"fresh": True}
print(vars(g), g.fresh, hasattr(g, "c"))
try:
    g.__dict__ = [1]
except TypeError as e:
    print("TypeError:", e)
h = Bag()
h.__dict__.update(x=1, y=2)
print(h.x + h.y, list(h.__dict__))
print(sorted(vars(h).items()))
