def make_adders():
    adders = []
    for n in range(4):
        adders.append(lambda x, n=n: x + n)
    return adders


def make_adders_late():
    adders = []
    for n in range(4):
        adders.append(lambda x: x + n)
    return adders


print([f(100) for f in make_adders()])
print([f(100) for f in make_adders_late()])


def multipliers():
    out = []
    for k in [2, 3, 5]:
        def mul(v, k=k):
            return v * k
        out.append(mul)
    return out


print([m(7) for m in multipliers()])


def make_power(p: int):
    def power(b: int) -> int:
        return b ** p
    return power


sq = make_power(2)
cube = make_power(3)
print(sq(5), cube(2), [make_power(i)(2) for i in range(6)])
