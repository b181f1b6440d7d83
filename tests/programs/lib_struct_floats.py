# struct: half, single and double floats: rounding, overflow, inf, nan, signed zeros.
import math
import struct


def attempt(label, f, *args):
    try:
        r = f(*args)
        print(label, r.hex() if isinstance(r, bytes) else r)
    except Exception as e:
        print(label, "!", type(e).__name__, e)


values = [0.0, -0.0, 1.0, -1.0, 0.1, 1 / 3, 2 / 3, 65504.0, 65519.99, 65520.0, -65520.0,
          3.4028235e38, 3.4028236e38, 3.40282357e38, 1e39, 1e300, -1e300, 5e-8, 6e-8, 2.98e-8,
          2.99e-8, 2.9802322387695312e-08, 8.940696716308594e-08, 1e-46, 1.401298464324817e-45,
          7e-46, 5e-324, 1.5, 2049.0, 2051.0, 4097.0, 6.103515625e-05, 6.1e-05, 1.0009765625,
          1.00048828125, 1.00146484375, math.pi, -math.e, 1e10, 123456789.0,
          math.inf, -math.inf]
for prefix in "@<>":
    for c in "efd":
        for v in values:
            attempt("%s%s %r" % (prefix, c, v), struct.pack, prefix + c, v)

# Round trips through each width.
for c in "<e", "<f", "<d", ">e", ">f", ">d":
    out = []
    for v in values:
        try:
            out.append(repr(struct.unpack(c, struct.pack(c, v))[0]))
        except OverflowError:
            out.append("overflow")
    print(c, " ".join(out))

# nan: packed as the quiet nan with its sign; unpacked nans are nans.
nan = float("nan")
for c in ["<e", ">e", "<f", ">f", "<d", ">d", "e", "f", "d"]:
    print(c, struct.pack(c, nan).hex(), struct.pack(c, -nan).hex(), struct.pack(c, math.inf).hex())
for c, data in [("<e", b"\x00\x7e"), ("<e", b"\x01\x7c"), ("<e", b"\x00\xfe"),
                ("<f", b"\x00\x00\xc0\x7f"), ("<f", b"\x00\x00\xc0\xff"), ("<d", b"\x00" * 6 + b"\xf8\x7f"),
                ("<d", b"\x00" * 6 + b"\xf8\xff")]:
    x = struct.unpack(c, data)[0]
    print(c, data.hex(), math.isnan(x), math.copysign(1.0, x))

# Every half: unpack, then pack again gives the same bits (except nans).
same = 0
for h in range(65536):
    data = struct.pack("<H", h)
    x = struct.unpack("<e", data)[0]
    if math.isnan(x):
        continue
    if struct.pack("<e", x) == data:
        same += 1
print("halves", same)
print(struct.unpack("<e", b"\x01\x00"), struct.unpack("<e", b"\xff\x7b"), struct.unpack("<e", b"\x00\x04"),
      struct.unpack("<e", b"\xff\x03"), struct.unpack(">e", b"\x3c\x00"))
print(struct.unpack("<f", b"\x01\x00\x00\x00"), struct.unpack("<f", b"\xff\xff\x7f\x7f"))

# Midpoints between neighbouring halves round to even.
for h in [0, 1, 2, 1023, 1024, 1025, 15360, 15361, 31742]:
    a = struct.unpack("<e", struct.pack("<H", h))[0]
    b = struct.unpack("<e", struct.pack("<H", h + 1))[0]
    mid = (a + b) / 2
    print(h, struct.pack("<e", mid).hex(), struct.pack("<e", math.nextafter(mid, 0)).hex(),
          struct.pack("<e", math.nextafter(mid, 1e9)).hex())

# Ints and big ints as floats.
attempt("e int", struct.pack, "<e", 70000)
attempt("f int", struct.pack, "<f", 2**200)
attempt("native f int", struct.pack, "f", 2**200)
attempt("d bigint", struct.pack, "<d", 2**1024)
attempt("d bigint ok", struct.pack, "<d", 2**1023)
attempt("native e int", struct.pack, "e", 70000)
attempt(">e bool", struct.pack, ">e", True)
attempt(">f int", struct.pack, ">f", -2**130)
attempt("<f int ok", struct.pack, "<f", 2**127)
