# str(), repr(), ascii(), format(), f-strings, % and str.format on objects whose
# __str__/__repr__/__format__ return a str subclass instance: the result types CPython gives.
class S(str):
    pass
class O:
    def __str__(self):
        return S("x")
    def __repr__(self):
        return S("r")
    def __format__(self, spec):
        return S("f" + spec)
o = O()
for name, f in [("str", lambda: str(o)), ("repr", lambda: repr(o)), ("ascii", lambda: ascii(o)), ("format", lambda: format(o)),
                ("format spec", lambda: format(o, "5")), ("fstr", lambda: f"{o}"), ("fstr!s", lambda: f"{o!s}"), ("fstr!r", lambda: f"{o!r}"),
                ("fstr2", lambda: f"a{o}b{o!s}c{o!r}"), ("pct", lambda: "%s" % o), ("pct r", lambda: "%r" % o), ("pct2", lambda: "%s-%r" % (o, o)),
                ("fmt", lambda: "{}".format(o)), ("fmt!s", lambda: "{!s}".format(o)), ("fmt2", lambda: "{}{!r}".format(o, o)),
                ("print", lambda: print(o, [o])), ("join", lambda: "".join([str(o), repr(o)])), ("strlist", lambda: str([o]))]:
    try:
        r = f()
        print(name, type(r).__name__, r)
    except Exception as e:
        print(name, "error", type(e).__name__, e)
