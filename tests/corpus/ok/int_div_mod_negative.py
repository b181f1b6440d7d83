def check(a: int, b: int) -> None:
    q = a // b
    r = a % b
    ok = q * b + r == a
    print(f"{a:4d} // {b:3d} = {q:4d}   {a:4d} % {b:3d} = {r:3d}  {ok}")


for a in [17, -17]:
    for b in [5, -5]:
        check(a, b)

print(7 / 2, -7 / 2, 8 / 4, type(8 / 4).__name__)
print(-1 // 3, -1 % 3, 1 // -3, 1 % -3, 0 // 5, 0 % -5)
print(-(10 ** 20) // 7, -(10 ** 20) % 7)
print(5.5 // 2, -5.5 // 2, 5.5 % 2, -5.5 % 2)
print(2 ** 10, (-2) ** 3, -2 ** 2, 2 ** 0, 0 ** 0)
print(7 & 3, 7 | 8, 7 ^ 2, ~7, -8 >> 1, 1 << 10, -1 >> 5)
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1.0 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
