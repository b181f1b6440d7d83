# The TypeErrors of builtin methods called through bound method objects and directly:
# CPython names most with their class (list.append()), METH_VARARGS ones called through
# a bound method object without it (find()), and bools' methods after the receiver's class.


def t(label, f, *a, **k):
    try:
        f(*a, **k)
        print(label, "OK")
    except TypeError as e:
        print(label, e)


cases = [
    ("abc", ["find", "count", "startswith", "split", "replace", "upper", "join"]),
    ([3, 1], ["append", "index", "pop", "copy", "sort", "insert"]),
    ({1: 2}, ["get", "pop", "setdefault", "keys", "popitem", "update"]),
    ({1}, ["add", "discard", "union", "difference", "issubset", "update"]),
    (frozenset({1}), ["union", "copy", "isdisjoint"]),
    (5, ["bit_length", "conjugate"]),
    (True, ["bit_length", "as_integer_ratio"]),
    (1.5, ["is_integer", "as_integer_ratio"]),
    ((1, 2), ["index", "count"]),
]
for obj, names in cases:
    for name in names:
        m = getattr(obj, name)
        t(name + " kw", m, bogus=1)
        t(name + " many", m, 1, 2, 3, 4, 5)
        t(name + " none", m)

s = "abc"
t("direct find", lambda: s.find(x=1))
t("direct union", lambda: {1}.union(x=1))
t("direct bool", lambda: True.bit_length(1))
t("class call", lambda: str.find("abc", x=1))
t("sort kw", lambda: [].sort(key=None, reverse=False, bogus=1))
t("sort pos", lambda: [].sort(1, key=None))
m = s.find
t("m(x=1)", m, x=1)
