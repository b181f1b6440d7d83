nums = list(range(10))

squares = [n * n for n in nums]
evens = [n for n in nums if n % 2 == 0]
pairs = [(a, b) for a in range(3) for b in range(3) if a != b]
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
flat = [x for row in matrix for x in row]
lookup = {n: n * n for n in nums if n > 5}
mods = {n % 4 for n in nums}
total = sum(n for n in nums if n % 3 == 0)
words = ["apple", "Banana", "cherry", "date"]
lengths = {w.lower(): len(w) for w in words}
labels = ["even" if n % 2 == 0 else "odd" for n in range(4)]

print(squares)
print(evens)
print(pairs)
print(matrix)
print(flat)
print(lookup)
print(sorted(mods))
print(total)
print(lengths)
print(labels)
print([c for c in "hello" if c not in "aeiou"])
