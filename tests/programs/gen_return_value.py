def limited(xs, stop_at):
    for x in xs:
        if x == stop_at:
            return
        yield x
    yield "end-of-input"


def with_value():
    yield 1
    yield 2
    return "result"


print(list(limited([1, 2, 3, 4], 3)))
print(list(limited([1, 2], 9)))
g = with_value()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
print(list(with_value()))


def first_n(gen, n: int) -> list:
    out = []
    for v in gen:
        if len(out) >= n:
            break
        out.append(v)
    return out


def naturals():
    n = 0
    while True:
        yield n
        n += 1


print(first_n(naturals(), 5), first_n(naturals(), 0))
