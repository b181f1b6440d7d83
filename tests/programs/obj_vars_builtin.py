# vars() of instances, classes and modules, and its TypeError.
import math


class P:
    def __init__(self) -> None:
        self.x = 1


p = P()
print(vars(p))
vars(p)["y"] = 2
print(p.y)
print(type(vars(P)).__name__, "x" in vars(P), "__init__" in vars(P))
print(vars(math)["pi"] == math.pi)
for bad in (1, "s", [1], None, 2.5):
    try:
        vars(bad)
    except TypeError as e:
        print("TypeError:", e)


def f():
    pass


print(vars(f))
f.tag = "t"
print(vars(f))
