data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long", n)
ys = [y for x in data if (y := x * 2) > 5]
print(ys, y)
total = 0
running = [total := total + x for x in data]
print(running, total)


def f():
    found = [w for w in ["a", "bb", "ccc"] if (last := w)]
    return found, last


print(f())
vals = {k: (sq := k * k) for k in range(4)}
print(vals, sq)
print([(i, j) for i in range(3) for j in range(i)])
print([[c for c in row if c != " "] for row in ["a b", " c "]])
g = (x for x in range(10) if x % 3 == 0)
print(next(g), list(g))
print({x % 3 for x in range(10)} == {0, 1, 2})
x = 10
print([x for x in range(3)], x)
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)])
print(sorted({w: len(w) for w in "the quick brown fox".split()}.items(), key=lambda kv: (-kv[1], kv[0])))
while (chunk := data[:2]):
    print("chunk", chunk)
    data = data[2:]
