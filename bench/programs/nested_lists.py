# Nested loops over lists: matrix multiplication.
def matmul(a, b, n: int):
    c = [[0] * n for _ in range(n)]
    for i in range(n):
        ai = a[i]
        ci = c[i]
        for k in range(n):
            aik = ai[k]
            bk = b[k]
            for j in range(n):
                ci[j] += aik * bk[j]
    return c


n = 230
a = [[(i * j) % 10 for j in range(n)] for i in range(n)]
b = [[(i + j) % 10 for j in range(n)] for i in range(n)]
c = matmul(a, b, n)
print(sum(sum(row) for row in c))
