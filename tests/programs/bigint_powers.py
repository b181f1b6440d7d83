big = 2 ** 200
print(big)
print(big + 1, big - 1)
print(big * 3 + 7)
print(big // 3, big % 3)
print(big // (2 ** 100), big >> 190, big >> 199, 1 << 100)
print(-big, -big // 7, -big % 7, big // -7, big % -7)
print(divmod(-big, 1000000007))
print(3 ** 100)
print(10 ** 30 - 1, 10 ** 30 + 10 ** 15)
print(big == 2 ** 200, big > 2 ** 199, big < 2 ** 199, -big < 5)
small = 12345
mixed = big * small - small
print(mixed, mixed % small, mixed // big)
print(pow(2, 200) == big, pow(2, 100, 10 ** 9 + 7), pow(3, 1000, 1000))
x = 1
for i in range(70):
    x *= 3
    if i % 10 == 9:
        print(i + 1, x)
print(abs(-(10 ** 25)), 2 ** 64 - 1, -(2 ** 63))
print(2 ** 63 - 1 + 1, 2 ** 63 * 2, -(2 ** 63) - 1)
