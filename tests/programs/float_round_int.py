for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.675, 0.125, 1e20]:
    print(v, round(v), round(v, 1), round(v, 2))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(15, -1), round(25, -1))
print(round(7), round(-7.5), type(round(2.5)).__name__, type(round(2.5, 1)).__name__)
for v in [3.9, -3.9, 0.999, -0.001, 1e10 + 0.5]:
    print(v, int(v))
print(int(2.5e18), int(-1e19))
print(divmod(7.5, 2), divmod(-7.5, 2))
print(abs(-0.0), -(0.0), 0.0 * -1)
total = 0.0
for k in range(1, 6):
    total += k / 8
    print(k, total, round(total), round(total, 1))
