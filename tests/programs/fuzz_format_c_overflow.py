# molt fuzz finding: Output at O2 (seed 7320, snippet s4, 75 minimizer checks)
# CPython 3.11 prints:
#   ## s4.0
#   E OverflowError Python int too large to convert to C long
# molt prints:
#   ## s4.0
#   E OverflowError %c arg not in range(0x110000)

import math
import sys

def s4(p0: int, p1: int):
    try:
        print(format(p0, 'c')('' * -1).removeprefix(''))
    except Exception as e:
        print('E', type(e).__name__, e)

print("## s4.0")
try:
    s4((-2**64), 1)
except BaseException as e:
    print("!!", type(e).__name__, e)
for v in [-2**64, 2**63, 2**63 - 1, -2**63, -2**63 - 1, 0x110000, -1, 65]:
    try:
        print(format(v, "c"))
    except OverflowError as e:
        print(v, "OverflowError", e)
for v in [-2**64, 2**63, 2**63 - 1, 0x110000, -1, 65]:
    try:
        print("%c" % v)
    except OverflowError as e:
        print(v, "OverflowError", e)
