def run(name, f):
    print("--", name)
    try:
        r = f()
        print("returned", r)
    except BaseException as e:
        print("escaped", type(e).__name__, repr(e))
        if isinstance(e, BaseExceptionGroup):
            print("  ctx", repr(e.__context__), "cause", repr(e.__cause__), e.__suppress_context__)

def nested_star():
    try:
        try:
            raise ExceptionGroup("outer", [ValueError(1), TypeError(2), KeyError(3)])
        except* ValueError as e:
            print("inner handler", repr(e))
            try:
                raise OSError("in handler")
            except* OSError as f:
                print("nested", repr(f), repr(f.exceptions[0].__context__))
    except* TypeError as t:
        print("outer handler", repr(t))
    return "done"

def loop_star():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            raise ExceptionGroup("g", [TypeError(i), ValueError(i)])
        except* ValueError as e:
            out.append(("V", repr(e)))
        except* TypeError as e:
            out.append(("T", repr(e)))
        else:
            out.append("else")
        finally:
            out.append("fin")
    return out

def else_finally():
    try:
        x = 1
    except* ValueError:
        print("no")
    else:
        print("else ran", x)
    finally:
        print("finally ran")
    return x

def finally_on_raise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("handled V")
    finally:
        print("finally")

def exc_info_in_handler():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        print("in handler", repr(e))

def tuple_types():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* (ValueError, KeyError) as e:
        print("tuple", repr(e))

def no_name():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        print("no name")
    return "ok"

def bad_type():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* (ValueError, BaseExceptionGroup):
        print("no")

def bad_type2():
    try:
        raise ValueError(1)
    except* "x":
        print("no")

def type_checked_after_all_matched():
    try:
        raise ValueError(1)
    except* ValueError:
        print("matched")
    except* 42:
        print("no")

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

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exit", a[0].__name__ if a[0] else None)
        return True

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

run("nested_star", nested_star)
run("loop_star", loop_star)
run("else_finally", else_finally)
run("finally_on_raise", finally_on_raise)
run("exc_info_in_handler", exc_info_in_handler)
run("tuple_types", tuple_types)
run("no_name", no_name)
run("bad_type", bad_type)
run("bad_type2", bad_type2)
run("type_checked_after_all_matched", type_checked_after_all_matched)
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
