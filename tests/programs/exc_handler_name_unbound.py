def f():
    try:
        raise ValueError("x")
    except ValueError as e:
        print("caught", e)
        del e
    print("after")
f()
try:
    raise KeyError(1)
except KeyError as k:
    del k
print("module ok")
def g():
    for i in range(2):
        try:
            1 / 0
        except ZeroDivisionError as err:
            err = None
            del err
    return "g ok"
print(g())
def h():
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        e
    except NameError as n:
        print(type(n).__name__, n)
h()
def brk():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            if i == 1:
                break
            continue
    try:
        return e
    except NameError as n:
        return "unbound: " + str(n)
print(brk())
def ret():
    try:
        raise ValueError
    except ValueError as e:
        return "returned"
print(ret())
for j in range(2):
    try:
        raise KeyError(j)
    except KeyError as kk:
        break
try:
    print(kk)
except NameError as n:
    print(n)
