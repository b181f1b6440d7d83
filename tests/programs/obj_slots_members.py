# __slots__ member descriptors: repr, access, missing values and deletion.
class Pt:
    __slots__ = ("x", "y")

    def __init__(self, x: int) -> None:
        self.x = x


p = Pt(1)
print(repr(Pt.x), repr(Pt.y), type(Pt.x).__name__, Pt.x.__name__)
print(p.x)
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
p.y = 5
print(p.y)
del p.y
try:
    del p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, "__dict__"), list(vars(Pt)))
print(Pt.x.__get__(p, Pt))
Pt.y.__set__(p, 11)
print(p.y)


class More(Pt):
    __slots__ = ("z",)


m = More(2)
m.z = 3
print(m.x, m.z, repr(More.z), list(vars(More)))
