def countdown(n: int):
    while n > 0:
        yield n
        n -= 1


def fib_gen(limit: int):
    a, b = 0, 1
    while a < limit:
        yield a
        a, b = b, a + b


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def pairs(items):
    prev = None
    for item in items:
        if prev is not None:
            yield prev, item
        prev = item
    return


print(list(countdown(5)))
print(list(fib_gen(100)))
print(list(evens(fib_gen(1000))))
print(list(pairs("abcd")))
print(sum(x * x for x in countdown(4)))
for i, v in enumerate(countdown(3)):
    print(i, v)
gen = countdown(2)
print(list(gen), list(gen))
print(max(fib_gen(50)), any(x > 30 for x in fib_gen(50)))
