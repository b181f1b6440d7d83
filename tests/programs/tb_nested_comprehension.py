matrix = [[1, 2], [3, 0]]
print([[x * 2 for x in row] for row in matrix])
print({i: [10 // x for x in row] for i, row in enumerate(matrix)})
