x = 1
def f():
    for i in range(3):
        try:
            if i:
                break
            continue
        finally:
            print(x is 1)
    try:
        return 1
    finally:
        print(x is 2)
g = [y is 3 for y in (x is 4)]
h = (x is 5) if (x is 6) else (x is 7)
assert (x is 8, 1)
{x is 9: x is 10 for x in []}
print((x is 11)(x is 12))
print(1()); print("a"[1, 2]); print(None[0])
print([1][1.5], (1, 2)[1, 2], f"{x}"[1, 2])
print({1}[0], (lambda: 0)[0], (x for x in [])[0], 1.5[0], True[0], ...[0])
print([1]("a"), (1)(), {}(), [x for x in []](), f"a{x}"(), -1(), (1+2)(), (1/0)())
print(x is -1, x is +1, x is ~1, x is (not 1), x is (1, (2, 3)), x is 1 + 2, x is 1 / 0, x is "a" * 3, x is 2 ** 3)
