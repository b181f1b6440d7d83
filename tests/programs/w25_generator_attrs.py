# Generator objects have CPython's attributes: bound __next__/__iter__/send/throw/close,
# __name__/__qualname__ (writable strs), gi_running, gi_suspended.


def counter(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            i = got
        i += 1
    return "done"


class Box:
    def items(self):
        yield 1
        yield 2


g = counter(3)
for a in ["__next__", "__iter__", "send", "throw", "close", "__name__", "__qualname__",
          "gi_running", "gi_suspended", "__del__", "__class__", "__repr__", "__eq__",
          "__hash__", "__lt__", "nope"]:
    print(a, hasattr(g, a))
print(g.__name__, g.__qualname__, Box().items().__qualname__)
print(g.gi_running, g.gi_suspended)
nxt = g.__next__
print(nxt(), g.gi_suspended)
print(g.send(1), g.__iter__() is g)
try:
    nxt()
except StopIteration as e:
    print("stop", e.value, g.gi_suspended)


def watcher():
    yield g2.gi_running


g2 = watcher()
print(next(g2))

g3 = counter(5)
g3.__name__ = "renamed"
g3.__qualname__ = "Outer.renamed"
print(g3.__name__, g3.__qualname__, repr(g3).split(" at ")[0])
for bad in [1, None]:
    try:
        g3.__name__ = bad
    except TypeError as e:
        print("TypeError", e)
try:
    del g3.__qualname__
except TypeError as e:
    print("TypeError", e)


def renamed_gen():
    yield 1


renamed_gen.__name__ = "other"
renamed_gen.__qualname__ = "other_q"
print(renamed_gen().__name__, renamed_gen().__qualname__)

g4 = counter(2)
print(next(g4))
try:
    g4.throw("not an exception")
except TypeError as e:
    print("TypeError", e)
try:
    g4.__next__(1)
except TypeError as e:
    print("TypeError", e)


def cleanup():
    try:
        yield 1
    finally:
        print("cleanup ran")


g5 = cleanup()
next(g5)
g5.__del__()
print(g5.gi_suspended)
print(list(counter(3).__iter__()))
