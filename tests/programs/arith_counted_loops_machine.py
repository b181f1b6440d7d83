# Counted loops the compiler runs on machine integers without checking the counter: bounds
# at the edge of the inline int range (2**47), beyond it, negative and empty ranges, and
# counters used as indexes from the end.


def tail_sum(lo: int, hi: int) -> int:
    s = 0
    for i in range(lo, hi):
        s += i % 7
    return s


def last(lo: int, hi: int) -> int:
    x = -1
    for i in range(lo, hi):
        x = i
    return x


def sum_from(xs: list, n: int) -> int:
    s = 0
    for i in range(n):
        s += xs[i]
    return s


def count(n) -> int:
    c = 0
    for i in range(n):
        c += 1
    return c


edge = 2**47
for lo, hi in ((0, 10), (edge - 5, edge - 1), (edge - 5, edge), (edge - 5, edge + 3),
               (edge - 1, edge + 1), (-5, 3), (5, 2), (2**62, 2**62 + 3), (-edge - 2, -edge + 2)):
    print(lo, hi, tail_sum(lo, hi), last(lo, hi))
xs = list(range(10, 20))
print(sum_from(xs, 10), sum_from(xs, 0))
try:
    print(sum_from(xs, 11))
except IndexError as e:
    print("IndexError", e)
print(count(5), count(0), count(-3), count(True))
try:
    print(count(2.5))
except TypeError as e:
    print("TypeError", e)
