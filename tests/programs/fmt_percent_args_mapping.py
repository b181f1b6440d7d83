# printf-style formatting: which values count as the argument tuple, as a mapping (any type
# with item access but tuples and strs) or as one value, and the argument after a (key).
def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, "!", type(e).__name__, e)
class M:
    def __repr__(self):
        return "M()"
    def __getitem__(self, k):
        return k * 2
class N:
    def __repr__(self):
        return "N()"
for args in [5, "ab", b"ab", [1], (), (1,), (1, 2), {}, {"a": 1}, range(3), bytearray(b"x"), M(), N(), {1, 2}, None, 1.5]:
    for fmt in ["x", "%s", "%s %s", "%(a)s", "%(a)s %s", "%(a)*d", "%%", "%(a)s%(a)s"]:
        t(f"{fmt!r} % {type(args).__name__}", lambda: fmt % args)
        t(f"b{fmt!r} % {type(args).__name__}", lambda: fmt.encode() % args)
