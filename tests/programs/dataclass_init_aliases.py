# The compiled __init__ of dataclasses decorated through aliases of `dataclass`.
import dataclasses as dcs
from dataclasses import dataclass as dc
from dataclasses import dataclass


@dc
class A:
    x: int
    y: str = "y"


@dcs.dataclass(repr=False)
class B:
    x: float


@dataclass
class C:
    x: int


def attempt(fn, *args, **kwargs):
    try:
        print("ok:", fn(*args, **kwargs))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print(A(1), A(1, "z"), A.__init__.__defaults__, A.__doc__, B.__doc__, B(2.5).x, C(3))
attempt(A)
attempt(B, 1, 2)
attempt(C, x=1, y=2)

print(C.__init__.__qualname__, C(4) == C(4), A.__init__.__module__)
