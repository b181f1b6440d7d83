"""Functions other modules import by name and call directly."""


def inc(x: int) -> int:
    return x + 1


def scale(x: float, k: float) -> float:
    return x * k


def mul(a, b=10):
    return a * b


def count(*args):
    return len(args)


def name_of(x: int):
    return type(x).__name__


def fact(n: int) -> int:
    return 1 if n < 2 else n * fact(n - 1)


def countdown(n):
    yield n


def later(x):
    return ("later", x)
