# `:=` may not rebind a comprehension's iteration variable (CPython's symbol table refuses it).
values = [1, 2, 3]
doubled = [x * 2 for x in values]
pairs = [[(x := y) for y in values] for x in values]  # error: syntax
print(doubled, pairs)
