def in_range(x: int, lo: int = 0, hi: int = 10) -> bool:
    return lo <= x < hi


for v in [-1, 0, 5, 9, 10, 11]:
    print(v, in_range(v), in_range(v, hi=20), in_range(v, -5, 6))

a, b, c = 1, 2, 3
print(a < b < c, a < b > c, a == 1 == True, c > b >= 2 > a)
print(1 < 2 < 3 < 4 < 5, 1 < 3 < 2 < 4)
print(3 != 3, 3 != 4, 1 == 1.0, 2 > 1.5, -0 == 0)
print(1 <= 1 <= 1, 1 < 1 <= 1)
calls = []


def val(n: int) -> int:
    calls.append(n)
    return n


print(val(1) < val(0) < val(2))
print(calls)
print(val(1) < val(2) < val(3))
print(calls)
print((1, 2) < (1, 3), [1, 2] < [1, 2, 0], "abc" < "abd", "Z" < "a")
print(max(3, 7) == 7 > min(3, 7))
