def counter(n):
    i = 0
    try:
        while i < n:
            try:
                got = yield i
                if got is not None:
                    i = got
                else:
                    i += 1
            except ValueError as e:
                print("caught in gen:", e)
                i += 10
    finally:
        print("counter finally, i =", i)


g = counter(30)
print(next(g))
print(g.send(5))
print(g.throw(ValueError("boom")))
print(next(g))
g.close()
print("closed")
try:
    next(g)
except StopIteration as e:
    print("StopIteration after close", e.value)


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise


s = stubborn()
next(s)
s.close()
print("s closed")


def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2


b = bad()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def thrower():
    yield 1
    yield 2


t = thrower()
try:
    t.throw(KeyError("k"))
except KeyError as e:
    print("KeyError before start", e)
try:
    next(t)
except StopIteration:
    print("exhausted after throw")


def ret():
    x = yield 1
    return x * 2


r = ret()
next(r)
try:
    r.send(21)
except StopIteration as e:
    print("returned", e.value, e.args)
