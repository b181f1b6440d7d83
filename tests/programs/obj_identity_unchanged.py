# Operations that change nothing return the object itself where CPython 3.11 does (exact
# tuples, strs, bytes, frozensets), and a new object where it does not (subclass
# instances, and the few cases CPython copies); `is` shows which.
E, EB, ET = "", b"", ()
t = (1, 2, [3])
s = "héllo" + str(len("ab"))
a = "abc" + str(1)
b = b"abc" + bytes([49])
fs = frozenset({1, 2, 3})
o = "a"
ob = b"a"
X = "xyz" + str(2)


class O:
    def __str__(self):
        return X

    def __format__(self, spec):
        return X

    def __repr__(self):
        return X


class P:
    def __str__(self):
        return X


class S(str):
    pass


class T(tuple):
    pass


class F(frozenset):
    pass


obj, p = O(), P()
ss, tt, ff = S("ab"), T((1, 2)), F({1})


def one():
    return 1


def zero():
    return 0


checks = [
    # tuples
    ("() + t", lambda: (ET + t) is t),
    ("t + ()", lambda: (t + ET) is t),
    ("t * 1", lambda: (t * one()) is t),
    ("1 * t", lambda: (one() * t) is t),
    ("t * 0", lambda: (t * zero()) is ET),
    ("tuple(t)", lambda: tuple(t) is t),
    ("t[:]", lambda: t[:] is t),
    ("t[-10:10]", lambda: t[-10:10] is t),
    ("t[1:1]", lambda: t[1:1] is ET),
    ("t[::-1]", lambda: t[::-1] is t),
    ("tuple.__new__", lambda: tuple.__new__(tuple, t) is t),
    # strs
    ("s * 1", lambda: (s * one()) is s),
    ("s[:]", lambda: s[:] is s),
    ("s[0:100]", lambda: s[0:100] is s),
    ("str(s)", lambda: str(s) is s),
    ("s + ''", lambda: (s + E) is s),
    ("'' + s", lambda: (E + s) is s),
    ("s.strip()", lambda: s.strip() is s),
    ("lower", lambda: a.lower() is a),
    ("replace none", lambda: a.replace("q", "z") is a),
    ("replace same obj", lambda: a.replace(o, o) is a),
    ("replace count0", lambda: a.replace("a", "b", 0) is a),
    ("replace empty", lambda: a.replace("", "") is a),
    ("replace found", lambda: a.replace("a", "b") is a),
    ("expandtabs", lambda: a.expandtabs(4) is a),
    ("expandtabs tab", lambda: (a + "\t").expandtabs(4) == a + " " * 4),
    ("center", lambda: a.center(2) is a),
    ("zfill", lambda: a.zfill(2) is a),
    ("join one", lambda: "-".join([a]) is a),
    ("join gen", lambda: "-".join(x for x in [a]) is a),
    ("split", lambda: a.split()[0] is a),
    ("split z", lambda: a.split("z")[0] is a),
    ("split maxsplit 0", lambda: a.split(None, 0)[0] is a),
    ("rsplit maxsplit 0", lambda: a.rsplit(None, 0)[0] is a),
    ("split z maxsplit 0", lambda: a.split("z", 0)[0] is a),
    ("splitlines", lambda: a.splitlines()[0] is a),
    ("splitlines keepends", lambda: (lambda x: x.splitlines(True)[0] is x)(a + "\n")),
    ("splitlines cut", lambda: (lambda x: x.splitlines()[0] is x)(a + "\n")),
    ("partition", lambda: a.partition("z")[0] is a),
    ("rpartition", lambda: a.rpartition("z")[2] is a),
    ("removeprefix", lambda: a.removeprefix("z") is a),
    ("translate", lambda: a.translate({}) is a),
    ("'' is str()", lambda: E is str()),
    ("x[1:1]", lambda: a[1:1] is E),
    ("s * 0", lambda: a * zero() is E),
    ("''.join([])", lambda: "".join([]) is E),
    # formatting
    ("%s", lambda: ("%s" % a) is a),
    ("%s tuple", lambda: ("%s" % (a,)) is a),
    ("%(x)s", lambda: ("%(x)s" % {"x": a}) is a),
    ("%.10s", lambda: ("%.10s" % a) is a),
    ("%.3s", lambda: ("%.3s" % a) == "abc"),
    ("%4s", lambda: ("%4s" % a) is a),
    ("%6s", lambda: ("%6s" % a) == "  abc1"),
    ("%-6s|", lambda: ("%-6s" % a) + "|"),
    ("%+s", lambda: ("%+s" % a) is a),
    ("%s%s", lambda: ("%s%s" % (a, E)) is a),
    ("%s o", lambda: ("%s" % obj) is X),
    ("%r o", lambda: ("%r" % obj) is X),
    ("%a o", lambda: ("%a" % obj) is X),
    ("%5s o", lambda: ("%5s" % obj) is X),
    ("%s of ()", lambda: "%s" % ()),
    ("%s of (1, 2)", lambda: "%s" % (1, 2)),
    ("%(x)s missing", lambda: "%(x)s" % {}),
    ("{}", lambda: "{}".format(a) is a),
    ("{0}", lambda: "{0}".format(a) is a),
    ("{x}", lambda: "{x}".format(x=a) is a),
    ("{!s}", lambda: "{!s}".format(a) is a),
    ("{:4}", lambda: "{:4}".format(a) is a),
    ("{:5}", lambda: "{:5}".format(a) is a),
    ("{:.4}", lambda: "{:.4}".format(a) is a),
    ("{:.3}", lambda: "{:.3}".format(a) is a),
    ("{}{} a e", lambda: "{}{}".format(a, E) is a),
    ("{}{} e a", lambda: "{}{}".format(E, a) is a),
    ("x{}", lambda: "x{}".format(a)),
    ("{} o", lambda: "{}".format(obj) is X),
    ("{} p", lambda: "{}".format(p) is X),
    ("{!r} o", lambda: "{!r}".format(obj) is X),
    ("no fields", lambda: a.format(1, 2) is a),
    ("format_map", lambda: "{x}".format_map({"x": a}) is a),
    ("format(a, '4')", lambda: format(a, "4") is a),
    ("format(a, '<')", lambda: format(a, "<") is a),
    ("format(a, '5')", lambda: format(a, "5") is a),
    ("format(o)", lambda: format(obj) is X),
    ("f'{a:4}'", lambda: f"{a:4}" is a),
    ("f'{o!r}'", lambda: f"{obj!r}" is X),
    ("f'{a}{e}'", lambda: f"{a}{E}" is a),
    ("repr(o)", lambda: repr(obj) is X),
    ("ascii(o)", lambda: ascii(obj) is X),
    ("str(o)", lambda: str(obj) is X),
    # bytes
    ("b * 1", lambda: (b * one()) is b),
    ("b * 0", lambda: (b * zero()) is EB),
    ("e * 5", lambda: (EB * 5) is EB),
    ("b[:]", lambda: b[:] is b),
    ("b[::1]", lambda: b[::1] is b),
    ("b[2:2]", lambda: b[2:2] is EB),
    ("b + b''", lambda: (b + EB) is b),
    ("b'' + b", lambda: (EB + b) is b),
    ("b'' + ba", lambda: type(EB + bytearray(b"x")).__name__),
    ("bytes(b)", lambda: bytes(b) is b),
    ("bytes()", lambda: bytes() is EB),
    ("bytes(0)", lambda: bytes(0) is EB),
    ("encode", lambda: E.encode() is EB),
    ("b.strip()", lambda: b.strip() is b),
    ("b.strip all", lambda: b"  ".strip() is EB),
    ("b.replace none", lambda: b.replace(b"q", b"z") is b),
    ("b.replace same", lambda: b.replace(ob, ob) is b),
    ("b.replace count0", lambda: b.replace(b"a", b"z", 0) is b),
    ("b.center", lambda: b.center(1) is b),
    ("b.zfill", lambda: b.zfill(1) is b),
    ("b.expandtabs", lambda: b.expandtabs() is b),
    ("b.join one", lambda: b"-".join([b]) is b),
    ("b.join two", lambda: b"".join([b, EB]) is b),
    ("b.lower", lambda: b.lower() is b),
    ("b.translate", lambda: b.translate(None) is b),
    ("b.translate del", lambda: b.translate(None, b"z") is b),
    ("b.removeprefix", lambda: b.removeprefix(b"z") is b),
    ("b.partition", lambda: b.partition(b"z")[0] is b),
    ("b.split", lambda: b.split(b"z")[0] is b),
    ("b.split ws", lambda: b.split()[0] is b),
    ("b.split maxsplit 0", lambda: b.split(None, 0)[0] is b),
    ("b.splitlines", lambda: b.splitlines()[0] is b),
    ("one byte", lambda: b[0:1] is bytes([97])),
    ("bytes(ba)", lambda: bytes(bytearray(b)) is b),
    ("ba[:]", lambda: (lambda x: x[:] is x)(bytearray(b))),
    # frozensets
    ("frozenset(fs)", lambda: frozenset(fs) is fs),
    ("fs.copy()", lambda: fs.copy() is fs),
    ("fs | empty", lambda: (fs | frozenset()) is fs),
    ("frozenset()", lambda: frozenset() is frozenset()),
]
for name, f in checks:
    try:
        print(name, f())
    except Exception as ex:
        print(name, "error", type(ex).__name__, ex)

