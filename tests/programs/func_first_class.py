def add(a, b):
    return a + b


def mul(a, b):
    return a * b


def apply(f, x, y):
    return f(x, y)


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


def inc(x: int) -> int:
    return x + 1


def double(x: int) -> int:
    return x * 2


ops = {"add": add, "mul": mul, "sub": lambda a, b: a - b}
for name in ["add", "mul", "sub"]:
    print(name, apply(ops[name], 6, 7))
funcs = [inc, double, compose(inc, double), compose(double, inc)]
for f in funcs:
    print([f(i) for i in range(4)])
print(add.__name__, compose(inc, inc).__name__)
table = [(f.__name__, f(10)) for f in (inc, double)]
print(table)
pipeline = [inc, double, inc]
v = 5
for f in pipeline:
    v = f(v)
print(v)
print(list(map(inc, [1, 2, 3])), sorted([3, 1, 2], key=double))
