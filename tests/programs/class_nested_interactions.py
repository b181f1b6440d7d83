class Outer:
    __private = "outer-private"
    def make(self):
        class Inner:
            __hidden = "inner"
            def peek(inner_self):
                return inner_self.__hidden, self._Outer__private
        return Inner()
print(Outer().make().peek(), type(Outer().make()).__qualname__)

class Base:
    def greet(self):
        return "base"
class Child(Base):
    def greet(self):
        def helper():
            return super(Child, self).greet()
        class Local(Base):
            def greet(self):
                return "local:" + super().greet() + ":" + __class__.__name__
        return helper() + "|" + Local().greet()
print(Child().greet())

def factory(kind):
    if kind == "a":
        class Impl:
            name = "A"
    else:
        class Impl:
            name = "B"
    return Impl
print(factory("a").name, factory("b").name, factory("a") is factory("a"))

def closure_counter():
    calls = []
    class Tracker:
        def __init__(self):
            calls.append(len(calls))
        @classmethod
        def count(cls):
            return len(calls)
        @staticmethod
        def last():
            return calls[-1]
    Tracker(); Tracker()
    return Tracker.count(), Tracker.last()
print(closure_counter())

def prop_class():
    scale = 10
    class Q:
        def __init__(self, v): self._v = v
        @property
        def scaled(self): return self._v * scale
        def __eq__(self, other): return self._v == other._v
        __hash__ = None
    return Q(3).scaled, Q(1) == Q(1), Q.__hash__
print(prop_class())

def with_dataclass_and_default(n):
    from dataclasses import dataclass
    @dataclass
    class R:
        a: int = n
        b: list = None
    return R(), R(1, [2])
print(with_dataclass_and_default(7))

def generic():
    from typing import Generic, TypeVar
    T = TypeVar("T")
    class Box(Generic[T]):
        def __init__(self, v: T): self.v = v
    return Box[int](3).v, Box.__qualname__
print(generic())

def exc_hierarchy():
    class AppError(Exception):
        def __init__(self, code, msg):
            super().__init__(msg)
            self.code = code
    class NotFound(AppError):
        pass
    try:
        raise NotFound(404, "missing")
    except AppError as e:
        return e.code, str(e), repr(e), type(e).__mro__[1].__qualname__
print(exc_hierarchy())

def namedtuple_local():
    from collections import namedtuple
    Pt = namedtuple("Pt", "x y")
    class Pt3(Pt):
        def norm(self): return self.x + self.y
    return Pt3(1, 2).norm(), Pt3(1, 2)
print(namedtuple_local())

def enum_local2():
    from enum import Enum, auto
    class State(Enum):
        ON = auto()
        OFF = auto()
    return [s for s in State], State.ON < State.OFF if False else State.OFF.value
print(enum_local2())

def deep(n):
    if n == 0:
        class Leaf:
            pass
        return Leaf
    class Node(deep(n - 1)):
        pass
    return Node
print([c.__qualname__ for c in deep(3).__mro__])
