# A mixin with state on an exception class, and __slots__ with a secondary base that has a dict.
class Ctx:
    def __init__(self, where):
        self.where = where
        self.count = 0
    def bump(self):
        self.count += 1
        return self.count
class AppError(Ctx, ValueError):
    def __init__(self, msg, where):
        ValueError.__init__(self, msg)
        Ctx.__init__(self, where)
c = Ctx("a")
e = AppError("bad", "here")
for o in [c, e, c, e]:
    for _ in range(100):
        o.bump()
    print(type(o).__name__, o.count, o.where)
print(e.args, str(e), vars(e))
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x; self.y = y
class Named:
    def set_name(self, n):
        self.name = n
class NP(Named, Point):
    __slots__ = ("z",)
try:
    n = NP(1, 2); n.z = 3
    print(n.x, n.y, n.z)
    n.set_name("p")
except AttributeError as ex:
    print("AttributeError:", ex)
print(hasattr(NP(0, 0), "__dict__"))
