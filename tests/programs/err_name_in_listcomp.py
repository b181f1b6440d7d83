rows = [[1, 2], [3, 4]]
print([sum(r) for r in rows])
print([sum(rw) for row in rows])
