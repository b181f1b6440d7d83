# int -> float conversions are correctly rounded (ties to even) for ints of any size,
# and int/float comparisons are exact.
import math


def conv(n: int) -> str:
    try:
        return repr(float(n))
    except OverflowError as e:
        return "OverflowError: " + str(e)


def div(a: int, b: int) -> str:
    try:
        return repr(a / b)
    except OverflowError as e:
        return "OverflowError: " + str(e)
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)


for n in [2**47, 2**53 + 1, 2**53 + 3, 2**63 - 1, 2**63, 2**64 - 1, 2**64, 10**19,
          -(2**63), 2**64 + 2**11, 2**64 + 2**11 + 1, 2**1023, 2**1024 - 2**971,
          2**1024 - 2**970, -(2**1024), 10**400]:
    print(conv(n), conv(-n))

print(2**63 * 1.0, 1.5 + 2**64, 2**70 - 0.5, 2.0 * 10**20, math.sqrt(2**63))
print(2**53 + 1 == float(2**53), 2**53 == float(2**53), 2**53 + 1 > 2.0**53)
print(2**63 == 2.0**63, 2**63 + 1 > 2.0**63, -(2**63) - 1 < -(2.0**63))
print(10**400 > 1e308, 10**400 < float("inf"), -(10**400) > float("-inf"))
print([2**53 + 1] == [2.0**53], 2**64 in [2.0**64], max(2**64, 1.8e19))
print(hash(2**63) == hash(float(2**63)), hash(2**63), hash(-(2**64)), hash(2**100))
print(hash(float(2**100)), hash(2**61 - 1), hash(2**61), hash(float(-(2**62))))

print(div(10**400, 10**399), div(1, 10**400), div(2**1100, 2**1000), div(-(2**70), 3))
print(div(10**400, 3), div(-(10**400), 7), div(1, 2**1074), div(1, 2**1075), div(3, 2**1076))
print(div(10**30, 10**10), div(2**60, 3), div(0, -(2**80)), div(2**80, 0))
print(div(21851820056458310770149321181986531114115502890931089268018174517622824213966,
          35640962013908834153778429823434437127316090497373437046085628542))

print(math.log(2**1000), math.log2(2**1000), math.log10(10**400), math.log(10**500, 10))
print(math.log2(3**1000), math.log10(2**5000), math.log(2**2000, 2), math.log1p(2**70))
print(divmod(2**64, 1.5), (2**64) % 7.5, (2**64) // 7.5, -7.5 % 2**64, 7.5 // -(2**64))
print(math.floor(2**70 + 0.0) == 2**70, math.ceil(-1e20), math.trunc(1.5e19), int(1e20))
print(math.ldexp(1.0, -1075), math.ldexp(3.0, -1075), math.ldexp(1e-300, -60))
print(math.frexp(2**1000), math.fabs(-(2**63)), math.copysign(2**64, -1.0))
for big in [2**1024, -(2**1030)]:
    try:
        print(math.sqrt(big))
    except OverflowError as e:
        print("OverflowError:", e)
