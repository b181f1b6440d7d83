# `:=` may not appear in an iterable of a comprehension, even inside a lambda there.
values = [1, 2, 3]
total = sum(v for v in values)
firsts = [v for v in (lambda: (chosen := values))()]  # error: syntax
print(total, firsts)
