# A function defined twice in one scope keeps its Python name and qualified name.
def outer(flag):
    def add(x, y=1):
        return x + y
    first = add
    def add(x, y=2):
        return x * y
    def helper():
        def inner():
            return 1
        return inner
    def helper():
        def inner():
            return 2
        return inner
    print(first.__name__, first.__qualname__, first(3))
    print(add.__name__, add.__qualname__, add(3))
    print(helper().__qualname__, helper()())
    f = lambda: 1
    g = lambda: 2
    print(f.__name__, g.__qualname__, f() + g())
    return add


outer(True)
print(outer(False).__qualname__)
