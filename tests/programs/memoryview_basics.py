# memoryview: construction, attributes, indexing, slicing without copying, writes through
# views, tobytes/tolist/hex, iteration, `in`, equality, hash, repr, release and `with`.


def attempt(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "!", type(e).__name__, e)


def attrs(label, m):
    print(label, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.suboffsets, m.nbytes,
          m.readonly, m.c_contiguous, m.f_contiguous, m.contiguous, len(m))


b = b"abcdef"
m = memoryview(b)
print(type(m), type(m).__name__, type(m).__mro__, isinstance(m, memoryview))
attrs("bytes", m)
print(m.obj is b, m[0], m[-1], m[1:4].tobytes(), m.tobytes(), m.tolist())
print(bytes(m), bytearray(m), list(m), tuple(m[::2]), len(m[10:]), m[::-1].tobytes())
print(memoryview(m).obj is b, memoryview(object=b).tobytes())
for key in [6, -7, 2**40, -2**40]:
    attempt("index %r" % (key,), lambda: m[key])
attempt("index 2**70", lambda: m[2**70])
attempt("str key", lambda: m["a"])
attempt("float key", lambda: m[1.5])
attempt("tuple key", lambda: m[1, 2])
attempt("tuple of slices", lambda: m[0:1, 0:1])
attempt("ellipsis", lambda: m[...] is m)
attempt("empty tuple", lambda: m[()])
attempt("write bytes", lambda: m.__setitem__(0, 1))
attempt("del", lambda: m.__delitem__(0))

# A view of a bytearray writes through, and slices view the same memory.
ba = bytearray(b"hello world")
v = memoryview(ba)
attrs("bytearray", v)
v[0] = ord("J")
print(ba)
s = v[6:]
s[0] = ord("W")
print(ba, s.tobytes(), s.obj is ba)
s2 = v[::2]
attrs("stepped", s2)
s2[1] = ord("L")
print(ba, s2.tobytes(), s2.tolist())
ba[1] = ord("E")
print(v[1], v.tobytes())
v[0:5] = b"HOWDY"
print(ba)
v[::-1][0:2] = b"!?"
print(ba)
v[1:3] = memoryview(b"xy")
print(ba)
v[0:4] = v[4:8]
print(ba)
v[-1] = True
v[-2] = 0x7F
print(ba)
for bad in [256, -1, 2**70, "a", 1.0, None, b"a"]:
    attempt("set %r" % (bad,), lambda: v.__setitem__(0, bad))
attempt("set size", lambda: v.__setitem__(slice(0, 2), b"abc"))
attempt("set list", lambda: v.__setitem__(slice(0, 2), [1, 2]))
attempt("set stepped size", lambda: v.__setitem__(slice(0, 6, 2), b"ab"))
v[0:6:2] = b"123"
print(ba)
attempt("set format", lambda: v.__setitem__(slice(0, 1), memoryview(b"a").cast("c")))
attempt("del slice", lambda: v.__delitem__(slice(0, 1)))
attempt("set index 100", lambda: v.__setitem__(100, 1))
attempt("set str key", lambda: v.__setitem__("x", 1))

# hex, iteration, `in`, bool.
h = memoryview(b"\x01\x02\xab\xcd\xef")
print(h.hex(), h.hex(":"), h.hex("-", 2), h.hex(b"_", -2), h[::-1].hex())
print(list(iter(h)), 171 in h, 5 in h, b"\x01" in h, bool(h), bool(h[0:0]))
it = iter(h)
print(type(it).__name__, next(it), next(it), list(it))

# Equality and comparisons.
print(m == b, b == m, m == bytearray(b), m == memoryview(b"abcdef"), m != b"abc", m == "abcdef")
print(m == m[:], m[::2] == b"ace", m[::-1] == b"fedcba", m == [97], m == None)
print(memoryview(b"\x01\x00\x00\x00").cast("i") == memoryview(b"\x01\x00\x00\x00").cast("I"))
print(memoryview(b"\xff").cast("b") == memoryview(b"\xff"), memoryview(b"a").cast("c") == b"a")
f = memoryview(bytearray(8)).cast("d")
f[0] = float("nan")
print(f == f, f.tolist() == f.tolist(), f[0] != f[0])
attempt("lt", lambda: m < m)
attempt("le bytes", lambda: m <= b)
attempt("gt", lambda: b > m)

