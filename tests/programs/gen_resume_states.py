# Generator resumption states (also the wasm32 state machines): locals of every kind kept
# across yields, nested generators resuming each other, "generator already executing",
# the handled exception restored across yields, throw/close into handlers, PEP 479,
# closing when freed, generator expressions in comprehensions.


def handled():
    """The exception being handled where this is called (what sys.exc_info() shows)."""
    try:
        raise LookupError
    except LookupError as e:
        return repr(e.__context__)


def locals_kept(n):
    f = 1.5
    big = 10 ** 30
    s = "s"
    items = []
    t = (1, 2)
    for i in range(n):
        f = f * 2 + i
        big = big * 3 + i
        s = s + str(i)
        items.append(i * i)
        got = yield (i, f, big % 1000, s, len(items), t)
        if got is not None:
            items.append(got)
    return (f, big, s, items)


g = locals_kept(4)
print(next(g))
print(g.send("x"))
print(next(g))
print(g.send(7.25))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(next(g, "exhausted"))


def tree(depth, label):
    if depth == 0:
        yield label
        return
    for side in "LR":
        for leaf in tree(depth - 1, label + side):
            yield leaf


print(list(tree(4, "")))
print(sum(1 for _ in tree(8, "")))


def interleave(*gens):
    gens = list(gens)
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)


print(list(interleave(iter(range(3)), (c for c in "abcde"), locals_kept(2))))


def selfish():
    yield me.gi_running
    try:
        next(me)
    except ValueError as e:
        yield "error: " + str(e)
    try:
        me.send(1)
    except ValueError as e:
        yield "send error: " + str(e)
    try:
        me.close()
    except ValueError as e:
        yield "close error: " + str(e)


me = selfish()
print(me.gi_running, me.gi_suspended)
for x in me:
    print(x, me.gi_running, me.gi_suspended)
print(me.gi_running, me.gi_suspended)


def handler_state():
    try:
        raise KeyError("outer")
    except KeyError:
        print("in handler", handled())
        yield 1
        print("after yield", handled())
        yield 2
        print("still", handled())
    print("outside", handled())
    yield 3


h = handler_state()
print(next(h), handled())
try:
    raise ValueError("caller's")
except ValueError:
    print(next(h), handled())
print(next(h), handled())


def thrown_into_handler():
    try:
        raise KeyError("handled")
    except KeyError:
        try:
            yield "suspended in handler"
        except ZeroDivisionError as e:
            print("caught", repr(e), "context", repr(e.__context__))
            yield "after throw"
            raise RuntimeError("from the generator")


t = thrown_into_handler()
print(next(t))
print(t.throw(ZeroDivisionError("thrown")))
try:
    next(t)
except RuntimeError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("close:", e)


def finisher(tag):
    try:
        yield tag
        yield tag + "!"
    finally:
        print("finally", tag)


a = finisher("a")
next(a)
del a
b = finisher("b")
print(next(b), next(b))
b = None
print("rebound")


def stops():
    yield 1
    raise StopIteration("inner")


try:
    print(list(stops()))
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))


def just_started():
    x = yield 1
    yield x


j = just_started()
try:
    j.send(5)
except TypeError as e:
    print("TypeError", e)
print(j.send(None), j.send(9))


pairs = [(x, y) for x in (i * i for i in range(4)) for y in (c for c in "ab")]
print(pairs)
print(dict((k, v) for k, v in zip("abc", (n * 10 for n in range(3)))))
print(max((len(w), w) for w in "the quick brown fox".split()))
gs = [locals_kept(3) for _ in range(50)]
print(sum(next(g)[4] for g in gs), sum(next(g)[0] for g in gs))
g = locals_kept(1)
print(g.__name__, g.__qualname__)
g.__name__ = "renamed"
print(g.__name__, next(g)[0])
