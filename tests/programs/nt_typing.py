# typing.NamedTuple: class syntax with annotations, defaults and methods; the functional form.
from typing import NamedTuple


class Employee(NamedTuple):
    name: str
    dept: str = "eng"
    level: int = 1

    def title(self):
        return f"{self.name} ({self.dept}/L{self.level})"

    @property
    def senior(self):
        return self.level >= 3

    def __str__(self):
        return "Employee<" + self.name + ">"


e = Employee("ann")
print(e, repr(e), e.title(), e.senior, Employee("bob", level=4).senior)
print(Employee._fields, Employee._field_defaults, Employee.__annotations__)
print(e._replace(dept="ops"), e._asdict(), Employee._make(["c", "d", 2]), tuple(e))
print(isinstance(e, tuple), type(e).__name__, Employee.__mro__[1].__name__, len(e), e[0])
name, dept, level = e
print(name, dept, level, e == ("ann", "eng", 1), hash(e) == hash(("ann", "eng", 1)))

Pair = NamedTuple("Pair", [("left", int), ("right", int)])
print(Pair(1, 2), Pair._fields, Pair.__annotations__, Pair(right=1, left=0))
Kw = NamedTuple("Kw", a=int, b=str)
print(Kw(1, "x"), Kw._fields)


class Node(NamedTuple):
    value: int
    children: tuple = ()

    def total(self):
        return self.value + sum(c.total() for c in self.children)


tree = Node(1, (Node(2), Node(3, (Node(4),))))
print(tree.total(), tree.children[1], len(tree.children))
try:
    Employee()
except TypeError as err:
    print("TypeError:", err)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as err:
    print("TypeError:", err)
try:
    class Bad2(NamedTuple):
        a: int

        def _asdict(self):
            return {}
except AttributeError as err:
    print("AttributeError:", err)
try:
    NamedTuple("X", [("a", int)], b=int)
except TypeError as err:
    print("TypeError:", err)
