# A chain of generators each iterating the next: every resumption is a frame, so a
# chain longer than the recursion limit raises RecursionError, as in CPython.


def leaf():
    yield 1
    yield 2
    yield 3


def relay(g):
    for x in g:
        yield x


def doubled(g):
    for x in g:
        yield x * 2


def chain(n: int, step):
    g = leaf()
    for i in range(n):
        g = step(g)
    return g


for n in [1, 10, 100, 500, 900]:
    print(n, list(chain(n, relay)), sum(chain(n, doubled)))

for n in [1200, 3000]:
    g = chain(n, relay)
    try:
        print(n, list(g))
    except RecursionError as e:
        print(n, "RecursionError:", e)
    print("after error", list(g))

g = chain(300, relay)
print(next(g), next(g))
print(list(g))
print("done")
