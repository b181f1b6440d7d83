def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count


a = averager()
print(next(a))
for v in [10, 20, 60, 5]:
    print("avg after", v, "=", a.send(v))


def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        alive = []
        for g in gens:
            v = next(g, None)
            if v is not None:
                yield v
                alive.append(g)
        gens = alive


print(list(interleave("abc", [1, 2], range(10, 14))))
