# A function's argument errors name it by its current __qualname__ (CPython's
# func_qualname), as functools.wraps and dataclasses rely on; str() of a mappingproxy.
import functools


def make():
    def inner(a, b=2, *, c):
        return a + b + c

    return inner


f = make()
print(f.__qualname__)
for args, kwargs in [((), {"c": 1}), ((1, 2, 3), {"c": 1}), ((1,), {"d": 1}), ((1,), {})]:
    try:
        f(*args, **kwargs)
    except TypeError as e:
        print(e)
f.__qualname__ = "Thing.method"
for args, kwargs in [((), {"c": 1}), ((1, 2, 3), {"c": 1}), ((1,), {"a": 1, "c": 1}), ((1,), {})]:
    try:
        f(*args, **kwargs)
    except TypeError as e:
        print(e)


def target(x, y):
    return x * y


@functools.wraps(target)
def wrapper(x, y):
    return target(x, y)


print(wrapper(2, 3), wrapper.__qualname__)
try:
    wrapper(1)
except TypeError as e:
    print(e)


class K:
    a = 1


proxy = K.__dict__
print(str(type(proxy)({"k": [1, "a"]})), repr(type(proxy)({})))
print("%s" % type(proxy)({1: 2}), f"{type(proxy)({3: 4})}")
f()
