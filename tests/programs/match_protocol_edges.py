# match: protocol edge cases: errors raised by __eq__/__len__/attributes propagate,
# lying __len__, registered Sequence/Mapping classes, abstract classes as class patterns,
# subclasses of builtins matching themselves, `is` for True/False/None.
from collections.abc import Sequence, Mapping, MutableSequence


class Boom:
    def __eq__(self, other):
        raise RuntimeError("eq exploded")


class LyingLen(Sequence):
    def __init__(self, n, items):
        self.n, self.items = n, items

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return self.items[i]


class BadLen(Sequence):
    def __len__(self):
        raise KeyError("len")

    def __getitem__(self, i):
        raise IndexError(i)


class Registered:
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


MutableSequence.register(Registered)


class Props:
    @property
    def missing(self):
        raise AttributeError("gone")

    @property
    def broken(self):
        raise ValueError("broken property")


def attempt(label, fn):
    try:
        print(label, "->", fn())
    except Exception as e:
        print(label, "-> raised", type(e).__name__, e)


def m_eq(v):
    match v:
        case 1:
            return "one"
        case _:
            return "other"


def m_seq(v):
    match v:
        case [a, b]:
            return f"pair {a} {b}"
        case [*rest]:
            return f"seq {rest}"
        case _:
            return "not a sequence"


def m_props(v):
    match v:
        case Props(missing=m):
            return f"missing {m}"
        case Props(broken=b):
            return f"broken {b}"


def m_abstract(v):
    match v:
        case Mapping():
            return "Mapping"
        case Sequence(__len__=n):
            return f"Sequence len={n()}"
        case _:
            return "neither"


def m_builtin(v):
    match v:
        case True:
            return "is True"
        case bool(x):
            return f"bool {x}"
        case int(x):
            return f"int {x!r}"
        case float(x):
            return f"float {x!r}"
        case str(x):
            return f"str {x!r} {type(x).__name__}"
        case tuple(x):
            return f"tuple {x!r}"


class Tag(str):
    pass


attempt("eq raises", lambda: m_eq(Boom()))
attempt("lying len 2 of 3", lambda: m_seq(LyingLen(2, [1, 2, 3])))
attempt("lying len 2 of 1", lambda: m_seq(LyingLen(2, [1])))
attempt("len raises", lambda: m_seq(BadLen()))
attempt("registered", lambda: m_seq(Registered(4, 5)))
attempt("registered 3", lambda: m_seq(Registered(4, 5, 6)))
attempt("property AttributeError", lambda: m_props(Props()))
for v in [{1: 2}, [1, 2], "abc", Registered(), 5]:
    attempt("abstract " + type(v).__name__, lambda: m_abstract(v))
for v in [True, False, 1, 1.0, 0.0, Tag("t"), "s", (1,)]:
    attempt("builtin " + repr(v), lambda: m_builtin(v))


class Attrs:
    a = 1

    def method(self):
        return 2


for v in [Attrs.__dict__, {}.keys(), {}.items(), {}.values(), frozenset(), range(0)]:
    match v:
        case {"a": a, "method": m, **rest}:
            print(type(v).__name__, "mapping", a, m(None), type(rest).__name__, "a" in rest)
        case {}:
            print(type(v).__name__, "empty mapping")
        case [*_]:
            print(type(v).__name__, "sequence")
        case _:
            print(type(v).__name__, "neither")
