def sum_to(n: int) -> int:
    total = 0
    i = 0
    while i <= n:
        total += i
        i += 1
    return total


def sum_squares(n: int) -> int:
    total = 0
    for i in range(n):
        total = total + i * i
    return total


def sum_odd(values: list) -> int:
    total = 0
    for v in values:
        if v % 2 == 1:
            total += v
    return total


print(sum_to(100))
print(sum_squares(50))
print(sum_odd([1, 2, 3, 4, 5, 6, 7]))
print(sum_to(0), sum_squares(0), sum_odd([]))
