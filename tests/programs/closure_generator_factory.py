def make_filter(threshold):
    def keep(xs):
        for x in xs:
            if x >= threshold:
                yield x
    return keep


ge5 = make_filter(5)
ge0 = make_filter(0)
data = [3, -1, 7, 5, 0, 12, -8]
print(list(ge5(data)), list(ge0(data)))


def counter_gen_factory():
    total = 0

    def gen(n):
        nonlocal total
        for i in range(n):
            total += i
            yield total
    return gen, lambda: total


g, read = counter_gen_factory()
print(list(g(4)), read())
print(list(g(3)), read())
