# "Exception ignored in" reports (an exception raised by __del__): only the exception's
# own traceback and "Type: str" are printed, with ": " even for an empty message, and
# without chained exceptions, group members, notes or "Did you mean" suggestions. Each
# __del__ is a callable object with a fixed repr, so the whole of stderr can be compared.


class Finalizer:
    def __init__(self, name, action):
        self.name = name
        self.action = action

    def __call__(self):
        self.action()

    def __repr__(self):
        return "<finalizer " + self.name + ">"


class Quiet(Exception):
    pass


class BadStr(Exception):
    def __str__(self):
        raise TypeError("no str")


def chained_context():
    try:
        raise KeyError("inner")
    except KeyError:
        raise ValueError("outer")


def chained_cause():
    try:
        [][1]
    except IndexError as e:
        raise RuntimeError("wrapped") from e


def empty_message():
    raise ValueError


def empty_str():
    raise Quiet("")


def with_note():
    e = ValueError("noted")
    e.add_note("a note that CPython's hook does not print")
    raise e


def group():
    raise ExceptionGroup("grp", [ValueError(1), TypeError(2)])


def bad_str():
    raise BadStr()


def suggestion():
    counter = 1
    return countr


def key_error_empty():
    raise KeyError("")


CASES = [
    chained_context,
    chained_cause,
    empty_message,
    empty_str,
    with_note,
    group,
    bad_str,
    suggestion,
    key_error_empty,
]

for case in CASES:
    holder = type("Holder", (), {"__del__": Finalizer(case.__name__, case)})
    obj = holder()
    del obj
    print("after", case.__name__, flush=True)
