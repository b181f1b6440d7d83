# yield from: closing and throwing into a delegating generator (a subgenerator that
# ignores GeneratorExit, raises on close, an iterator with close/throw) and a traceback
# through two generator frames.
def sub():
    try:
        yield 1
    finally:
        yield "in finally"
def outer():
    yield from sub()
g = outer(); next(g)
try:
    g.close()
except RuntimeError as e:
    print("RE", e)

def sub2():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("on close")
def outer2():
    try:
        yield from sub2()
    except ValueError as e:
        print("outer saw", e)
        raise
g = outer2(); next(g)
try:
    g.close()
except ValueError as e:
    print("VE", e)

class C:
    def __iter__(self): return self
    def __next__(self): return 1
    def close(self): print("C.close")
    def throw(self, e): print("C.throw", repr(e)); return 42
def outer3():
    yield from C()
g = outer3(); print(next(g)); print(g.throw(IndexError("i"))); g.close()

def tb():
    yield from inner()
def inner():
    yield 1
    raise KeyError("deep")
for x in tb():
    print(x)
