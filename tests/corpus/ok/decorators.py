calls = []


def logged(func):
    def wrapper(*args, **kwargs):
        calls.append(len(args) + len(kwargs))
        return func(*args, **kwargs)
    return wrapper


def repeat(times):
    def deco(func):
        def wrapper(x):
            result = x
            for _ in range(times):
                result = func(result)
            return result
        return wrapper
    return deco


def memoize(func):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    return wrapper


@logged
def add(a, b):
    return a + b


@repeat(3)
def double(x):
    return x * 2


@memoize
def slow_fib(n):
    if n < 2:
        return n
    return slow_fib(n - 1) + slow_fib(n - 2)


@logged
@repeat(2)
def inc(x):
    return x + 1


print(add(2, 3), add(b=1, a=4))
print(double(5))
print(slow_fib(80))
print(inc(0))
print(calls)
