# Changing a dict while iterating it: CPython's RuntimeErrors, raised at the next step of
# the iterator; replacing values is allowed; an exhausted iterator stays exhausted.


def attempt(label: str, d: dict, part: str, action) -> None:
    it = {"keys": d.keys, "values": d.values, "items": d.items, "dict": lambda: d}[part]()
    seen = []
    try:
        for x in it:
            seen.append(x)
            action(d, len(seen))
    except RuntimeError as e:
        print(label, part, seen, "RuntimeError:", e)
        return
    print(label, part, seen, "finished", d)


def add(d, n):
    d[100 + n] = n


def remove(d, n):
    if n == 1:
        del d[1]


def swap(d, n):
    if n == 1:
        del d[1]
        d[50] = 50


def revalue(d, n):
    for k in d:
        d[k] = n


def pop_then_add(d, n):
    if n == 2:
        d.popitem()
        d["new"] = 0


for part in ["dict", "keys", "values", "items"]:
    for label, action in [("add", add), ("remove", remove), ("swap", swap),
                          ("revalue", revalue), ("popadd", pop_then_add)]:
        attempt(label, {1: "a", 2: "b", 3: "c"}, part, action)

# Same size, but the table is compacted first (5 entries fill the smallest table).
for size in [4, 5, 6, 10, 11]:
    for pos in [0, size - 1]:
        d = {i: i for i in range(size)}
        seen = []
        try:
            for k in d:
                seen.append(k)
                if k == pos:
                    del d[k]
                    d[100 + k] = 0
            print(size, pos, seen, "ok")
        except RuntimeError as e:
            print(size, pos, seen, e)

# The error repeats at every later step; an exhausted iterator ignores later changes.
d = {1: 1, 2: 2}
it = iter(d)
next(it)
d[3] = 3
for _ in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("again:", e)
del d[3]
try:
    next(it)
except RuntimeError as e:
    print("still:", e)
it = iter(d.items())
print(list(it))
d[9] = 9
print(list(it), next(it, "done"))
# Copies and cleared dicts keep working.
d = {i: i for i in range(7)}
del d[0]
c = d.copy()
for k in c:
    c[k] = -k
print(c)
d.clear()
d["x"] = 1
print(d, list(reversed(d)))
