def build(rows: int, cols: int) -> list:
    grid = []
    r = 0
    while r < rows:
        row = []
        c = 0
        while c < cols:
            row.append((r * 31 + c * 17) % 101)
            c += 1
        grid.append(row)
        r += 1
    return grid


def total(grid: list) -> int:
    s = 0
    i = 0
    while i < len(grid):
        row = grid[i]
        j = 0
        while j < len(row):
            s += row[j]
            j += 1
        i += 1
    return s


grid = build(300, 300)
print(len(grid), len(grid[0]), grid[1][:8])
acc = 0
for rep in range(10):
    acc += total(grid)
print("total", acc)