# hash: read-only views of byte formats only.
print(hash(m) == hash(b), hash(m[::2]) == hash(b"ace"), hash(memoryview(b"")) == hash(b""))
print(hash(memoryview(b"ab").cast("c")) == hash(b"ab"), {m: 1}[b"abcdef"])
attempt("hash writable", lambda: hash(v))
attempt("hash format", lambda: hash(memoryview(b"abcd").cast("i")))
attempt("hash readonly bytearray", lambda: hash(v.toreadonly()))
ro = v.toreadonly()
print(ro.readonly, ro.obj is ba, ro.tobytes() == ba)
attempt("set readonly", lambda: ro.__setitem__(0, 1))
attempt("del readonly", lambda: ro.__delitem__(0))

# repr, release and `with`.
r = repr(memoryview(b"x"))
print(r.startswith("<memory at 0x"), r.endswith(">"))
w = memoryview(b"xyz")
w.release()
w.release()
r = repr(w)
print(r.startswith("<released memory at 0x"), w == w, w == memoryview(b"xyz"), w != b"xyz")
for name in ["obj", "nbytes", "readonly", "itemsize", "format", "ndim", "shape", "strides",
             "suboffsets", "c_contiguous", "f_contiguous", "contiguous"]:
    attempt("released ." + name, lambda: getattr(w, name))
attempt("released len", lambda: len(w))
attempt("released index", lambda: w[0])
attempt("released tobytes", lambda: w.tobytes())
attempt("released tolist", lambda: w.tolist())
attempt("released hex", lambda: w.hex())
attempt("released cast", lambda: w.cast("B"))
attempt("released bytes", lambda: bytes(w))
attempt("released hash", lambda: hash(w))
attempt("released in", lambda: 1 in w)
attempt("released bool", lambda: bool(w))
attempt("released enter", lambda: w.__enter__())
attempt("released memoryview", lambda: memoryview(w))
attempt("released toreadonly", lambda: w.toreadonly())
hashed = memoryview(b"keep")
hv = hash(hashed)
hashed.release()
print(hash(hashed) == hv)
with memoryview(b"ctx") as c:
    print(c.tobytes(), type(c).__name__)
attempt("after with", lambda: c.tobytes())
print(c.__exit__(None, None, None))

# Construction errors.
for bad in ["abc", 1, None, [1, 2], 1.5]:
    attempt("memoryview(%r)" % (bad,), lambda: memoryview(bad))
attempt("no argument", lambda: memoryview())
attempt("two arguments", lambda: memoryview(b"a", b"b"))
attempt("bad keyword", lambda: memoryview(obj=b"a"))
print(list(reversed(m)), list(reversed(m[::-2])), sorted(m[::-1])[:2], sum(m), max(m))
attempt("reversed 2-D", lambda: list(reversed(memoryview(b"abcd").cast("B", [2, 2]))))
attempt("reversed released", lambda: reversed(w))
attempt("set format", lambda: setattr(m, "format", "B"))
attempt("del shape", lambda: delattr(m, "shape"))
attempt("set method", lambda: setattr(m, "tobytes", None))
attempt("set new", lambda: setattr(m, "x", 1))
attempt("missing", lambda: m.nope)
attempt("unbound", lambda: memoryview.tobytes(b"a"))
attempt("dunders", lambda: (m.__eq__(b"abcdef"), m.__eq__(1), m.__ne__(b"x"), m.__lt__(m), m.__len__()))
import copy
attempt("copy", lambda: copy.copy(m))
attempt("deepcopy", lambda: copy.deepcopy([m]))
print(format(m, "") == repr(m), str(m) == repr(m), memoryview.__module__, m.__class__ is memoryview)
try:
    class Sub(memoryview):
        pass
except TypeError as e:
    print("subclass", e)
attempt("iteration released mid-way", lambda: [x for x in (lambda q: (q, q.release())[0])(memoryview(b"ab"))])
