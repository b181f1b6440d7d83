def make_counter(start: int = 0, step: int = 1):
    count = start

    def inc():
        nonlocal count
        count += step
        return count

    def get():
        return count

    return inc, get


inc_a, get_a = make_counter()
inc_b, get_b = make_counter(100, 10)
for _ in range(3):
    print(inc_a(), inc_b())
print(get_a(), get_b())


def make_accumulator():
    items = []

    def add(x):
        items.append(x)
        return list(items)
    return add


acc = make_accumulator()
print(acc(1), acc("two"), acc(3.0))


def outer():
    x = "outer"

    def middle():
        x = "middle"

        def inner():
            nonlocal x
            x = x + "+inner"
            return x
        r = inner()
        return r, x
    res = middle()
    return res, x


print(outer())
