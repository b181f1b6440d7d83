# Hot attribute loops on classes with and without hooks (the optimizer's fast paths).
class Plain:
    def __init__(self) -> None:
        self.a = 0
        self.b = 1

    def step(self) -> None:
        self.a += self.b


class Hooked:
    def __init__(self) -> None:
        self.a = 0
        self.b = 1

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value + 1 if name == "a" else value)

    def step(self) -> None:
        self.a += self.b


class Getter:
    def __init__(self) -> None:
        self.a = 0

    def __getattribute__(self, name):
        if name == "a":
            return object.__getattribute__(self, "a") + 100
        return object.__getattribute__(self, name)

    def read(self) -> int:
        return self.a


p, h, g = Plain(), Hooked(), Getter()
for i in range(1000):
    p.step()
    h.step()
print(p.a, h.a, g.read(), g.a)
total = 0
for i in range(100):
    total += g.read()
print(total)
