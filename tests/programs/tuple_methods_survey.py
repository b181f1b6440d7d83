t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t[1:], t + (4,), t * 2, len(t), 2 in t, t[-1])
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
print((1,), (), tuple("ab"), tuple([1, 2]), tuple(range(3)), (1, 2) == (1, 2), (1, 2) < (1, 3), (1,) < (1, 0))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), {(1, 2): "x"}[(1, 2)])
a, b = b, a = 1, 2
print(a, b)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], [x for pair in nested for x in (pair if isinstance(pair, tuple) else (pair,))])
print(max((3, "a"), (3, "b")), min([(2, 1), (1, 5)]), sorted([(1, "b"), (1, "a")]))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    (1, "a") < ("a", 1)
except TypeError as e:
    print("TypeError:", e)
print(repr((1,)), repr(((),)), str((1, "a", None)), tuple(x * 2 for x in (1, 2)))
def f():
    return 1, 2
x = f()
print(type(x).__name__, x)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
