squares = [x * x for x in range(10)]
print(squares)
evens = [x for x in squares if x % 2 == 0]
print(evens)
pairs = [(i, j) for i in range(4) for j in range(i) if (i + j) % 2]
print(pairs)
matrix = [[i * 3 + j for j in range(3)] for i in range(4)]
print(matrix)
flat = [v for row in matrix for v in row if v % 4]
print(flat)
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
labels = ["even" if n % 2 == 0 else "odd" for n in range(5)]
print(labels)
words = ["Hello", "World", "py"]
print([w.upper() for w in words], [len(w) for w in words], [w[::-1] for w in words if len(w) > 2])
print([c for w in words for c in w if c.isupper()])
x = 100
print([x for x in range(3)], x)
print([[y for y in range(n)] for n in range(4)])
print([(a, b, c) for a in range(1, 15) for b in range(a, 15) for c in range(b, 15) if a * a + b * b == c * c])
