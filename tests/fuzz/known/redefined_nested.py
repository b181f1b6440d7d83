# Known divergence (fuzz feature `redefined_nested`): a nested function defined twice.
# CPython 3.11: add 2
# molt:         add#2 2
def f():
    def add(x):
        return x
    def add(x):
        return x + 1
    print(add.__name__, add(1))


f()
