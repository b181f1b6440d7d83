def show(a: int, b: int) -> None:
    q = a // b
    r = a % b
    print(f"{a} // {b} = {q}, {a} % {b} = {r}, check {q * b + r == a}")


pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (0, -5), (1, 3), (-1, 3), (13, -13), (100, 7)]
for a, b in pairs:
    show(a, b)

print(divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(-9 // 4, -(9 // 4), -9 % 4, 9 % -4)
x = -25
x //= 4
print(x)
x %= 3
print(x)
y = 1000
y //= -33
print(y, y % 7, y % -7)
