# dataclasses: @dataclass basics: __init__, __repr__, __eq__, defaults, factories,
# field(), fields(), reprs (recursive ones too), hand-written methods kept.
from dataclasses import dataclass, field, fields, MISSING, Field
import dataclasses


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, repr(p), Point(3))
print(p == Point(1, 2), p == Point(2, 1), p != Point(1, 2), p == (1, 2))
print(Point.__eq__(p, (1, 2)))
print(Point.__hash__, Point.__match_args__)
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__eq__.__name__)
print(Point.__doc__)
print(Point(y=5, x=4), Point(x=1))
print(Point.y, Point.__annotations__)
print("x" in Point.__dict__, "y" in Point.__dict__)


@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    tags: dict = field(default_factory=dict, repr=False)
    count: int = field(default=0, compare=False)
    secret: str = field(default="s", init=False)


a = Inventory("a")
b = Inventory("a")
a.items.append(1)
print(a, b, a.items is b.items, a.secret)
print(Inventory("z", [1], {}, 5) == Inventory("z", [1], {"k": 1}, 6))
print(Inventory.__doc__)
print(hasattr(Inventory, "items"), Inventory.secret, Inventory.count)
for f in fields(a):
    print(f.name, f.type, f.default is MISSING, "-" if f.default_factory is MISSING else f.default_factory, f.init, f.repr, f.compare, f.hash, f.kw_only, f.metadata)
print([f.name for f in fields(Inventory)])
print(type(fields(a)), isinstance(fields(a)[0], Field))


@dataclass()
class Empty:
    pass


print(Empty(), Empty() == Empty(), Empty.__doc__, fields(Empty))


@dataclass
class Meta:
    v: int = field(default=1, metadata={"unit": "m"})


print(fields(Meta)[0].metadata, fields(Meta)[0].metadata["unit"])
print(Meta.__dataclass_params__)
print(Point.__dataclass_fields__["x"]._field_type)


# Nested and recursive reprs
@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
    parent: object = None


root = Node(1)
child = Node(2, parent=root)
root.children.append(child)
print(root)
print(child)
print([Point(1, 2)], {"p": Point(0)})

# Hand-written methods are kept
@dataclass
class Custom:
    a: int

    def __repr__(self):
        return "Custom!"

    def __eq__(self, other):
        return True


print(Custom(1), Custom(1) == 5, Custom.__hash__)
