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
