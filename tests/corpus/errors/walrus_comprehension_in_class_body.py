# `:=` in a comprehension directly in a class body has no scope to bind in.
class Table:
    sizes = [1, 2, 3]
    fine = [lambda: (n := 1) for _ in range(2)]
    bad = [(last := s) for s in range(3)]  # error: syntax
print(len(Table.fine))
