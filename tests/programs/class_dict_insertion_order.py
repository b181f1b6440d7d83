# Instance __dict__ keeps the order in which attributes were first assigned, whatever
# the compiler keeps in fixed slots: vars(), __dict__, its repr and iteration, after del
# and re-assignment, attributes set outside methods and in other methods first.


class Point:
    def __init__(self, flag: bool) -> None:
        if flag:
            self.x = 1
        self.y = 2
        self.z = 3

    def late(self) -> None:
        self.x = 10
        self.w = 4


class Child(Point):
    def __init__(self) -> None:
        self.c = 0
        super().__init__(True)


def show(label: str, obj) -> None:
    print(label, vars(obj), list(obj.__dict__), repr(obj.__dict__))


a = Point(True)
show("a", a)
b = Point(False)
b.late()
show("b", b)
c = Point(True)
c.extra = "e"
c.late()
show("c", c)
d = Point(True)
del d.x
d.x = 5
show("d", d)
e = Point(True)
e.tag = 1
del e.tag
e.tag = 2
show("e", e)
f = Child()
f.late()
show("f", f)
g = Point(False)
g.first = 0
g.late()
show("g", g)
for k, v in g.__dict__.items():
    print(k, v)
h = Point(True)
h.__dict__["y"] = 20
h.q = 7
show("h", h)
print(h.y, h.q, h.x)
