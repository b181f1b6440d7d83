# yield from (PEP 380): delegation of next/send/throw/close to generators and other
# iterators, the return value, nested delegation, PEP 479 through delegation, errors.
def sub():
    x = yield 1
    print("sub got", x)
    try:
        y = yield 2
        print("sub got", y)
    except ValueError as e:
        print("sub caught", repr(e))
        yield "recovered"
    return "sub-result"

def outer():
    r = yield from sub()
    print("outer got", r)
    r2 = yield from [10, 20]
    print("list result", r2)
    r3 = yield from range(2)
    return r3

g = outer()
print(next(g))
print(g.send("a"))
print(g.throw(ValueError("boom")))
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

def closing():
    try:
        yield 1
        yield 2
    finally:
        print("sub closed")
def outer2():
    try:
        yield from closing()
    finally:
        print("outer closed")
g = outer2(); print(next(g)); g.close()

class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2: raise StopIteration("done!")
        return self.n
def outer3():
    r = yield from It()
    print("It result", r)
print(list(outer3()))

def thrower():
    yield from It()
g = thrower(); next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)

def deep(n):
    if n == 0:
        yield "leaf"
        return 0
    r = yield from deep(n - 1)
    return r + 1
g = deep(5)
print(list(g))
def rd(n):
    r = yield from deep(n)
    print("depth", r)
print(list(rd(3)))

def bad():
    yield from 5
try:
    list(bad())
except TypeError as e:
    print("TE", e)

def sendnon():
    yield from [1, 2]
g = sendnon(); next(g)
try:
    g.send(5)
except AttributeError as e:
    print("AE", e)
def gen_ret_none():
    yield from ()
print(list(gen_ret_none()))
def stop_inside():
    def s():
        yield 1
        raise StopIteration("x")
    yield from s()
try:
    list(stop_inside())
except RuntimeError as e:
    print("RE", e, repr(e.__cause__))
