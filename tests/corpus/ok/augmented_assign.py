x = 10
x += 5
x -= 3
x *= 4
print(x)
x //= 5
x %= 7
print(x)
x **= 3
x <<= 2
x >>= 1
print(x)
x |= 0b1010
x &= 0xFF
x ^= 0b1111
print(x)
f = 1.5
f /= 2
f += 1
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
t = (1,)
t += (2,)
print(t)
counts = {"a": 0}
counts["a"] += 3
grid = [[0, 0], [0, 0]]
grid[1][0] += 7
print(counts, grid)


class Box:
    def __init__(self):
        self.v = 1


b = Box()
b.v += 41
b.v *= 2
print(b.v)
