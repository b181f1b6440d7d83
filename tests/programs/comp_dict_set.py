words = ["apple", "banana", "cherry", "avocado", "blueberry", "cranberry", "date"]
lengths = {w: len(w) for w in words}
print(lengths)
by_letter = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(by_letter)
initials = {w[0] for w in words}
print(sorted(initials))
inverse = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverse)
squares = {n: n * n for n in range(-3, 4) if n != 0}
print(squares)
mod_classes = {n % 5 for n in range(100) if n % 7 == 0}
print(sorted(mod_classes))
grid = {(r, c): r * c for r in range(3) for c in range(3) if r != c}
print(grid)
counts = {ch: "mississippi".count(ch) for ch in "mississippi"}
print(counts)
print({k: v for k, v in sorted(counts.items(), key=lambda kv: -kv[1])})
