# Arithmetic and comparisons on values of unknown type that turn out to be floats
# (the compiler speculates ints, then floats, then calls the generic operation).


def combine(a, b):
    return a + b, a - b, a * b


def order(a, b):
    return a < b, a <= b, a > b, a >= b, a == b, a != b


nan = float("nan")
inf = float("inf")
cases = [(1.5, 2.25), (-0.0, 0.0), (inf, 1.0), (inf, -inf), (nan, 1.0), (nan, nan),
         (1e308, 10.0), (3, 0.5), (2, 3), (True, 2.5), (2**60, 1.5)]
for a, b in cases:
    print(a, b, combine(a, b), order(a, b))
total = 0.0
for i in range(1000):
    total = total + i * 0.5 - total * 0.001
print(round(total, 6))
x = 0.1
y = 0.2
print(x + y, x + y == 0.3, (x + y) * 3 > 0.9)
