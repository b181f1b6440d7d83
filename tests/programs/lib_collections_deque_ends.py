# deque: both ends cost O(1) (a queue of 200,000 items drained from the left, a stack
# grown on the left), and every method sees the items as CPython's deque does whatever
# mix of appends and pops came before.
from collections import deque

q = deque(range(200_000))
total = 0
while q:
    total += q.popleft()
    if total % 7 == 0:
        q.append(total % 1000)
print("drained", total, len(q))

s = deque()
for i in range(200_000):
    s.appendleft(i)
print("left stack", len(s), s[0], s[-1], s[100_000], sum(s) % 1000003)
while len(s) > 3:
    s.pop()
    s.popleft()
print(s, list(reversed(s)))

seed = 12345


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n


for maxlen in (None, 5, 1, 0):
    d = deque(maxlen=maxlen)
    log = []
    for step in range(3000):
        op = rand(16)
        try:
            if op < 4:
                d.append(step)
            elif op < 7:
                d.appendleft(-step)
            elif op < 9:
                log.append(d.popleft())
            elif op == 9:
                log.append(d.pop())
            elif op == 10:
                d.rotate(rand(7) - 3)
            elif op == 11 and d:
                i = rand(len(d))
                log.append((d[i], d[-1 - i], d.index(d[i]), d.count(d[i]), d[i] in d))
                d[i] = d[i] * 2
            elif op == 12:
                d.extendleft([step, step + 1])
                d.extend([step + 2])
            elif op == 13 and len(d) > 2:
                del d[rand(len(d))]
                d.remove(d[-1])
            elif op == 14 and maxlen is None:
                d.insert(rand(len(d) + 1), step)
            elif op == 15 and step % 50 == 0:
                d.reverse()
        except IndexError as e:
            log.append(str(e))
        if step % 500 == 0:
            print(maxlen, step, len(d), list(d)[:5], list(reversed(d))[:3], repr(d)[:40])
    print(maxlen, "log", len(log), log[-5:], bool(d), d == deque(list(d)), d < deque([1 << 40]))
    c = d.copy()
    c.appendleft("x")
    print(maxlen, c[0] if maxlen != 0 else None, len(c), d * 2 == deque(list(d) * 2, maxlen=maxlen))
    d.clear()
    print(maxlen, "cleared", len(d), list(d), repr(d))

# Mutation during iteration, with holes in front.
d = deque(range(10))
d.popleft()
d.popleft()
try:
    for x in d:
        if x == 4:
            d.popleft()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    for x in reversed(d):
        d.appendleft(x)
except RuntimeError as e:
    print("RuntimeError:", e)


class Popper:
    def __init__(self, d):
        self.d = d

    def __eq__(self, other):
        self.d.popleft()
        return False


d = deque([1, 2, 3])
d.popleft()
d.append(Popper(d))
d.append(5)
try:
    d.remove(5)
except IndexError as e:
    print("IndexError:", e)
try:
    deque().popleft()
except IndexError as e:
    print("IndexError:", e)
try:
    deque([1]).remove(2)
except ValueError as e:
    print("ValueError:", e)
e = deque(maxlen=3)
e.extend(range(10))
e.appendleft(-1)
print(e, e.maxlen, e[0], e[-1])
try:
    e.insert(0, 5)
except IndexError as err:
    print("IndexError:", err)
