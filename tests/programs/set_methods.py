s = {3, 1, 2}
s.add(5)
s.add(1)
print(sorted(s), len(s))
s.remove(3)
s.discard(42)
s.discard(2)
print(sorted(s), 1 in s, 2 in s, 2 not in s)
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print({1, 2}.issubset(a), a.issubset({1, 2}), a.issuperset({1, 2}), {1, 2} <= a, {1, 2} < a, a < a, a <= a)
print(a.isdisjoint({9, 10}), a.isdisjoint(b), a == {4, 3, 2, 1}, a != b)
c = set(a)
c |= {10}
c &= {1, 2, 10, 11}
c -= {2}
c ^= {7, 1}
print(sorted(c), sorted(a))
u = a.copy()
u.update([100, 200], (300,))
print(sorted(u), len(u))
u.clear()
print(u, len(u), bool(u), set(), set([2, 2, 1]) == {1, 2})
print(sorted(set("mississippi")), len(set("mississippi")))
print(sorted(set(range(10)) - set(range(0, 10, 3))))
