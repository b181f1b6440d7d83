# Lists of lists of floats: matrix product (row times transposed column), then a checksum.
def make_matrix(n: int, seed: int) -> list[list[float]]:
    rows: list[list[float]] = []
    for i in range(n):
        row: list[float] = []
        for j in range(n):
            seed = (seed * 1103515245 + 12345) % 2147483648
            row.append(seed / 2147483648 - 0.5)
        rows.append(row)
    return rows


def transpose(m: list[list[float]]) -> list[list[float]]:
    n = len(m)
    return [[m[i][j] for i in range(n)] for j in range(n)]


def matmul(a: list[list[float]], b: list[list[float]]) -> list[list[float]]:
    n = len(a)
    bt = transpose(b)
    c: list[list[float]] = []
    for i in range(n):
        ai = a[i]
        ci = [0.0] * n
        for j in range(n):
            bj = bt[j]
            s = 0.0
            for k in range(n):
                s += ai[k] * bj[k]
            ci[j] = s
        c.append(ci)
    return c


n = 250
a = make_matrix(n, 1)
b = make_matrix(n, 2)
c = matmul(a, b)
trace = 0.0
total = 0.0
for i in range(n):
    trace += c[i][i]
    for j in range(n):
        total += c[i][j] * (1.0 if (i + j) % 2 == 0 else -1.0)
print(f"{trace:.9f} {total:.9f} {c[0][0]:.9f} {c[n - 1][n - 2]:.9f}")
