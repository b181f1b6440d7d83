def describe(n: int) -> str:
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        return "even"
    return "odd"


total = 0
for i in range(-3, 8):
    total += i * i - 2 * i
    print(i, describe(i), total)
print(17 + 25, 17 - 25, 17 * 25, 17 / 25, 25 / 5)
print(abs(-42), abs(0), -(-3), +4)
n = 10
n += 5
n -= 3
n *= 4
n **= 2
print(n)
print(int("  42 "), int("-17"), int("+8"), int(3.99), int(-3.99), int(True))
print(int("ff", 16), int("777", 8), int("1010", 2), int("z", 36), int("0x1F", 16), int("0b11", 0))
print(7 // 1, 7 % 1, 0 * -1, 1_000_000 + 1)
print(True + True, True * 10, False - 1)
