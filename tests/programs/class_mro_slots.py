# Several bases with __slots__ and instance dicts: attributes set by each base's methods.
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
        self.b = 2

class Plain:
    def more(self):
        self.c = 3

class Both(Slotted, Plain):
    def __init__(self):
        super().__init__()
        self.more()

x = Both()
print(x.a, x.b, x.c, x.__dict__, Both.__base__.__name__)

class OnlySlots(Slotted, Plain):
    __slots__ = ()

y = OnlySlots()
y.more()
print(y.a, y.c, y.__dict__)

class Counter:
    def __init__(self):
        self.n = 0
    def inc(self):
        self.n += 1
        return self.n

class Stamp:
    def __init__(self):
        self.stamp = "s"
    def mark(self):
        self.stamp += "!"
        return self.stamp

class Both2(Counter, Stamp):
    def __init__(self):
        Counter.__init__(self)
        Stamp.__init__(self)

b = Both2()
for _ in range(5):
    b.inc()
    b.mark()
print(b.n, b.stamp, vars(b))
c = Counter()
c.inc()
print(c.n, vars(c))


# The layout base second: member slots of Slotted, a dict from Plain.
class Slotted2:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
        self.b = 2
class Plain:
    def more(self):
        self.c = 3
        return self.a + self.c
class Both3(Plain, Slotted2):
    pass
x = Both3()
print(x.more(), x.a, x.b, x.__dict__, Both3.__base__.__name__, '__dict__' in Both3.__dict__, '__weakref__' in Both3.__dict__)
class S3(Plain, Slotted2):
    __slots__ = ("d",)
y = S3(); y.d = 4; y.e = 5
print(y.d, y.e, y.__dict__, sorted(k for k in S3.__dict__ if not k.startswith("__m")))
