data = [1, 2, 3]
first, *rest = data
print(first, rest)
x, y = data
