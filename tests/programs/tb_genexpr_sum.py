values = [4, 2, 0, 1]
print(sum(x for x in values))
print(sum(8 // x for x in values))
