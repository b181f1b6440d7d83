# Module and class bodies evaluate annotations and record those of simple names in
# __annotations__, in order; function bodies do not evaluate them.
import math

calls = []


def note(label: str):
    calls.append(label)
    return label


x: int = 1
y: note("y-annotation") = note("y-value")
z: "forward"
if x:
    w: float = 2.5
print(__annotations__)
print(calls, x, y, w)


class Config:
    name: str = "cfg"
    size: int
    ratio: note("ratio") = math.pi
    items: list = []

    def method(self) -> int:
        local: UndefinedName = 3
        other: AlsoUndefined
        return local


print(Config.__annotations__, Config.name, Config().method())
print(calls)


def outside() -> None:
    q: Missing = 4
    print("function annotations are not evaluated", q)


outside()
if False:
    NotDefinedAnywhere = NotDefinedEither = None
try:
    bad: NotDefinedAnywhere = 5
except NameError as e:
    print("NameError:", e, bad)
try:
    class Broken:
        a: int = 1
        b: NotDefinedEither
except NameError as e:
    print("NameError:", e)
print(sorted(__annotations__))
