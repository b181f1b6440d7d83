# Receivers that break a compile-time guess of a method call's target: subclass overrides,
# the class's method replaced in the middle of a loop, instance attributes named like the
# method, other classes with the same method name, None, the method deleted,
# __getattribute__, __slots__, non-function class attributes, a method only one class
# defines called on other receivers, subclasses with __setattr__/__getattribute__ or a
# property shadowing the attribute a setter writes, and subclasses of list.


class Shape:
    def __init__(self, w):
        self.w = w

    def area(self):
        return self.w * self.w

    def describe(self):
        return "shape " + str(self.area())

    def twice(self, k):
        return self.w * 2 + k


class Square(Shape):
    def area(self):
        return self.w * self.w + 1000


class Odd(Shape):
    def __getattribute__(self, name):
        if name == "area":
            return lambda: -1
        return object.__getattribute__(self, name)


class Slotted:
    __slots__ = ("w",)

    def __init__(self, w):
        self.w = w

    def area(self):
        return -self.w


def patched_area(self):
    return self.w + 0.5


def run(objs):
    out = []
    for o in objs:
        out.append(o.area())
    return out


objs = [Shape(1), Square(2), Shape(3), Slotted(4), Odd(5), Shape(6)]
print(run(objs))
print([o.describe() for o in objs if not isinstance(o, Slotted)])
print([o.twice(i) for i, o in enumerate(objs) if not isinstance(o, Slotted)])

# monkeypatching the class in the middle of a loop
def patch_and_shadow():
    s = Shape(3)
    res = []
    for i in range(8):
        if i == 3:
            Shape.area = patched_area
        if i == 5:
            Shape.area = lambda self: "lambda"
        if i == 6:
            Shape.area = staticmethod(lambda: "static")
        if i == 7:
            Shape.area = classmethod(lambda cls: cls.__name__)
        res.append((s.area(), s.describe(), Square(1).area()))
    print(res)
    del Shape.area
    try:
        s.area()
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        s.describe()
    except AttributeError as e:
        print("AttributeError:", e)
    Shape.area = 42
    try:
        s.area()
    except TypeError as e:
        print("TypeError:", e)
    Shape.area = len
    try:
        s.area()
    except TypeError as e:
        print("TypeError:", e)
    Shape.area = patched_area
    print(s.area(), Square(3).area())
    Square.area = Shape.area
    print(Square(3).area(), Square(3).describe())

    # instance attribute named like the method
    t = Shape(4)
    vals = []
    for i in range(6):
        if i == 2:
            t.area = lambda: 5
        if i == 3:
            t.twice = lambda k: ("inst", k)
        if i == 4:
            del t.area
        if i == 5:
            t.__dict__["area"] = lambda: "via dict"
        vals.append((t.area(), t.twice(i)))
    print(vals)


patch_and_shadow()


# other classes with the same method name, and None, in one loop
class Other:
    def twice(self, k):
        return "other" + str(k)

    def area(self):
        raise KeyError("other area")


def mixed_loop():
    mixed = [Shape(1), Other(), None, Square(2), 7, "str"]
    for o in mixed:
        try:
            print(type(o).__name__, o.twice(3), o.area())
        except (AttributeError, KeyError) as e:
            print(type(o).__name__, type(e).__name__, e)


mixed_loop()


# a method name only one class defines, called on receivers of other classes
class Lone:
    def __init__(self, v):
        self.v = v

    def only_here(self, k):
        return self.v + k


class LoneKid(Lone):
    pass


class Stranger:
    v = "stranger"


def repatch(name, fn):
    setattr(Lone, name, fn)


Dyn = type("Dyn", (), {"only_here": lambda self, k: ("dyn", k), "v": 0})
recvs = [Lone(1), LoneKid(2), Dyn(), Stranger(), Lone(3)]
for step in range(4):
    if step == 1:
        Stranger.only_here = lambda self, k: self.v + str(k)
    if step == 2:
        repatch("only_here", lambda self, k: self.v * k)
    if step == 3:
        recvs[0].only_here = lambda k: "instance"
    row = []
    for o in recvs:
        try:
            row.append(o.only_here(step))
        except AttributeError as e:
            row.append(str(e))
    print(step, row)

# subclasses that change how the attributes small methods read and write behave
class Setter:
    def __init__(self):
        self.v = 0

    def set(self, v):
        self.v = v

    def get(self):
        return self.v


class Hooked(Setter):
    def __setattr__(self, k, v):
        print("  setattr", k, v)
        object.__setattr__(self, k, v + 1)

    def __getattribute__(self, k):
        r = object.__getattribute__(self, k)
        return ("ga", r) if k == "v" else r


class Prop(Setter):
    @property
    def v(self):
        return "prop"

    @v.setter
    def v(self, val):
        print("  prop set", val)


for o in [Setter(), Hooked(), Prop(), Setter()]:
    for i in range(2):
        o.set(i * 7)
        print(type(o).__name__, o.get())


class MyList(list):
    def first(self):
        return self[0]

    def grow(self, v):
        self.append(v)
        return len(self)


ml = MyList([3])
print([ml.grow(i) for i in range(3)], ml.first(), ml, MyList.first([9]))
try:
    MyList().first()
except IndexError as e:
    print("IndexError:", e)
