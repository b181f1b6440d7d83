s = "123456789012345678901234567890123456789"
n = int(s)
print(n, n + 1, str(n * 2) == str(2 * n))
print(int("-" + s) + n)
neg = int("-98765432109876543210")
print(neg, neg // 1000, neg % 1000, abs(neg))
print(str(n)[:10], str(n)[-5:], len(str(n ** 3)))
print(int("1" * 40) // int("1" * 20))
print(hex(2 ** 100), bin(2 ** 70), oct(2 ** 65))
print(int("f" * 32, 16), int("1" * 80, 2))
print(f"{2 ** 90:,}", f"{-(3 ** 50):,}")
values = [10 ** 20, -(10 ** 19), 5, 2 ** 64, -3, 0]
print(sorted(values), max(values), min(values), sum(values))
print(repr(10 ** 25), hash(7), hash(-1), hash(0))
