# repr()/str()/print()/format of containers nested deeper than the recursion limit
# raise RecursionError (CPython counts each nested repr as one level).


def nest_list(n: int):
    x = []
    for i in range(n):
        x = [x]
    return x


def nest_tuple(n: int):
    x = ()
    for i in range(n):
        x = (x,)
    return x


def nest_dict(n: int):
    x = {}
    for i in range(n):
        x = {i: x}
    return x


def attempt(label: str, f) -> None:
    try:
        s = f()
        print(label, "ok", len(s))
    except RecursionError as e:
        print(label, "RecursionError:", e)


shallow = nest_list(50)
print(repr(shallow)[:20], len(repr(shallow)), str(shallow) == repr(shallow))
print(repr(nest_tuple(3)), repr(nest_dict(3)))
deep = nest_list(10000)
attempt("repr list", lambda: repr(deep))
attempt("str list", lambda: str(deep))
attempt("f-string", lambda: f"{deep}")
attempt("f-string !r", lambda: f"{deep!r}")
attempt("str.format", lambda: "<{}>".format(deep))
attempt("percent", lambda: "%s" % (deep,))
attempt("repr tuple", lambda: repr(nest_tuple(10000)))
attempt("repr dict", lambda: repr(nest_dict(10000)))
attempt("repr in list", lambda: repr([1, 2, deep]))
try:
    print(deep)
except RecursionError as e:
    print("print:", e)
attempt("after errors", lambda: repr(shallow))
cyc = [1, 2]
cyc.append(cyc)
print(cyc, repr(nest_list(5)))
print("done")
