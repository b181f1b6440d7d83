def show(f):
    try:
        f()
        print("no exc")
    except BaseException as e:
        print("caught", repr(e), repr(e.__context__), e.__suppress_context__)
def a():
    try:
        raise ValueError(1)
    except* ValueError:
        raise
show(a)
def b():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e
show(b)
def c():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise
show(c)
def d():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        print("h1", repr(e))
        raise RuntimeError("x")
    except* TypeError as e:
        print("h2", repr(e))
show(d)
def e():
    try:
        raise ValueError(1)
    except* ValueError as e:
        print("h1", repr(e), repr(e.exceptions[0].__context__))
        raise KeyError(5)
show(e)
def f():
    try:
        raise ValueError(1)
    except* TypeError as e:
        print("h1", repr(e))
show(f)
def g():
    try:
        raise ValueError(1)
    except* ExceptionGroup as e:
        print("h1", repr(e))
show(g)
def h():
    try:
        raise ValueError(1)
    except* (TypeError, int) as e:
        print("h1", repr(e))
show(h)
def i():
    try:
        print("body")
    except* TypeError as e:
        print("h1", repr(e))
    else:
        print("else")
    finally:
        print("finally")
show(i)
def j():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
    except* ValueError as e:
        print("h1", repr(e))
    except* TypeError as e:
        print("h2", repr(e))
        raise
show(j)
def k():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise KeyError(1)
    except* TypeError as e:
        raise
show(k)
def l():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        1/0
    except* TypeError as e:
        raise OSError(3)
show(l)
def m():
    try:
        raise KeyboardInterrupt
    except* Exception:
        print("no")
    except* BaseException as e:
        print("yes", repr(e))
show(m)
