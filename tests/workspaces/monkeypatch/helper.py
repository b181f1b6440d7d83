"""Functions that other modules replace at run time (as tests and mocks do)."""


def scale(x):
    return x * 2


def total(xs):
    t = 0
    for x in xs:
        t += scale(x)
    return t


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def greet(name):
    return "hello " + name


def welcome(name):
    return greet(name) + "!"


def count():
    return len([1, 2, 3])


def module_name():
    return __name__
