def helper():
    raise


def handler_via_helper():
    try:
        1 / 0
    except ZeroDivisionError:
        helper()


try:
    handler_via_helper()
except ZeroDivisionError as e:
    print("re-raised from helper:", e)


def log_and_reraise():
    import sys
    print("handling", sys.exc_info()[0].__name__ if False else "x")
    raise


try:
    try:
        {}["k"]
    except KeyError:
        log_and_reraise()
except KeyError as e:
    print("KeyError again", repr(e))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)


def after_handler():
    try:
        raise ValueError("handled and done")
    except ValueError:
        pass
    raise


try:
    after_handler()
except RuntimeError as e:
    print("RuntimeError after the handler ended:", e)


def in_finally():
    try:
        raise KeyError("in try")
    finally:
        helper()


try:
    in_finally()
except KeyError as e:
    print("finally re-raise", repr(e))
helper()
