# heapq on records: tuples whose leading items are small ints, strs or floats are ordered
# without running Python code; ties, other item types, NaN, lengths and errors are not.
import heapq


class Loud:
    def __init__(self, name: str) -> None:
        self.name = name

    def __lt__(self, other: "Loud") -> bool:
        print("  lt", self.name, other.name)
        return self.name < other.name

    def __eq__(self, other: object) -> bool:
        print("  eq", self.name, getattr(other, "name", other))
        return isinstance(other, Loud) and self.name == other.name

    def __repr__(self) -> str:
        return "Loud(" + self.name + ")"


heap: list[tuple[int, int]] = []
for i, p in enumerate([5, 3, 8, 3, 1, 9, 3, 0, 2 ** 40, -(2 ** 50), 2 ** 70, -7]):
    heapq.heappush(heap, (p, i))
print([heapq.heappop(heap) for _ in range(len(heap))])

# Ties on the first item fall to objects that compare in Python.
h2: list[tuple[int, Loud]] = []
for p, n in [(2, "b"), (1, "z"), (2, "a"), (1, "y"), (2, "c")]:
    heapq.heappush(h2, (p, Loud(n)))
while h2:
    print(heapq.heappop(h2))

# Mixed item kinds: strs, floats (with -0.0 and NaN), different lengths, nesting.
mixed = [
    ("b", 1), ("a", 2), ("a",), ("a", 1, 0), (1.5, "x"), (1.5, "w"), (-0.0, 1), (0.0, 0),
]
strs = [t for t in mixed if isinstance(t[0], str)]
heapq.heapify(strs)
print([heapq.heappop(strs) for _ in range(len(strs))])
floats = [t for t in mixed if isinstance(t[0], float)]
heapq.heapify(floats)
print([heapq.heappop(floats) for _ in range(len(floats))])
nested = [((1, 2), "b"), ((1, 1), "c"), ((0, 9), "a"), ((1, 1), "a")]
heapq.heapify(nested)
print([heapq.heappop(nested) for _ in range(len(nested))])
nan = float("nan")
withnan = [(nan, 1), (1.0, 2), (0.5, 3)]
heapq.heapify(withnan)
print(len(withnan), withnan[0][1] in (1, 2, 3))
print((1, 2) < (1, 2, 3), (1, 2) < (1,), () < (0,), (1, "a") < (1, "b"), (2,) > (1, 9))
print((1, 2.5) < (1, 3), (1, 3) <= (1, 3.0), ("a", 1) >= ("a", 1), (nan,) < (nan,))
print(heapq.nlargest(3, [(1, "a"), (3, "c"), (2, "b"), (3, "a")]))
print(heapq.nsmallest(2, [(1, "a"), (0, "z"), (1, "0")]))
print(sorted([(2, 1), (1, 2), (1, 1), (2, -1)]))

# Records whose comparison raises.
bad = [(1, 2)]
try:
    heapq.heappush(bad, (1, "x"))
except TypeError as e:
    print("TypeError", e)
print(bad)
for call in (
    lambda: heapq.heappush([], 1, 2),
    lambda: heapq.heappop(()),
    lambda: heapq.heappush(heap=[], item=1),
    lambda: heapq.heapify([], x=1),
    lambda: heapq.heappop(),
    lambda: "a b".partition(),
    lambda: "a b".rpartition(sep=" "),
    lambda: "ab".strip(chars="a"),
    lambda: "ab".ljust(width=5),
):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
