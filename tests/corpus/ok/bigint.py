def factorial(n: int) -> int:
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


def digit_sum(n: int) -> int:
    s = 0
    while n > 0:
        s += n % 10
        n //= 10
    return s


f30 = factorial(30)
print(f30)
print(digit_sum(factorial(50)))
print(2 ** 64, 2 ** 64 - 1, -(2 ** 63))
big = 9223372036854775807
print(big + 1, big * big)
print((big + 1) // 3, (big + 1) % 1000, -big // 7)
print(pow(3, 100), pow(3, 100, 1000000007))
print(len(str(2 ** 200)))
print(divmod(10 ** 30, 12345678901))
print(abs(-(10 ** 25)), 10 ** 20 == 100000000000000000000)
print(1 << 100, (1 << 100) >> 98)
print(int("123456789012345678901234567890") + 1)
print(float(2 ** 60), int(1e20))
