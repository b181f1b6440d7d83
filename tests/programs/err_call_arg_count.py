def f(x):
    return x * 2


def apply(fn, *args):
    print("applying with", len(args), "args")
    return fn(*args)


print(f(21))
g = f
print(g(5))
print(apply(g, 4))
print(g(1, 2))
