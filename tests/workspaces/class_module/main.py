# The `__module__` of classes made by calls is the module of the calling code, as CPython
# takes it from the caller's frame: type(name, bases, ns), namedtuple, typing.NamedTuple's
# functional form and TypeVar, from the module body, a function, a class body and a
# comprehension, and from another module of the program.
from collections import namedtuple
from typing import NamedTuple, TypeVar

import factories as helper

P = namedtuple("P", "x y")
print(P, P.__module__, P(1, 2))
print(helper.Q, helper.Q.__module__, helper.Q(3))
print(namedtuple("R", "a", module="custom"))
print(type("X", (), {}), helper.make(), helper.Y, type(helper.Y()))
print(type("Own", (), {"__module__": "mine"}))
print(NamedTuple("N", [("a", int)]), helper.N2, helper.N3)
print(TypeVar("T").__module__, helper.T2.__module__)


def inner():
    return namedtuple("In", "q"), type("Local", (), {})


print(inner(), helper.factory())
print([namedtuple("C%d" % i, "a") for i in range(2)])


class K:
    Inner = namedtuple("Inner", "z")


print(K.Inner, K.Inner.__qualname__)


class Meta(type):
    pass


print(Meta("ByMeta", (), {}), helper.by_meta(Meta))
print(list(helper.made_in_generator()))
print(next(namedtuple("Gen%d" % i, "a") for i in range(3)))
