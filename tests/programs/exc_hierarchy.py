def trigger(kind: str):
    if kind == "key":
        return {}["k"]
    if kind == "index":
        return [][0]
    if kind == "zero":
        return 1 / 0
    if kind == "value":
        return int("x")
    if kind == "attr":
        return (1).nope
    return "fine"


for kind in ["key", "index", "zero", "value", "attr", "none"]:
    try:
        print(trigger(kind))
    except LookupError as e:
        print(kind, "LookupError caught", type(e).__name__, repr(str(e)))
    except ArithmeticError as e:
        print(kind, "ArithmeticError caught", type(e).__name__, e)
    except Exception as e:
        print(kind, "Exception caught", type(e).__name__, e)
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(ValueError, Exception), issubclass(Exception, BaseException), issubclass(KeyError, IndexError))
print(isinstance(KeyError("x"), LookupError), isinstance(StopIteration(), Exception))
