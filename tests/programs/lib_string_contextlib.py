import string
from contextlib import closing, contextmanager, nullcontext, suppress

print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase, string.digits)
print(string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace))
print(repr(string.printable), len(string.printable))
print(string.capwords(" hello   big  world "), string.capwords("a-b-c", "-"), string.capwords(""))
print(sum(1 for ch in "Hello, World 42!" if ch in string.punctuation))


@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)


with tag("b") as t:
    print("inside", t)
with tag("outer"):
    with tag("inner"):
        print("nested")


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))


with swallow():
    {}["missing"]
print("after swallow")


@tag("deco")
def decorated(x):
    print("running", x)
    return x * 2


print(decorated(21), tag.__name__)
try:
    with tag("err"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
with nullcontext(42) as v:
    print("null", v)


class Resource:
    def close(self):
        print("closed")


with closing(Resource()) as res:
    print("using", type(res).__name__)


@contextmanager
def no_yield():
    if False:
        yield


with suppress(IndexError):
    with no_yield():
        pass
