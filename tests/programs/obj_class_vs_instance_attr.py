# Class attributes are shared until an instance assignment shadows them.
class Counter:
    total = 0
    tags = []

    def __init__(self, name: str) -> None:
        self.name = name
        Counter.total += 1

    def tag(self, t: str) -> None:
        self.tags.append(t)


a, b = Counter("a"), Counter("b")
print(Counter.total, a.total, b.total)
a.total = 100
print(Counter.total, a.total, b.total, "total" in vars(a))
del a.total
print(a.total)
a.tag("x")
b.tag("y")
print(Counter.tags, a.tags is b.tags)
b.tags = ["own"]
print(Counter.tags, b.tags)
Counter.total = 7
print(a.total, b.total)
try:
    del a.total
except AttributeError as e:
    print("AttributeError:", e)
Counter.extra = "added later"
print(a.extra, getattr(b, "extra"))
del Counter.extra
print(hasattr(a, "extra"))
