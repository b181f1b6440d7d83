# A decorator called `dataclass` that is not dataclasses' own gets no compiled __init__,
# nor does a class whose decorator name is rebound or whose module patches dataclasses.


def dataclass(cls):
    cls.made_by = "mine"
    return cls


@dataclass
class P:
    x: int
    y: int = 0


print(P.made_by, P.__dict__.get("__init__"), "__molt_dataclass_init__" in P.__dict__)
try:
    P(1)
except TypeError as e:
    print("TypeError:", e)
p = P()
print(p.y, P.y, P.__annotations__, hasattr(P, "__dataclass_fields__"))


# A module that rebinds dataclasses' own name or patches the module gets none either (the
# generated method: `__defaults__` is not printed, molt's generated one has none).
import dataclasses
from dataclasses import dataclass as real


@real
class C:
    x: int


def attempt(fn, *args, **kwargs):
    try:
        print("ok:", fn(*args, **kwargs))
    except Exception as e:
        print(type(e).__name__ + ":", e)


real = None
print(C.__init__.__qualname__, C(4) == C(4), C(5))
attempt(C)


def replace_dataclass():
    def mine(cls):
        cls.patched = True
        return cls

    dataclasses.dataclass = mine


saved = dataclasses.dataclass
replace_dataclass()


@dataclasses.dataclass
class D:
    x: int


print(D.patched, "__init__" in D.__dict__, "__molt_dataclass_init__" in D.__dict__)
attempt(D, 1)
dataclasses.dataclass = saved
