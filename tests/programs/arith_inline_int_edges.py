# Ints around the inline/boxed boundary (2**47), 2**63 and 2**64: arithmetic, shifts, signs.
def row(a: int) -> list:
    return [a + 1, a - 1, -a, abs(a), a * 2, a // 3, a % 3, a // -3, a % -3, a >> 1, a << 1, ~a]


edges = [2**47 - 1, 2**47, -(2**47), -(2**47) - 1, 2**63 - 1, 2**63, -(2**63), 2**64 - 1,
         2**64, -(2**64), 0, -1]
for a in edges:
    print(a, row(a))
print(abs(-(2**63)), -(2**63) // -1, (-(2**63)) % -1, divmod(-(2**47), 7), divmod(2**47, -7))
print((2**47 - 1) + 1 == 2**47, (2**47) - 1 == 2**47 - 1, -(2**47) - 1 + 1 == -(2**47))
print(1 << 100, -1 << 64, (1 << 100) >> 99, -1 >> 1000, 5 >> 2**70, -5 >> 2**70, 0 << 2**70)
print(2**47 | 1, (2**47) & (2**47 - 1), (2**64 - 1) ^ (2**63), -(2**47) & 0xFFFF, ~(2**63))
for e in [-3, -1, 0, 1, 2, 47, 48, 63, 64]:
    print(e, 2**e, (-2)**e, 3**e if e >= 0 else 3.0**e, (2**47)**2 if e == 0 else 7**e)
print(pow(2, 64, 10**9 + 7), pow(-3, 3, 7), pow(3, -1, 7), pow(2**64, 2, 2**47 + 1))
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7.5 // 2, -7.5 % 2, 7.5 // -2, 7.5 % -2)
print(-0.0 % 5, 0.0 % -5, 5 % float("inf"), -5 % float("inf"), -5 // float("inf"))
print(divmod(5.0, float("inf")), divmod(-5.0, float("inf")), divmod(-0.0, 1.0), divmod(0.0, -1.0))
print(2 ** -1, (-2) ** -1, 0 ** 0, 0.0 ** 0, 2.0 ** -1075, (-2.0) ** 3, (-1.0) ** float("inf"))
print(float("inf") ** 0, float("nan") ** 0, 0.5 ** float("inf"), 2.0 ** float("-inf"))
print(int(1e308) == 10**308, int(-1e300) % 997, int(2.0**1023) == 2**1023, int(-0.0))
print((1e300).is_integer(), (0.5).is_integer(), float("inf").is_integer(), (-0.0).is_integer())
print((0.1).as_integer_ratio(), (-2.5).as_integer_ratio(), (5e-324).as_integer_ratio()[0])
for bad in [lambda: 1 << -1, lambda: 1 >> -1, lambda: 0.0 ** -1, lambda: 10.0 ** 400,
            lambda: int(float("nan")), lambda: int(float("-inf")), lambda: 1 // 0, lambda: 1.0 % 0]:
    try:
        print(bad())
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
