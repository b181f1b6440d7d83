# Recursive functions on ints that the compiler also runs on machine integers: results
# beyond 48 and 64 bits, errors raised deep in the recursion, the recursion limit, a
# rebound global, and arguments that are not small ints.
import sys


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fact(n: int) -> int:
    return 1 if n <= 1 else n * fact(n - 1)


def power(b: int, e: int) -> int:
    if e == 0:
        return 1
    return b * power(b, e - 1)


def ack(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def div_at_bottom(n: int, d: int) -> int:
    if n == 0:
        return 100 // d
    return div_at_bottom(n - 1, d) + 1


def shift_at_bottom(n: int, k: int) -> int:
    if n == 0:
        return 1 << k
    return shift_at_bottom(n - 1, k) + 0


def depth(n: int) -> int:
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def gcd(a: int, b: int) -> int:
    return a if b == 0 else gcd(b, a % b)


def collatz_len(n: int) -> int:
    if n == 1:
        return 1
    if n % 2 == 0:
        return 1 + collatz_len(n // 2)
    return 1 + collatz_len(3 * n + 1)


def again(n: int) -> int:
    if n <= 0:
        return n
    return again(n - 1) + 1


def mixed(n: int, x: int) -> int:
    # Intermediates beyond 48 bits inside, a small result.
    if n == 0:
        return (x * x) % 1000003
    return (mixed(n - 1, x + 1) * 3) % 1000003


print([fib(k) for k in range(15)], fib(25))
print(fact(5), fact(20), fact(21), fact(30))
for e in (10, 46, 47, 48, 62, 63, 64, 70):
    print(e, power(2, e), power(-2, e))
print(power(-2, 63) == -(2**63), power(3, 39), power(3, 40), power(3, 41))
print(ack(2, 3), ack(2, 10), ack(3, 3))
print(gcd(2**40 + 15, 2**39 + 7), gcd(1071, 462), gcd(-48, 18))
print(collatz_len(27), collatz_len(97), max(collatz_len(k) for k in range(1, 3000)))
print(mixed(10, 2**30), mixed(3, 2**45), mixed(0, 2**47 - 1))

for d in (5, 0):
    try:
        print(div_at_bottom(30, d))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
for k in (3, 70, -1):
    try:
        print(shift_at_bottom(10, k))
    except ValueError as e:
        print("ValueError:", e)

# The recursion limit: RecursionError as CPython raises it, then a shallow call works.
try:
    depth(100000)
except RecursionError as e:
    print("RecursionError:", e)
print(depth(500))

# Not small ints: big ints and bools take the generic code.
print(fib(True), fact(True), power(True, 3), gcd(2**70, 2**65 + 2**64))
print(depth(2**60 - 2**60 + 7), fact(2**0 + 11))

# Results beyond 64 bits many times: the machine copy stops being entered.
print(sum(fact(25 + k % 3) % 1000 for k in range(100)))
print(fact(10), fib(20))

# A rebound global: the old function's code calls what the name holds now.
old = again
print(old(5), again(5))
again = lambda n: 1000 + n
print(old(5), again(5))