# A subclass instance is never returned as its bare value: each operation makes a new exact
# object (partition gives the instance itself, as CPython does).
for name, fn in [
    ("strip", lambda: ss.strip()),
    ("removeprefix", lambda: ss.removeprefix("z")),
    ("center", lambda: ss.center(1)),
    ("zfill", lambda: ss.zfill(1)),
    ("replace", lambda: ss.replace("z", "y")),
    ("split", lambda: ss.split()[0]),
    ("splitz", lambda: ss.split("z")[0]),
    ("partition", lambda: ss.partition("z")[0]),
    ("rpartition", lambda: ss.rpartition("z")[2]),
    ("join", lambda: "".join([ss])),
    ("add", lambda: ss + ""),
    ("radd", lambda: "" + ss),
    ("mul", lambda: ss * one()),
    ("slice", lambda: ss[:]),
    ("str", lambda: str(ss)),
    ("format", lambda: format(ss)),
    ("fstr", lambda: f"{ss}"),
    ("pct", lambda: "%s" % ss),
    ("expandtabs", lambda: ss.expandtabs()),
    ("tadd", lambda: tt + ()),
    ("tradd", lambda: () + tt),
    ("tmul", lambda: tt * one()),
    ("tslice", lambda: tt[:]),
    ("tuple", lambda: tuple(tt)),
    ("fcopy", lambda: ff.copy()),
    ("frozenset", lambda: frozenset(ff)),
    ("splitlines", lambda: ss.splitlines()[0]),
]:
    r1 = fn()
    r2 = fn()
    print(name, type(r1).__name__, r1 is r2, r1 is ss or r1 is tt or r1 is ff)

big = 10**30


class I(int):
    pass


i = I(big)
print(type(+i).__name__, (+i) is (+i), (i + 0) is (i + 0), int(i) is int(i))
