grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 3 + c
print(grid[(1, 2)], grid[2, 0], (1, 1) in grid, (5, 5) in grid, len(grid))
moves = [(0, 1), (1, 0), (0, -1), (-1, 0)]
pos = (1, 1)
neighbors = []
for dr, dc in moves:
    nxt = (pos[0] + dr, pos[1] + dc)
    if nxt in grid:
        neighbors.append((nxt, grid[nxt]))
print(neighbors)
print(hash((1, 2, 3)), hash(()), hash((0,)), hash((-1, -2)))
counts = {}
pairs = [(1, "a"), (2, "b"), (1, "a"), (3, "c"), (1, "a")]
for p in pairs:
    counts[p] = counts.get(p, 0) + 1
print(counts)
point: tuple = (3.5, -2.0)
print(f"x={point[0]} y={point[1]}", point)
