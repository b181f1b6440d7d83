# id() tells distinct values apart: ints that differ in their last bit, floats, bools, None.
vals = [0, 1, 2, 3, 148, 149, -1, -2, 1 << 40, (1 << 40) + 1, 2.0, 2.5, -0.0, 0.0, True, False, None]
ids = [id(v) for v in vals]
print(len(set(ids)) == len(vals))
for i in range(len(vals)):
    for j in range(len(vals)):
        if i != j and ids[i] == ids[j]:
            print("same id", vals[i], vals[j])
x = 149
y = 148 + 1
print(id(x) == id(y), id(vals[4]) == id(vals[5]))
print(id(vals) == id(vals), id(vals) == id(list(vals)))
from collections import deque

d = deque([1, 2, 3, 148, 149])
d.remove(149)
print(d, d.count(148), d.index(148))
import operator

print(operator.countOf([148, 149, 149], 149), operator.indexOf([148, 149], 149))
