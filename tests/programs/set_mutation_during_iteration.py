# Changing a set while iterating it raises RuntimeError at the next step, and again at
# every later step; an exhausted iterator stays exhausted; frozensets cannot change.


def grow(s: set) -> list:
    seen = []
    try:
        for x in s:
            seen.append(x)
            s.add(x + 100)
    except RuntimeError as e:
        print("RuntimeError:", e)
    return seen


print(grow({1, 2, 3}))
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print("RuntimeError:", e, sorted(s))
s = {1, 2, 3}
for x in s:
    if x == 3:
        s.remove(3)
        break
print(sorted(s))
it = iter(s)
next(it)
s.add(7)
for _ in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("again:", e)
s.discard(7)
try:
    print(next(it))
except RuntimeError as e:
    print("sticky:", e)
it = iter({5})
print(list(it))
s.add(42)
print(next(it, "exhausted"))
# Same size after remove + add: no error (sets only check the size).
s = {1, 2, 3}
seen = 0
for x in s:
    seen += 1
    if seen == 1:
        s.remove(x)
        s.add(x + 1000)
print("same size ok", len(s))
# Set comprehension over a set being read only.
s = {1, 2, 3}
print(sorted({x * 2 for x in s}), sorted(s - {2}))
