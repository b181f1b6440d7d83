def make_grid(rows, cols):
    grid = []
    r = 0
    while r < rows:
        row = []
        c = 0
        while c < cols:
            row.append(r * cols + c)
            c += 1
        grid.append(row)
        r += 1
    return grid


def transpose(grid):
    out = []
    c = 0
    while c < len(grid[0]):
        col = []
        r = 0
        while r < len(grid):
            col.append(grid[r][c])
            r += 1
        out.append(col)
        c += 1
    return out


g = make_grid(3, 4)
print(g)
t = transpose(g)
print(t)
print(len(t), len(t[0]))
g[1][2] = -1
print(g[1])
print(sum(row[0] for row in g))
