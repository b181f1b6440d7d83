print("b starts")
import a

partial_seen = (hasattr(a, "X"), hasattr(a, "Y"), hasattr(a, "value"))
Z = 10


def value():
    return a.X * 100 + a.Y
