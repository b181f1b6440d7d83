# frozenset: an immutable, hashable set type. Operations between set and frozenset return
# the type of the left operand; frozensets work as dict keys and set elements.


def show(label: str, x) -> None:
    items = sorted(x) if len(x) < 2 or all(isinstance(i, int) for i in x) else sorted(x, key=repr)
    print(label, type(x).__name__, items)


f = frozenset([3, 1, 2])
e = frozenset()
print(repr(e), repr(frozenset([7])), str(frozenset({"a"})), len(f), 2 in f, 9 not in f)
print(type(f).__name__, isinstance(f, frozenset), isinstance(f, set), type(f) is frozenset)
print(f == {1, 2, 3}, {1, 2, 3} == f, f != frozenset([1, 2]), f <= {1, 2, 3, 4}, f < f, f >= {1})
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(hash(frozenset([frozenset([1]), frozenset([2, 3])])), hash(frozenset([(1, 2), -1, 2.5])))
show("f|s", f | {4})
show("s|f", {4} | f)
show("f&s", f & {1, 5})
show("s-f", {1, 2, 9} - f)
show("f^s", f ^ {3, 4})
show("union", f.union([5], (6,)))
show("set.union", {0}.union(f))
show("intersection", f.intersection({2, 3}, [3]))
show("difference", f.difference([1]))
show("symdiff", f.symmetric_difference({1, 10}))
print(f.issubset([1, 2, 3]), f.issuperset({1}), f.isdisjoint({4}), f.copy() is f, f.copy() == f)
print(frozenset(f) is f, set(f) == f, type(set(f)).__name__, sorted(frozenset("hello")))
g = f
g |= {8}
show("augmented", g)
show("unchanged", f)
d = {frozenset([1, 2]): "pair", frozenset(): "empty"}
print(d[frozenset([2, 1])], d[frozenset()], frozenset([1, 2]) in d)
nested = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(nested), frozenset([1]) in nested, {1} in nested)
nested.discard({2})
print(len(nested))
for name in ["add", "remove", "discard", "pop", "clear", "update"]:
    try:
        getattr(f, name)
    except AttributeError as err:
        print("AttributeError:", err)
try:
    set.add(f, 4)
except TypeError as err:
    print("TypeError:", err)
try:
    hash({1})
except TypeError as err:
    print("TypeError:", err)
try:
    frozenset(1)
except TypeError as err:
    print("TypeError:", err)
print(sorted(frozenset(x % 3 for x in range(10))), frozenset({1: 2}))
