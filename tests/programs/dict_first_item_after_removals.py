# Taking a dict's first item after many removals from its front stays cheap (an LRU cache
# of 1,000 keys over 300,000 operations), and iteration sees exactly CPython's items
# whatever mix of insertions, removals, popitem and copies came before.
from collections import OrderedDict
import functools

od = OrderedDict()
hits = 0
for i in range(300_000):
    k = (i * 7919) % 1500
    if k in od:
        od.move_to_end(k)
        hits += 1
    else:
        od[k] = i
        if len(od) > 1000:
            od.popitem(last=False)
print(hits, len(od), list(od)[:5], next(iter(od)))


@functools.lru_cache(maxsize=1000)
def double(x):
    return x * 2


total = 0
for i in range(300_000):
    total += double((i * 7919) % 1500)
print(total, double.cache_info())

seed = 99


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n


d = {}
for step in range(20_000):
    op = rand(10)
    if op < 4:
        d[rand(300)] = step
    elif op < 6 and d:
        del d[next(iter(d))]
    elif op == 6 and d:
        d.popitem()
    elif op == 7 and d:
        keys = list(d)
        del d[keys[rand(len(keys))]]
    elif op == 8 and d:
        first = next(iter(d))
        d[first] = d.pop(first)
    elif op == 9:
        d = dict(d) if step % 2 else d.copy()
    if step % 1000 == 0:
        print(step, len(d), list(d)[:4], list(d.values())[-2:], next(iter(d.items()), None))
print(sorted(d)[:10], sum(d.values()))

# Iterators made before removals at the front.
d = {k: k for k in range(10)}
it = iter(d)
print(next(it))
del d[0]
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
for k in range(5):
    del d[k + 1]
it = iter(d)
print(next(it), list(it))
d[100] = 1
del d[6]
d[6] = 2
print(list(d), next(iter(d.values())))
