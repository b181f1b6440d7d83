# An exception raised out of an `except ... as name:` body unbinds the name (CPython wraps
# the body in try/finally: name = None; del name).
def f():
    try:
        try:
            raise ValueError("a")
        except ValueError as e:
            raise KeyError("b")
    except KeyError as k:
        print("caught", repr(k), repr(k.__context__))
    try:
        print(e)
    except NameError as n:
        print("NameError", n)
    except UnboundLocalError as n:
        print("Unbound", n)

f()
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise
except ZeroDivisionError:
    pass
try:
    print(z)
except NameError as n:
    print("NameError", n)
for i in range(3):
    try:
        try:
            raise ValueError(i)
        except ValueError as err:
            if i == 1:
                raise TypeError(i)
            print("ok", err)
    except TypeError as t:
        print("t", t, t.__context__)
    try:
        print("bound", err)
    except NameError as n:
        print("unbound", n)
def g():
    try:
        raise ValueError(1)
    except ValueError as e:
        try:
            raise KeyError(2)
        except KeyError as e2:
            pass
        return e
print(repr(g()))
