# Assigning or deleting attributes of builtin objects: CPython's AttributeError/TypeError
# for read-only data attributes, methods, __class__ and missing names.
def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, "!", type(e).__name__, e)
def sa(o, n, v=None, d=False):
    if d:
        delattr(o, n)
    else:
        setattr(o, n, v)
for o, names in [(5, ["real", "imag", "numerator", "x", "__class__", "bit_length"]), (1.5, ["real", "y"]), ("s", ["upper", "z"]), ([], ["append", "q"]), ((), ["count"]), ({}, ["keys"]), (1j, ["real"]), (range(3), ["start"]), (slice(1), ["start"]), (b"", ["hex"]), (None, ["x"]), (True, ["real"]), (print, ["__name__", "x"]), (len, ["__doc__"])]:
    for n in names:
        t(f"set {type(o).__name__}.{n}", lambda: sa(o, n, 1))
        t(f"del {type(o).__name__}.{n}", lambda: sa(o, n, d=True))
l = [1, 2]
def g():
    l[:] = (int("a", []) for _ in [1])
t("typeerror inside gen slice assign", g)
def g2():
    l[::2] = (int("a", []) for _ in [1])
t("typeerror inside gen ext slice assign", g2)
