from collections import deque

d = deque([1, 2, 3])
print(d, len(d), d.maxlen)
d.append(4)
d.appendleft(0)
print(d, d[0], d[-1])
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(12)
print(d)
print(d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([7, 8])
print(d, d.count(2), d.index(2), 2 in d, 99 in d)
d.insert(1, "x")
d.remove("a")
d.reverse()
print(d, list(reversed(d)))
del d[0]
d[0] = "first"
print(d, bool(d), bool(deque()))

m = deque(range(10), maxlen=3)
print(m, m.maxlen)
m.append(10)
print(m)
m.appendleft(-1)
print(m)
m.extend([20, 21])
print(m)
print(deque(maxlen=0), deque([1], maxlen=0))
try:
    m.insert(0, 5)
except IndexError as e:
    print("IndexError:", e)

print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) == [1])
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, 2 * deque("ab"))
c = m.copy()
c += [1, 2]
print(c, m)

for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5]):
    try:
        bad()
    except IndexError as e:
        print("IndexError:", e)
try:
    deque([1]).remove(5)
except ValueError as e:
    print("ValueError:", e)
try:
    deque([1]).index(5)
except ValueError as e:
    print("ValueError:", e)
try:
    deque([1]) + [2]
except TypeError as e:
    print("TypeError:", e)
try:
    deque(maxlen=-1)
except ValueError as e:
    print("ValueError:", e)
d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print("RuntimeError:", e)
r = deque()
r.append(r)
print(r)


class Window(deque):
    pass


print(Window([1, 2], 4))


def sliding(values: list, size: int) -> list:
    window = deque(maxlen=size)
    out = []
    for v in values:
        window.append(v)
        if len(window) == size:
            out.append(sum(window))
    return out


print(sliding(list(range(8)), 3))
try:
    hash(deque())
except TypeError as e:
    print("TypeError:", e)
deque([1]).index(2)
