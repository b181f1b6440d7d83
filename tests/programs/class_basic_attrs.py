class Counter:
    instances = 0
    step: int = 1

    def __init__(self, name: str, start: int = 0):
        self.name = name
        self.value = start
        Counter.instances += 1

    def inc(self, by=None):
        self.value += self.step if by is None else by
        return self

    def get(self) -> int:
        return self.value


a = Counter("a")
b = Counter("b", 10)
a.inc().inc().inc(5)
b.inc()
print(a.name, a.get(), b.name, b.get(), Counter.instances)
b.step = 100
b.inc()
print(b.value, b.step, a.step, Counter.step)
Counter.step = 2
a.inc()
b.inc()
print(a.value, b.value)
a.extra = "dynamic"
print(a.extra, type(a).__name__, isinstance(a, Counter))
print(Counter.instances, a.instances)
a.value = -1
print(a.get())
