def make_counter(start: int):
    count = start

    def inc(step: int = 1) -> int:
        nonlocal count
        count += step
        return count

    return inc


def make_adders(n: int) -> list:
    adders = []
    for i in range(n):
        def add(x, i=i):
            return x + i
        adders.append(add)
    return adders


def make_accumulator():
    items = []

    def push(x):
        items.append(x)
        return len(items)

    def total():
        return sum(items)

    return push, total


c1 = make_counter(0)
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1())
print([f(10) for f in make_adders(4)])
push, total = make_accumulator()
push(3)
push(4)
print(push(5), total())


def outer():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    return middle(), x


print(outer())
