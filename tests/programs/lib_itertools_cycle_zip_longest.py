# itertools.cycle and itertools.zip_longest: items, laziness, errors, classes, subclasses.
import itertools
from itertools import cycle, islice, zip_longest


def show(label, make, n=10):
    try:
        it = make()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
        return
    try:
        print(label, list(islice(it, n)))
    except Exception as e:
        print(label, "-> (iterating)", type(e).__name__, e)


def gen(items, log):
    for x in items:
        log.append(x)
        yield x


show("cycle abc", lambda: cycle("abc"))
show("cycle empty", lambda: cycle([]))
show("cycle one", lambda: cycle([None]))
show("cycle dict", lambda: cycle({"k": 1, "j": 2}))
for label, make in [
    ("cycle ()", lambda: cycle()),
    ("cycle 1", lambda: cycle(1)),
    ("cycle 2 args", lambda: cycle("ab", "c")),
    ("cycle kw", lambda: cycle(iterable="ab")),
    ("cycle 2 args kw", lambda: cycle("a", "b", x=1)),
]:
    show(label, make)

log = []
c = cycle(gen([1, 2, 3], log))
print("lazy:", log, next(c), log, next(c), log)
print(list(islice(c, 7)), log)


def failing():
    yield 1
    raise ValueError("bad")


c = cycle(failing())
print(next(c))
try:
    next(c)
except ValueError as e:
    print("error", e)
print(next(c, "after error"), next(c, "again"))

show("zl", lambda: zip_longest("abc", "d", fillvalue=0))
show("zl none", lambda: zip_longest("ab", [1, 2, 3]))
show("zl empty", lambda: zip_longest())
show("zl one", lambda: zip_longest("xy"))
show("zl all empty", lambda: zip_longest([], ()))
show("zl fill only", lambda: zip_longest(fillvalue=3))
show("zl three", lambda: zip_longest([1], [], [3, 4], fillvalue="-"))
for label, make in [
    ("zl 1", lambda: zip_longest(1)),
    ("zl ab 1", lambda: zip_longest("ab", 1)),
    ("zl bad kw", lambda: zip_longest("ab", x=2)),
    ("zl fill and bad kw", lambda: zip_longest("ab", fillvalue=1, x=2)),
]:
    show(label, make)

a_log, b_log = [], []
z = zip_longest(gen("abc", a_log), gen("x", b_log))
print("zl lazy:", a_log, b_log, next(z), a_log, b_log)
print(list(z), next(z, "end"), a_log, b_log)

z = zip_longest(failing(), "abc")
print(next(z))
try:
    next(z)
except ValueError as e:
    print("error", e)
print(next(z, "stopped after error"))

for cls, obj in [(cycle, cycle("a")), (zip_longest, zip_longest("a"))]:
    print(cls, type(obj) is cls, cls.__module__, cls.__name__, repr(obj).startswith("<itertools.%s object at 0x" % cls.__name__), iter(obj) is obj)


class C(cycle):
    def __next__(self):
        return super().__next__() * 2


class Z(zip_longest):
    def __init__(self, *its, fillvalue=None):
        self.n = len(its)


print(list(islice(C([1, 2]), 5)), isinstance(C("a"), itertools.cycle))
z = Z("ab", "c", fillvalue="?")
print(z.n, list(z), type(z).__name__)

print(sum(1 for _ in zip_longest(range(100000), range(50000))))
print(sum(x for x, _ in zip(cycle([1, 2, 3]), range(100000))))
