def matmul(a: list, b: list) -> list:
    n = len(a)
    m = len(b[0])
    k = len(b)
    out = [[0] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            s = 0
            for t in range(k):
                s += a[i][t] * b[t][j]
            out[i][j] = s
    return out


def transpose(a):
    return [[row[j] for row in a] for j in range(len(a[0]))]


a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
print(matmul(a, b))
print(transpose(a))
ident = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
print(matmul(ident, b) == b)
m = [[2, 0], [1, 1]]
p = [[1, 0], [0, 1]]
for step in range(5):
    p = matmul(p, m)
    print(step, p)
flat = [x for row in a for x in row]
print(flat, sum(flat), [sum(r) for r in a], [max(c) for c in transpose(a)])
