squares = {x * x for x in range(-5, 6)}
print(sorted(squares), len(squares))
evens = {x for x in range(20) if x % 2 == 0}
threes = {x for x in range(20) if x % 3 == 0}
print(sorted(evens & threes), sorted(evens | threes)[:8], sorted(threes - evens))
letters = {c.lower() for c in "Hello World" if c.isalpha()}
print(sorted(letters))
print(max(squares), min(squares), sum(squares), sorted(squares, reverse=True)[:3])
fs = {1.5, 2.5, 1.5}
print(sorted(fs), 2.5 in fs, 1 in {1.0}, {1, 1.0, True})
print(sorted({(i % 3, i % 2) for i in range(10)}))
empty = set()
print(empty == set(), len(empty), sorted(empty | {3}))
