def bits(n: int) -> str:
    return bin(n)


print(2 ** 10, 3 ** 4, (-2) ** 3, (-2) ** 4, 10 ** 0, 0 ** 0)
print(2 ** -1, 4 ** 0.5, (-8) ** 2)
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
print(bits(a & b), bits(a | b), bits(a ^ b))
print(1 << 10, 1 << 0, 1024 >> 3, 7 >> 1, -16 >> 2, -1 >> 5, -17 >> 1)
print(5 << 62, 1 << 64)
print(-5 & 0xFF, -1 & 0xFFFF, -6 | 1, -6 ^ 3)
mask = 0
for i in range(0, 16, 3):
    mask |= 1 << i
    print(i, mask, bin(mask))
count = 0
n = 0b1011011101
while n:
    n &= n - 1
    count += 1
print("popcount", count)
print(2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2)
