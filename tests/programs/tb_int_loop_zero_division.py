# An uncaught ZeroDivisionError raised in a loop of integer arithmetic (compiled on
# machine integers): the traceback points at the division, as CPython's does.
def mean_gap(n: int, d: int) -> int:
    total = 0
    for i in range(n):
        total += (i * i) // (d - i)
    return total


print(mean_gap(3, 10))
print(mean_gap(20, 12))
