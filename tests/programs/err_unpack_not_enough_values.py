point = (1, 2)
x, y = point
print(x, y)
a, b, c = point
