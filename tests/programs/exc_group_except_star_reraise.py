def run(name, f):
    print("--", name)
    try:
        r = f()
        print("returned", r)
    except BaseException as e:
        print("escaped", type(e).__name__, repr(e))
        if isinstance(e, BaseExceptionGroup):
            print("  ctx", repr(e.__context__), "cause", repr(e.__cause__), e.__suppress_context__)

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exit", a[0].__name__ if a[0] else None)
        return True

def no_exception_bad_type():
    try:
        pass
    except* 42:
        print("no")
    return "fine"

def raise_from_in_handler():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise RuntimeError("wrapped") from e

def reraise_all():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        raise

def raise_each_leaf():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e.exceptions[0]

def unmatched_naked():
    try:
        raise KeyError("k")
    except* ValueError:
        print("no")

def base_exception_naked():
    try:
        raise KeyboardInterrupt()
    except* KeyboardInterrupt as e:
        print(type(e).__name__, repr(e))
        raise

def handler_del_name():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        del e
    try:
        print(e)
    except NameError as n:
        print("NameError", n)

def name_unbound_after():
    e = "before"
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as u:
        return "unbound: " + str(u)

def in_generator():
    try:
        yield 1
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        yield repr(e)
    except* TypeError as e:
        yield repr(e)
    yield "end"

def with_in_handler():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        with CM():
            raise KeyError(1)
        print("after with")

def multi_raise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("a")
    except* TypeError:
        raise IndexError("b")

run("no_exception_bad_type", no_exception_bad_type)
run("raise_from_in_handler", raise_from_in_handler)
run("reraise_all", reraise_all)
run("raise_each_leaf", raise_each_leaf)
run("unmatched_naked", unmatched_naked)
run("base_exception_naked", base_exception_naked)
run("handler_del_name", handler_del_name)
run("name_unbound_after", name_unbound_after)
run("in_generator", lambda: list(in_generator()))
run("with_in_handler", with_in_handler)
run("multi_raise", multi_raise)
