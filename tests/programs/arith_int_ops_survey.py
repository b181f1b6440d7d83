print(7 // 2, -7 // 2, 7 // -2, 7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(2 ** 10, 2 ** -1, (-2) ** 3, 0 ** 0, pow(2, 10, 1000), pow(3, -1, 7), 10 ** 20)
print(1 << 70, (1 << 70) >> 68, -1 >> 5, -(1 << 70) >> 3, 5 & 3, 5 | 3, 5 ^ 3, ~5, -5 & 0xFF)
print(int("42"), int("  -17  "), int("0x1f", 16), int("1f", 16), int("0b101", 0), int("z", 36), int("1_000"), int(3.99), int(-3.99), int(True))
for bad in ["", "4.5", "0x", "1__0", " _1"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError:", e)
print(abs(-5), abs(5), -(-5), +5, bool(0), bool(-1), int.bit_length(255) if False else (255).bit_length())
print(9999999999 * 9999999999, (2 ** 64) // 3, (2 ** 64) % 7, -(2 ** 63), 2 ** 63 - 1 + 1)
print(hex(255), oct(8), bin(5), hex(-255), bin(0), hex(2 ** 70))
print(divmod(2 ** 65, 3), divmod(-(2 ** 65), 7), (2 ** 100) // (2 ** 50), 7 / 2, -7 / 2, 2 ** 64 / 2)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
print(round(1234567, -3), round(-15, -1), round(25, -1), round(35, -1))
print(max(3, 7, 2), min([4, -1]), sum(range(101)), sum([1, 2], 10))
print(3 == 3.0, 1 < 1.5, 2 ** 53 + 1 == float(2 ** 53 + 1), hash(-1), hash(2 ** 61 - 1), hash(2 ** 61))
print(int.__name__, type(10 ** 30).__name__, isinstance(True, int), True + True, True * 10)
