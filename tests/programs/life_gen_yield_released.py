# A generator hands the value it yields to the resumer (CPython's YIELD_VALUE pops it): a
# yielded temporary dies as soon as the resumer drops it, not when the generator resumes.
class C:
    def __init__(self, n: int) -> None:
        self.n = n

    def __del__(self) -> None:
        print("del", self.n)


def gen(k: int):
    for i in range(k):
        yield C(i)
        print("resumed after", i)


def keeps():
    x = C(100)
    yield x
    print("resumed, x still", x.n)


g = gen(3)
next(g)
print("dropped the first item")
item = next(g)
print("holding", item.n)
item = None
print("released the second")


def in_function() -> None:
    h = gen(2)
    next(h)
    print("in function, first dropped")


in_function()
k = keeps()
next(k)
print("keeps holds x")
for _ in k:
    pass
print("end")
