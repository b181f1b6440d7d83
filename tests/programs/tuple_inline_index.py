# `t[i]` reads a tuple's item inline for a small int index in range (negative from the end);
# everything else (bools, big ints, out of range, slices, other types) goes through the
# runtime with CPython's errors. Tuple subclasses and namedtuples unpack and index like
# tuples.
from collections import namedtuple


def get(s, i):
    try:
        return s[i]
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


t = (10, "b", 3.5, None, (1, 2))
for i in [0, 1, 4, -1, -5, 5, -6, True, False, 2**40, -(2**40), 2**70, -(2**70), 1.0, "1", None]:
    print(repr(i), get(t, i), get(list(t), i), get("abcde", i))
print(get(t, slice(1, 3)), get(t, slice(None, None, -2)))
print(get((), 0), get((), -1), get([], 0))


def typed(n: int):
    u = (n, n + 1, n + 2)
    return u[0] + u[1] + u[2] + u[-1] + u[-3]


print(typed(5))
try:
    u = (1, 2)
    print(u[2])
except IndexError as e:
    print(type(e).__name__, e)
try:
    u = (1, 2)
    print(u[-3])
except IndexError as e:
    print(type(e).__name__, e)
try:
    u = (1, 2)
    print(u[2**63])
except IndexError as e:
    print(type(e).__name__, e)
try:
    u = (1, 2)
    u[0] = 5
except TypeError as e:
    print(type(e).__name__, e)


class T(tuple):
    def __getitem__(self, i):
        return ("T", tuple.__getitem__(self, i))


class Plain(tuple):
    pass


class Odd(tuple):
    def __iter__(self):
        yield "from __iter__"
        yield "again"


for s in [T((1, 2)), Plain((3, 4)), Odd((5, 6))]:
    a, b = s
    print(type(s).__name__, a, b, s[0], s[-1], get(s, 2), len(s), s)

Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
x, y = p
print(x, y, p[0], p[-1], p.x, get(p, 2), get(p, True))
try:
    x, y, z = p
except ValueError as e:
    print(type(e).__name__, e)
pts = [Point(1, 2), Point(5, 6)]
print(sum(a * b for a, b in pts), [q[1] for q in pts])


# Indexing through a value of unknown type: lists, tuples, strs, dicts, ranges.
def first_last(s):
    return s[0], s[-1]


for s in [(1, 2, 3), [4, 5], "xyz", range(3, 9), {0: "a", -1: "b"}, b"ab", Plain((7, 8))]:
    print(first_last(s))


# A loop reading a tuple of records by index.
def score(rows):
    s = 0
    for r in rows:
        s += r[0] * r[1] - r[-1]
    return s


print(score([(1, 2, 3), (4, 5, 6), [7, 8, 9]]))
