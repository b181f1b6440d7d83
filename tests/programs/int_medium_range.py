# Ints between the inline range (48 bits) and 64 bits take the runtime's machine-integer
# path; the results must match arbitrary-precision arithmetic at every boundary.
edges = [
    2**47 - 1, 2**47, -(2**47), -(2**47) - 1, 2**53, 2**62, 2**63 - 1, -(2**63),
    -(2**63) + 1, 2**63, -(2**63) - 1, 2**64, 3, -3, 1, -1, 0, 7, 2**31,
]
for a in edges:
    for b in edges:
        row = [a + b, a - b, a * b, a & b, a | b, a ^ b]
        if b != 0:
            row += [a // b, a % b, divmod(a, b)]
            try:
                row.append(a / b)
            except OverflowError as e:
                row.append(("OverflowError", str(e)))
        else:
            for f in (lambda: a // b, lambda: a % b, lambda: a / b):
                try:
                    f()
                except ZeroDivisionError as e:
                    row.append(str(e))
        if 0 <= b < 70:
            row += [a << b, a >> b]
        if 0 <= b < 5:
            row.append(a ** b)
        print(a, b, row)

# A linear congruential generator: 61-bit products reduced modulo 2**31.
seed = 42
total = 0
for _ in range(1000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    total += (seed >> 8) % 100
print(seed, total)
print((-(2**63)) // -1, (-(2**63)) % -1, (-(2**63)) * -1, abs(-(2**63)))
print(2**62 + 2**62, -(2**62) - 2**62 - 1, (2**63 - 1) + 1)
print((-(2**63)) ** 1, (-(2**63)) ** 2, (-1) ** 200, 2 ** 62 // 2 ** 61)
