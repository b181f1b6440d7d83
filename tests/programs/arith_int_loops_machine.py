# Loops of integer arithmetic only: compiled as a machine-integer copy that hands the
# iteration back to the generic code when a value leaves the inline range (48 bits), a
# divisor is zero, a shift count is negative, or the loop ends.


def sum_squares(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def grows_past_inline(n: int) -> int:
    # 3**k passes 2**47 after 30 steps: the rest of the loop runs on big ints.
    x = 1
    for _ in range(n):
        x = x * 3 + 1
    return x


def adds_past_inline(start: int, n: int) -> int:
    total = start
    for i in range(n):
        total += 1 << 40
    return total


def floor_ops(n: int) -> int:
    acc = 0
    for i in range(-n, n):
        acc += (i * 7) // 3 - (i % 5) + (i // -4) - (i % -3)
    return acc


def divides_by_zero(n: int) -> int:
    acc = 0
    for i in range(n):
        acc += 100 // (i - 5)
    return acc


def shifts(n: int) -> int:
    acc = 0
    for i in range(n):
        acc ^= (i << (i % 13)) >> (i % 7)
        acc += (i >> 70) + ((-i) >> 65)
    return acc


def shift_overflow(n: int) -> int:
    acc = 1
    for i in range(n):
        acc = acc << 5
    return acc


def negative_shift(n: int) -> int:
    acc = 0
    for i in range(n):
        acc += 1 << (3 - i)
    return acc


def while_break(limit: int) -> int:
    i = 0
    steps = 0
    while True:
        i += 3
        steps += 1
        if i % 11 == 0 and i > limit:
            break
    return steps * 1000 + i


def collatz_max(n: int) -> int:
    best = 0
    for s in range(1, n):
        x = s
        steps = 0
        while x != 1:
            if x % 2 == 0:
                x = x // 2
            else:
                x = 3 * x + 1
            steps += 1
        if steps > best:
            best = steps
    return best


def flags(n: int) -> int:
    count = 0
    for i in range(n):
        odd = i % 2 == 1
        big = i > n // 2
        if odd and not big:
            count += 1
        elif not odd and big:
            count -= 2
    return count


def negate(n: int) -> int:
    x = -(2**47) + n
    acc = 0
    for i in range(n + 2):
        acc = -(x - i)
    return acc


def invert_and_bits(n: int) -> int:
    acc = 0
    for i in range(n):
        acc = (acc | ~i) & (i * 2654435761 % 1000003) ^ (acc >> 3)
    return acc


def big_bound(n: int) -> int:
    # The bound is a big int: the loop runs generically from the start.
    total = 0
    i = 2**60
    while i < 2**60 + n:
        total += i % 1000
        i += 1
    return total


def last_index(n: int) -> int:
    i = -1
    for i in range(n):
        pass
    return i


def countdown(n: int) -> int:
    steps = 0
    while n > 0:
        n -= 7
        steps += 1
    return steps * 100 + n


def nested(n: int) -> int:
    total = 0
    for i in range(n):
        for j in range(i):
            total += (i ^ j) & 15
    return total


def compare_chain(n: int) -> int:
    hits = 0
    for i in range(n):
        if 10 <= i % 50 < 20 or i == n - 1:
            hits += 1
    return hits


def wide_intermediates(n: int) -> int:
    # Within an iteration values may pass 48 bits (and come back with `%`).
    acc = 0
    for i in range(n):
        big = (i + 1) * 2**40
        acc = (acc + big * 3 + (big << 6) - (big >> 3)) % 1000000007
    return acc


def near_64_bits(n: int) -> int:
    out = 0
    for i in range(n):
        x = -(2**62) * 2 + i
        y = x // -1
        z = -x
        w = (x >> 1) << 1
        out = (out + (y % 1000) + (z % 997) + (w % 991)) % 1000003
    return out


def exact_against_floats(n: int) -> int:
    hits = 0
    for i in range(n):
        x = 2**53 + i
        if x == 2.0**53:
            hits += 1
        if x > 9007199254740992.0:
            hits += 10
        if x / 1 == 9007199254740992.0:
            hits += 100
    return hits


class Noisy:
    def __init__(self, name: str) -> None:
        self.name = name

    def __del__(self) -> None:
        print("released", self.name)


def carried_object(n: int) -> int:
    # `j` holds an object when the loops start: the inner `for` releases it when it first
    # rebinds `j`, at that moment and not later.
    j = Noisy("j")
    total = 0
    for i in range(n):
        print("outer", i)
        for j in range(i):
            total += j * i
    return total


def carried_int(n: int) -> int:
    j = 2**70
    k = -1
    total = 0
    for i in range(n):
        for j in range(i):
            k = j
            total += (i ^ j) + k
    return total + j + k


def carried_flag(n: int) -> int:
    seen = None
    total = 0
    for i in range(n):
        seen = i % 3 == 0
        total += i
    return total + (1 if seen else 0)


print(carried_object(4))
print(carried_int(30), carried_int(0), carried_int(1))
print(carried_flag(10), carried_flag(0))
print(sum_squares(1000), sum_squares(0), sum_squares(-5))
print(wide_intermediates(1000), near_64_bits(50), exact_against_floats(4))
print(grows_past_inline(40))
print(adds_past_inline(2**47 - 5, 3), adds_past_inline(0, 300))
print(adds_past_inline(2**70, 2))
print(floor_ops(50))
try:
    print(divides_by_zero(10))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(shifts(100))
print(shift_overflow(12))
try:
    print(negative_shift(6))
except ValueError as e:
    print("ValueError:", e)
print(while_break(1000))
print(collatz_max(300))
print(flags(101))
print(negate(3))
print(invert_and_bits(200))
print(big_bound(5))
print(last_index(10), last_index(0))
print(countdown(100), countdown(-3))
print(nested(60))
print(compare_chain(200))
print(sum_squares(True))
