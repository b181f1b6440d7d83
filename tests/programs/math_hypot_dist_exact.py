# math.hypot and math.dist agree with CPython 3.11 to the last bit: CPython sums the
# squares in double length with one correction step, which differs from the C library's
# hypot (e.g. hypot(10.2, -12)).
import math

print(math.hypot(10.2, -12), math.hypot(0.2 + 10, True + -13))
print(math.hypot(), math.hypot(-3.5), math.hypot(3, 4), math.hypot(3, 4, 12))
print(math.hypot(1e308, 1e308), math.hypot(5e-324, 5e-324), math.hypot(1e-310, 3e-310))
print(math.hypot(float("inf"), float("nan")), math.hypot(float("nan"), 1.0))
print(math.dist((1.5, 2.25, -3.0), (0.1, -7.3, 2.2)), math.dist((), ()))
# A deterministic stream of values (no random module): a linear congruential generator.
state = 12345
def draw():
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648.0

mismatch_free = []
for i in range(300):
    a = (draw() - 0.5) * 10 ** (i % 7 - 3)
    b = (draw() - 0.5) * 10 ** (i % 5 - 2)
    c = draw() * 100
    mismatch_free.append((math.hypot(a, b), math.hypot(a, b, c), math.dist((a, b), (c, a))))
for row in mismatch_free[:40]:
    print(*[x.hex() for x in row])
print(sum(x for row in mismatch_free for x in row).hex())
print(hash(tuple(x for row in mismatch_free for x in row)))
