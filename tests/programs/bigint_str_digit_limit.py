# CPython 3.11's limit of 4300 decimal digits in int <-> str conversions.
import sys


def attempt(f) -> str:
    try:
        r = f()
        return "len " + str(len(r)) if isinstance(r, str) else "int of " + str(r.bit_length()) + " bits"
    except ValueError as e:
        return "ValueError: " + str(e)


big = 10**4300
print(sys.get_int_max_str_digits())
print(attempt(lambda: str(10**4299)), attempt(lambda: str(-(10**4300 - 1))))
print(attempt(lambda: str(big)))
print(attempt(lambda: repr(-big)))
print(attempt(lambda: f"{big}"), attempt(lambda: f"{big:,}"), attempt(lambda: "%d" % big))
print(attempt(lambda: f"{big:x}"), attempt(lambda: hex(big)), attempt(lambda: bin(big)))
print(attempt(lambda: str([big])))
print(attempt(lambda: int("1" * 4300)), attempt(lambda: int("-" + "1" * 4300)))
print(attempt(lambda: int("1" * 4301)))
print(attempt(lambda: int("0" * 4301)))
print(attempt(lambda: int("1_" * 4301 + "1")))
print(attempt(lambda: int("1" * 4301 + "x")))
print(attempt(lambda: int("x" + "1" * 4301))[:60])
print(attempt(lambda: int("1" * 4301, 7)), attempt(lambda: int("1" * 4301, 16)))
print(attempt(lambda: int("1" * 4301, 0)), attempt(lambda: int("0x" + "1" * 4301, 0)))
print(attempt(lambda: int(" " + "1" * 4301 + " ")))
print(float("1" * 5000), float("0." + "0" * 5000 + "1"))
try:
    sys.set_int_max_str_digits(639)
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(700)
print(sys.get_int_max_str_digits(), attempt(lambda: str(10**699)), attempt(lambda: str(10**700)))
print(attempt(lambda: int("9" * 701)), attempt(lambda: int("9" * 700)))
sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits(), attempt(lambda: str(10**5000)), int("7" * 5000) % 1000)
sys.set_int_max_str_digits(maxdigits=4300)
print(sys.get_int_max_str_digits(), attempt(lambda: str(big)))
