def f():
    raise ValueError(1)
def g():
    try:
        f()
    except ValueError as e:
        e.add_note("note on leaf")
        ve = e
    try:
        raise TypeError("inner")
    except TypeError as t:
        te = t
    inner = ExceptionGroup("inner", [te, KeyError("k")])
    eg = ExceptionGroup("outer", [ve, inner, OSError(2, "nf")])
    eg.add_note("outer note")
    raise eg
try:
    g()
except* OSError:
    pass
