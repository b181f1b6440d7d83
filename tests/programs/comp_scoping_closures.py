funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs2 = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in funcs2])
base = 5
print([base + k for k in range(3)])


def make_table(n: int) -> list:
    return [[r * c for c in range(1, n + 1)] for r in range(1, n + 1)]


for row in make_table(4):
    print(" ".join(f"{v:2}" for v in row))
data = {"a": [3, 1, 2], "b": [9], "c": []}
print({k: sorted(v) for k, v in data.items() if v})
print([(k, len(v)) for k, v in data.items()])
print(sum(len(v) for v in data.values()), max(data, key=lambda k: len(data[k])))
