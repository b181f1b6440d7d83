REGISTRY = {}


def register(name: str):
    def deco(fn):
        REGISTRY[name] = fn
        return fn
    return deco


@register("double")
def double(x):
    return x * 2


@register("negate")
def negate(x):
    return -x


def memo(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper


@memo
def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(sorted(REGISTRY), [REGISTRY[k](21) for k in sorted(REGISTRY)])
print(double(4), fib(90), [fib(i) for i in range(10)])


def validate_positive(fn):
    def wrapper(x):
        if x < 0:
            raise ValueError(f"{fn.__name__} needs x >= 0, got {x}")
        return fn(x)
    return wrapper


@validate_positive
def root(x):
    return x ** 0.5


print(root(16))
try:
    root(-4)
except ValueError as e:
    print("ValueError:", e)
