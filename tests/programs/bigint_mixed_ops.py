def mulmod(a: int, b: int, m: int) -> int:
    return (a * b) % m


m = 2 ** 127 - 1
a = 3 ** 80
b = 7 ** 45
print(m)
print(a, b)
print(mulmod(a, b, m))
print(a - b, b - a, (b - a) // 10 ** 20, (b - a) % 10 ** 20)
print(a * -b)
print(a & 0xFFFFFFFF, a | 1, a ^ b, ~a)
print(-a >> 10, a << 5, (-a) & 0xFF)
print(a > b, a == a + 0, a != b, max(a, b) == a)
print(a // 1, a * 1 == a, a + 0.0 > 1e38)
print(float(2 ** 100), float(-(2 ** 80)))
print(int(1e20), int(1.5e30) // 10 ** 20)
print(10 ** 20 / 10 ** 10, (2 ** 70) / 2)
x = 2 ** 62
y = x + x
print(x, y, y - 1, y * y, y // x)
print(-(2 ** 64) // 3, -(2 ** 64) % 3, divmod(2 ** 64, -5))
print(pow(a, 3, m), pow(-a, 2, 1000))
