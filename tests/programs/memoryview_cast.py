# memoryview.cast: every native format, shapes (1-D <-> N-D), tolist of each format,
# item writes per format, and CPython's errors for bad casts.
import struct


def attempt(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "!", type(e).__name__, e)


raw = bytes(range(1, 17)) + bytes(range(250, 256)) + b"\x00\x80"
base = memoryview(raw)
for fmt in ["B", "b", "c", "H", "h", "I", "i", "L", "l", "Q", "q", "f", "d", "?", "n", "N", "P"]:
    size = struct.calcsize(fmt)
    n = len(raw) // size * size
    m = base[:n].cast(fmt)
    print(fmt, m.format, m.itemsize == size, m.shape, m.strides == (size,), m.nbytes, m.tolist()[:4],
          m[-1], m.tobytes() == raw[:n])
    print("  back", m.cast("B").tolist() == list(raw[:n]), m.cast("c")[0])
print(base.cast("@B").format, base.cast("@i").format)

data = bytearray(24)
w = memoryview(data)
for fmt, good, bad in [
    ("b", [-128, 127, 5], [128, -129, 2**65, "x", 1.5]),
    ("B", [0, 255, True], [256, -1, "x", 2.0]),
    ("h", [-32768, 32767], [32768, -32769]),
    ("H", [0, 65535], [65536, -1]),
    ("i", [-2**31, 2**31 - 1], [2**31, -2**31 - 1]),
    ("I", [0, 2**32 - 1], [2**32, -1]),
    ("q", [-2**63, 2**63 - 1], [2**63, -2**63 - 1]),
    ("Q", [0, 2**64 - 1], [2**64, -1, None]),
    ("f", [1.5, -2, 3, 1e300], ["1.0", None]),
    ("d", [2.25, 7, float("inf")], ["x", [1]]),
    ("?", [0, 1, [], [1], "x"], []),
    ("c", [b"x", b"\x00"], [b"", b"xy", "x", 1, bytearray(b"x")]),
]:
    c = w.cast(fmt)
    for x in good:
        c[0] = x
        print(fmt, repr(x), "->", c[0], data[:8].hex())
    for x in bad:
        attempt("%s %r" % (fmt, x), lambda: c.__setitem__(0, x))
    c.release()

# Multi-dimensional views.
grid = memoryview(bytearray(range(12)))
g = grid.cast("B", [3, 4])
print(g.shape, g.strides, g.ndim, len(g), g.nbytes, g.tolist(), g.c_contiguous, g.f_contiguous)
print(g[1, 2], g[-1, -1], g[0, 0], g.tobytes(), g.tobytes("F"), g.tobytes("A"), g.tobytes("C"))
g[2, 3] = 99
print(grid[11], g[2, 3])
attempt("g[0]", lambda: g[0])
attempt("g[5, 0]", lambda: g[5, 0])
attempt("g[0, 9]", lambda: g[0, 9])
attempt("g[0, 1, 2]", lambda: g[0, 1, 2])
attempt("g[1:2]", lambda: g[1:2].tolist())
attempt("g[1:2] shape", lambda: (g[1:2].shape, g[::2].strides, g[::2].tolist()))
attempt("g[0:1, 0:1]", lambda: g[0:1, 0:1])
attempt("g[0] = 1", lambda: g.__setitem__(0, 1))
attempt("g[0,] = 1", lambda: g.__setitem__((0,), 1))
attempt("g[0:1] = b", lambda: g.__setitem__(slice(0, 1), b"abcd"))
attempt("g[0:1, 0:1] = b", lambda: g.__setitem__((slice(0, 1), slice(0, 1)), b"a"))
attempt("iter g", lambda: list(g))
attempt("len g[::2]", lambda: len(g[::2]))
print(g.cast("B").tolist(), g.cast("B", [12]).shape, grid.cast("c", [2, 6])[1, 5])
i2 = memoryview(bytearray(16)).cast("i", [2, 2])
print(i2.shape, i2.strides, i2.itemsize, i2.tolist())
cube = memoryview(bytes(range(24))).cast("B", (2, 3, 4))
print(cube.shape, cube.strides, cube.tolist()[1][2], cube[1, 2, 3], cube.tobytes("F")[:6])
zero = memoryview(b"\x07\x00\x00\x00").cast("i", [])
print(zero.ndim, zero.shape, zero.strides, zero.tolist(), zero[()], zero[...] is zero, zero.nbytes)
attempt("len 0-dim", lambda: len(zero))
attempt("zero[0]", lambda: zero[0])
attempt("iter 0-dim", lambda: list(zero))
attempt("zero.cast('B')", lambda: zero.cast("B").tolist())

# Errors of cast.
m = memoryview(bytearray(b"abcdef"))
attempt("not multiple", lambda: m.cast("I"))
attempt("non-contiguous", lambda: m[::2].cast("B"))
attempt("bad format", lambda: m.cast("x"))
attempt("half float", lambda: m.cast("e"))
attempt("prefix", lambda: m.cast("<B"))
attempt("two chars", lambda: m.cast("BB"))
attempt("empty format", lambda: m.cast(""))
attempt("int format", lambda: m.cast(1))
attempt("non-byte", lambda: m[:4].cast("I").cast("H"))
attempt("shape size", lambda: m.cast("B", [7]))
attempt("shape zero", lambda: m.cast("B", [0, 6]))
attempt("shape negative", lambda: m.cast("B", [-1, -6]))
attempt("shape str", lambda: m.cast("B", ["a"]))
attempt("shape int", lambda: m.cast("B", 6))
attempt("shape ND->ND", lambda: m.cast("B", [2, 3]).cast("B", [3, 2]))
attempt("shape 65 dims", lambda: m.cast("B", [1] * 65))
attempt("empty view", lambda: memoryview(b"").cast("B", [1]))
attempt("empty view 1D", lambda: memoryview(b"").cast("i").shape)
attempt("keyword", lambda: m.cast(format="H", shape=[3]).tolist())
attempt("shape None", lambda: m.cast("B", None).shape)
print(m.cast("B", [2, 3]).readonly, memoryview(b"abcd").cast("H").readonly)
attempt("set ro cast", lambda: memoryview(b"abcd").cast("H").__setitem__(0, 1))
