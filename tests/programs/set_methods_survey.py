a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= b, {3} <= b, {3, 4} < b, b >= {5}, a.isdisjoint({9}), a.issubset(range(10)), a.issuperset([1, 2]))
c = set()
c.add(1)
c.update([2, 3], (4,))
c.discard(99)
c.remove(1)
print(sorted(c), len(c))
try:
    c.remove(99)
except KeyError as e:
    print("KeyError", e)
print(sorted(c.union([10], {11})), sorted(c.intersection([2, 3, 9])), sorted(c.difference([2])), sorted(c.symmetric_difference([4, 5])))
c.intersection_update({2, 3, 4})
c.difference_update({2})
c.symmetric_difference_update({3, 7})
print(sorted(c))
print(c.pop() in {4, 7}, len(c))
fs = frozenset([1, 2])
print(fs | {3} == {1, 2, 3}, type(fs | {3}).__name__, type({3} | fs).__name__, hash(fs) == hash(frozenset([2, 1])))
print({1, 2} == frozenset([1, 2]), set() == frozenset(), repr(set()), repr(frozenset()))
print(sorted({x % 5 for x in range(20)}), {1.0, 1, True} == {1})
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
d = {"a", "b"}
e = d.copy()
e.add("c")
print(sorted(d), sorted(e), d < e)
print(sorted(set("hello") - set("world")), max({4, 9, 2}), sum({1, 2, 3}))
s = {1, 2, 3}
s -= {1}
s |= {10}
s &= {2, 10, 11}
s ^= {2, 12}
print(sorted(s))
print(2 in frozenset({2}), {(1, 2), (1, 2)} == {(1, 2)})
