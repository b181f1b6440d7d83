# Imported by main.py: classes made by calls in another module.
from collections import namedtuple
from typing import NamedTuple, TypeVar

Q = namedtuple("Q", ["v"])
Y = type("Y", (object,), {"a": 1})


def make():
    return type("Made", (), {})


class N2(NamedTuple):
    a: int


N3 = NamedTuple("N3", [("b", str)])
T2 = TypeVar("T2")


def factory():
    return namedtuple("F", "f")


def by_meta(meta):
    return meta("Helped", (), {})


def made_in_generator():
    for name in ("G1", "G2"):
        yield namedtuple(name, "g"), type(name + "t", (), {})
