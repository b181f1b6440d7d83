a = [5, 3, 8, 1]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
print(sorted(pairs, key=lambda p: p[0]))
b = a.copy()
b.append(0)
b.extend([7, 7])
b.insert(0, 100)
b.insert(-1, 50)
b.insert(100, 200)
print(a, b)
print(b.pop(), b.pop(0), b.pop(-2), b)
b.remove(7)
print(b, b.index(3), b.count(7), 3 in b)
try:
    b.remove(999)
except ValueError as e:
    print("ValueError:", e)
try:
    b.index(999)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
c = list(range(10))
c[2:5] = ["x"]
print(c)
c[::2] = [0] * len(c[::2])
print(c)
del c[1::3]
print(c)
try:
    c[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
d = [1, 2, 3]
d += (4, 5)
d *= 2
print(d, d[-1], d[len(d) - 1])
try:
    d[100]
except IndexError as e:
    print("IndexError:", e)
e = [[0] * 2] * 2
e[0][0] = 1
print(e)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] == [], [1] != [1.0], [[1]] == [[1]])
f = [3, 1, 2]
f.reverse()
print(f, list(reversed(f)), f[::-1], f.clear(), f)
print(list(map(lambda x: x * 2, [1, 2])), list(filter(None, [0, 1, "", "a"])), list(zip([1, 2, 3], "ab")))
print(sum([[1], [2]], []), any([]), all([]), any([0, 0.0, 1]), all([1, ""]))
print(list(enumerate("ab", 1)), [i for i, _ in enumerate(range(3))])
g = [1, 2, 3, 4, 5, 6]
print(g[1:-1:2], g[-1:0:-2], g[:100], g[-100:2], g[5:1])
