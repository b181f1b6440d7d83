def f(x):
    out = []
    try:
        out.append("try")
        if x == 0:
            return out + ["ret-try"]
        if x == 1:
            raise ValueError("v")
        if x == 2:
            1 / 0
    except ValueError:
        out.append("except-value")
    except ZeroDivisionError as e:
        out.append("except-zero " + str(e))
        return out
    else:
        out.append("else")
    finally:
        out.append("finally")
    out.append("after")
    return out


for i in range(4):
    print(i, f(i))


def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"


print(finally_overrides())


def finally_swallows():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            if i < 2:
                continue
    return "done"


print(finally_swallows())


def loop_break_finally():
    log = []
    for i in range(5):
        try:
            if i == 3:
                break
            log.append(i)
        finally:
            log.append("f%d" % i)
    return log


print(loop_break_finally())


def nested():
    try:
        try:
            raise TypeError("inner")
        except TypeError as e:
            raise ValueError("outer") from e
    except ValueError as e:
        print("caught", e, "cause", repr(e.__cause__), "ctx", repr(e.__context__))
        print(e.__suppress_context__)


nested()


def reraise():
    try:
        try:
            raise KeyError("a")
        except KeyError:
            raise
    except KeyError as e:
        print("reraised", repr(e))


reraise()


def exc_var_cleared():
    e = 5
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        print(e)
    except UnboundLocalError as err:
        print("UnboundLocalError:", err)


exc_var_cleared()
try:
    raise ValueError("x") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
