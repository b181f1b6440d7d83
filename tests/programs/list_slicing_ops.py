xs = list(range(10))
print(xs[2:5], xs[-3:], xs[::3], xs[::-1], xs[8:2:-2], xs[-100:100])
xs[2:5] = ["a", "b"]
print(xs, len(xs))
xs[:0] = [-1, -2]
print(xs)
xs[-2:] = []
print(xs)
del xs[0]
print(xs)
del xs[1:3]
print(xs)
del xs[::2]
print(xs)
ys = [0] * 8
ys[::2] = [1, 2, 3, 4]
print(ys)
ys[1:7:3] = ["x", "y"]
print(ys)
zs = [1, 2] + [3] + []
print(zs, zs * 3, [0] * 0, 2 * [None])
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
print(3 in zs, 4 in zs, 4 not in zs, [1, 2] == [1, 2], [1, 2] < [1, 3], [] < [0])
a = [1, 2, 3]
b = a
b += [4]
print(a, b, a is b)
c = a + [5]
print(a, c)
xs = [1, 2, 3, 4, 5]
xs[1:4] = xs[1:4][::-1]
print(xs, xs[-1], xs[-len(xs)])
