# __slots__: instances keep only the declared attributes (no __dict__), unset slots raise
# AttributeError, subclasses without __slots__ get a dict, "__dict__" in __slots__, and
# CPython's errors for bad declarations.


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)


class Tagged(Point):
    pass


class Named(Point):
    __slots__ = "name"


class Open:
    __slots__ = ["a", "__dict__"]


class Empty:
    __slots__ = ()


def attempt(label: str, f) -> None:
    try:
        print(label, f())
    except (AttributeError, TypeError, ValueError) as e:
        print(label, type(e).__name__ + ":", e)


p = Point(3, -4)
print(p.x, p.y, p.norm1(), Point.__slots__, Named.__slots__)
attempt("set z", lambda: setattr(p, "z", 1))
attempt("dict", lambda: p.__dict__)
attempt("vars", lambda: vars(p))
del p.y
attempt("unset y", lambda: p.y)
attempt("del y again", lambda: delattr(p, "y"))
print(hasattr(p, "y"), getattr(p, "y", "default"))
p.y = 10
print(p.norm1())
attempt("read-only", lambda: setattr(p, "norm1", 0))
t = Tagged(1, 2)
t.color = "red"
print(t.__dict__, t.x, vars(t))
n = Named(5, 6)
n.name = "n"
print(n.name, n.norm1())
attempt("named z", lambda: setattr(n, "z", 0))
o = Open()
o.a = 1
o.b = 2
print(o.__dict__, o.a)
attempt("empty", lambda: setattr(Empty(), "a", 1))
total = 0
for i in range(1000):
    q = Point(i, -i)
    q.x += 1
    total += q.norm1()
print(total)


def make(body: dict) -> None:
    try:
        type("Made", (), body)
        print("ok", sorted(body))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)


make({"__slots__": ("a",), "a": 1})
make({"__slots__": (1,)})
make({"__slots__": ("1a",)})
make({"__slots__": ("__dict__", "__dict__")})
make({"__slots__": ["a", "b"]})
