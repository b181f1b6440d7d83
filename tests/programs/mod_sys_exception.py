# sys.exception() (new in 3.11): the exception being handled, innermost first; None outside
# handlers. sys.exc_info() outside any handler is three Nones.
import sys

print(sys.exception(), sys.exc_info())
try:
    raise KeyError("outer")
except KeyError:
    print(repr(sys.exception()))
    try:
        raise ValueError("inner")
    except ValueError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exception())


def gen():
    try:
        raise IndexError("in gen")
    except IndexError:
        yield repr(sys.exception())
        yield repr(sys.exception())
    yield repr(sys.exception())


g = gen()
print(next(g))
print(sys.exception())
print(next(g), next(g))
try:
    try:
        raise OSError(2, "gone")
    finally:
        print("finally sees", sys.exception())
except OSError as e:
    print("caught", e)
