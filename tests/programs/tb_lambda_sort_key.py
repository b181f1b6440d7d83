people = [("ann", 3), ("bob", None), ("cy", 1)]
print(sorted(people[:1], key=lambda p: p[1]))
print(sorted(people, key=lambda p: -p[1]))
