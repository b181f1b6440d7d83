# Found by the differential fuzzer (feature `redefined_nested`), fixed since: a nested function defined twice.
# CPython 3.11: add 2
# molt before the fix:         add#2 2
def f():
    def add(x):
        return x
    def add(x):
        return x + 1
    print(add.__name__, add(1))


f()
