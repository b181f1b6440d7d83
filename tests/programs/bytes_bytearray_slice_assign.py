# bytearray slice assignment: what may be assigned, the errors of the conversion, and an
# extended slice assigned no bytes being deleted.
def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, "!", type(e).__name__, e)
def bsa(sl, v):
    b = bytearray(b"abcdef")
    b[sl] = v
    return b
for v in [[300], [1.5], object(), 5, 5.5, "s", None, [b"a"], (x for x in [1, "a"]), {1: 2}, {3}, range(2), memoryview(b"zz"), bytearray(b"q")]:
    for sl in [slice(1, 3), slice(None, None, 2)]:
        t(f"ba[{sl}]={type(v).__name__}", lambda: bsa(sl, v))
t("ba[0]=300", lambda: bsa(0, 300))
t("ba[0]=b'a'", lambda: bsa(0, b"a"))
t("ba[0]=1.5", lambda: bsa(0, 1.5))
t("ba[9]=1", lambda: bsa(9, 1))
t("self", lambda: (lambda b: (b.__setitem__(slice(None, None, -1), b), b)[1])(bytearray(b"abc")))
