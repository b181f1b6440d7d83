# dataclasses: the generated __init__ binds its arguments as CPython's generated one,
# with the same TypeErrors.
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int = 0


@dataclass()
class Empty:
    pass


# Errors of the generated __init__
def attempt(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__ + ":", e)


@dataclass
class Three:
    a: int
    b: int
    c: int = 3


attempt(Three)
attempt(Three, 1)
attempt(Three, 1, 2, 3, 4)
attempt(Three, 1, 2, 3, 4, 5)
attempt(Three, 1, 2, d=1)
attempt(Three, 1, 2, a=1)
attempt(Three, b=2)
attempt(Point)
attempt(Point, 1, 2, 3)
attempt(Empty, 1)
attempt(Empty, 1, 2)
attempt(Empty, x=1)


@dataclass
class Pair:
    a: int
    b: int


attempt(Pair, 1, 2, 3)
attempt(Pair.__init__)


@dataclass(kw_only=True)
class Keys:
    a: int
    b: int = 1
    c: int


attempt(Keys)
attempt(Keys, c=1)
attempt(Keys, 1, c=1)
attempt(Keys, 1, 2, a=1)
print(Keys(c=3, a=1))
print(Three(1, 2), Three(c=0, b=1, a=2))
Three(1, 2, 3, 4)
