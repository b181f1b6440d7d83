# min() and max() consume one iterable lazily: each key is computed and compared as its
# item comes, so a comparison error stops the iteration.
def gen():
    for i in [3, 1, 2]:
        print("yield", i)
        yield i

def key(x):
    print("key", x)
    return -x

print(min(gen(), key=key))
print(max(gen(), key=key))
print(min(3, 1, 2, key=key))
print(max([], default="d"), min((), default=None))
print(max(1, 2, key=None), min([4, 5], key=None))
for bad in [lambda: min(), lambda: max([]), lambda: min(1), lambda: min(1, 2, default=0),
            lambda: max([1, "a"]), lambda: min(x for x in [2, 1, None, 1 / 0]),
            lambda: max([1, 2], bogus=1), lambda: min([1, 2], key=lambda x: 1 / (x - 2))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
# ties: the first of equal items wins, for both
a, b = (1, "a"), (1, "b")
print(min([a, b], key=lambda t: t[0]), max([a, b], key=lambda t: t[0]))
print(max([float("nan"), 1.0, 2.0]), max([1.0, float("nan"), 2.0]))
