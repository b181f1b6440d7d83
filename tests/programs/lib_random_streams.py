# random: the same seeds give CPython's streams (MT19937 seeding of ints of any size,
# negative ints, floats and strs; random, getrandbits, randrange, randint).
import random

for s in [0, 1, 42, -42, 2**32, 2**32 - 1, 2**100 + 7, -(3**70), 12345678901234567890]:
    random.seed(s)
    print(s, [random.random() for _ in range(3)])

for s in ["", "hello", "héllo wörld", "x" * 200]:
    random.seed(s)
    print(repr(s[:10]), random.random(), random.getrandbits(40))
    random.seed(s, version=1)
    print("v1", random.random())

random.seed(3.75)
print("float seed", random.random())
random.seed(-1.5)
print("neg float seed", random.random())
random.seed(True)
print("bool seed", random.random())

random.seed(2024)
print([random.getrandbits(k) for k in [0, 1, 5, 31, 32, 33, 64, 65, 100]])
print(random.getrandbits(300))
print([random.randrange(10) for _ in range(20)])
print([random.randrange(-5, 5) for _ in range(10)])
print([random.randrange(0, 100, 7) for _ in range(10)])
print([random.randrange(100, 0, -3) for _ in range(10)])
print([random.randint(1, 6) for _ in range(20)])
print(random.randrange(10**30), random.randint(-(10**25), 10**25))
print(random.randrange(2**64 + 1), random.randrange(1))

# A long draw crosses many twists.
random.seed(7)
total = 0.0
for _ in range(5000):
    total += random.random()
print(total)
print(random.random())

# The module functions share one generator; Random instances are independent.
a = random.Random(99)
b = random.Random(99)
random.seed(99)
print(a.random() == b.random() == random.random())
print(a.randint(0, 1000), b.randint(0, 1000), a.randint(0, 1000))
c = random.Random("seed")
print(c.random(), c.choice("abcdef"))
c.seed(5)
d = random.Random(5)
print(c.random() == d.random())

for bad in [(0,), (5, 5), (5, 2), (0, 10, 0), (10, 0, 2)]:
    try:
        random.randrange(*bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    random.randrange([7])
except TypeError as e:
    print("TypeError:", e)
try:
    random.randrange(10, step=2)
except TypeError as e:
    print("TypeError:", e)
try:
    random.getrandbits(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    random.seed([1, 2])
except TypeError as e:
    print("TypeError:", e)
