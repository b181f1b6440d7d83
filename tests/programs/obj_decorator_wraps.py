# Hand-written decorators that copy __name__/__doc__ and set __wrapped__.
def wraps(wrapped):
    def copy(wrapper):
        wrapper.__name__ = wrapped.__name__
        wrapper.__qualname__ = wrapped.__qualname__
        wrapper.__doc__ = wrapped.__doc__
        wrapper.__wrapped__ = wrapped
        return wrapper

    return copy


def logged(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args)
        return fn(*args, **kwargs)

    return wrapper


@logged
def add(a: int, b: int) -> int:
    "Add two numbers."
    return a + b


def plain(fn):
    def inner(*a):
        return fn(*a)

    return inner


@plain
def sub(a, b):
    "Subtract."
    return a - b


print(add(2, 3))
print(add.__name__, add.__qualname__, add.__doc__)
print(add.__wrapped__(10, 20), add.__wrapped__.__name__)
print(sub(5, 1), sub.__name__, sub.__qualname__, sub.__doc__)
print(hasattr(sub, "__wrapped__"))
