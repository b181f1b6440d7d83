import functools
from functools import cmp_to_key, lru_cache, partial, reduce, total_ordering, wraps

print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 10), reduce(max, [3, 9, 2]))


def power(base, exp, *, mod=None):
    r = base ** exp
    return r % mod if mod else r


square = partial(power, exp=2)
p2 = partial(power, 2)
p2m = partial(p2, mod=7)
print(square(5), p2(10), p2m(10), p2m.func is power, p2m.args, p2m.keywords)
print(type(p2).__name__, callable(p2))


def logged(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args)
        return fn(*args, **kwargs)

    return wrapper


@logged
def add(a, b):
    "Add two numbers."
    return a + b


add.extra = 1
print(add(1, 2), add.__name__, add.__qualname__, add.__doc__, add.__module__, add.__wrapped__(3, 4))


@lru_cache(maxsize=3)
def slow(n):
    print("compute", n)
    return n * n


for n in [1, 2, 1, 3, 4, 1, 2]:
    print(slow(n), end=" ")
print()
print(slow.cache_info(), slow.cache_parameters())
info = slow.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info == (2, 5, 3, 3), list(info))
slow.cache_clear()
print(slow.cache_info())


@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@lru_cache
def kinds(x):
    return type(x).__name__


print(kinds(1), kinds(1.0), kinds(True), kinds.cache_info())


@lru_cache(maxsize=None, typed=True)
def typed(x):
    return type(x).__name__


print(typed(1), typed(1.0), typed.cache_info())
print(sorted([5, 2, 9, 1], key=cmp_to_key(lambda a, b: b - a)))
print(sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda a, b: len(a) - len(b))))


@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts


a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, a == b, b >= a, Version.__gt__.__name__)
print(max([Version(2), Version(1, 5)]).parts)


class Circle:
    def __init__(self, r):
        self.r = r

    @functools.cached_property
    def area(self):
        print("computing area")
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, c.__dict__)
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)
try:
    partial(3)
except TypeError as e:
    print("TypeError:", e)


@total_ordering
class NoOrder:
    pass
