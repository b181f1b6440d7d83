# struct: pack/unpack/calcsize for every code, byte order, native sizes and alignment.
import struct

CODES = "xcbB?hHiIlLqQnNefdspP"


def show(label, value):
    if isinstance(value, bytes):
        print(label, value.hex())
    else:
        print(label, value)


def attempt(label, f, *args):
    try:
        show(label, f(*args))
    except Exception as e:
        print(label, "!", type(e).__name__, e)


# Sizes of each code under each prefix (bad chars for n, N, P in standard formats).
for prefix in ["", "@", "=", "<", ">", "!"]:
    sizes = []
    for c in CODES:
        try:
            sizes.append("%s%d" % (c, struct.calcsize(prefix + c)))
        except struct.error as e:
            sizes.append("%s:%s" % (c, e))
    print(repr(prefix), " ".join(sizes))

# Native alignment: each code after a char, with a 0-count tail, with repeat counts.
for c in "hHiIlLqQnNefdP?":
    print(c, struct.calcsize("c" + c), struct.calcsize("c3" + c), struct.calcsize(c + "c"),
          struct.calcsize("c0" + c), struct.calcsize("=c" + c), struct.calcsize("ccc" + c + "c"))
for fmt in ["", "i", "ci", "ih", "iq", "qi", "0q", "c0q", "3x", "x3i", "i i", " i ", "2i 3h",
            "\ti\n", "3s", "3p", "0s", "10s2i", "<10s2i", "cP", "b0ib", "@bhiqd", "<bhiqd",
            "5000i", "4611686018427387903s4611686018427387903s", "9223372036854775807x"]:
    attempt("calcsize %r" % fmt, struct.calcsize, fmt)
print(struct.calcsize(b"ii"), struct.calcsize(b"<q"))

# Integers at their limits, in every byte order.
for prefix in "@<>!=":
    for c, lo, hi in [("b", -128, 127), ("B", 0, 255), ("h", -32768, 32767), ("H", 0, 65535),
                      ("i", -2**31, 2**31 - 1), ("I", 0, 2**32 - 1), ("q", -2**63, 2**63 - 1),
                      ("Q", 0, 2**64 - 1)]:
        for v in [lo, hi, 0, 1, -1 if lo < 0 else 2, lo // 2 + 1]:
            data = struct.pack(prefix + c, v)
            back = struct.unpack(prefix + c, data)
            print(prefix + c, v, data.hex(), back[0] == v, back)
    for c in "lL":
        for v in [0, 1, 2**31 - 1, 255]:
            data = struct.pack(prefix + c, v)
            print(prefix + c, v, data.hex(), struct.unpack(prefix + c, data))
for c in "nNP":
    for v in [0, 1, 2**63 - 1, 12345]:
        data = struct.pack(c, v)
        print(c, v, data.hex(), struct.unpack(c, data))
print(struct.pack("n", -5).hex(), struct.unpack("n", struct.pack("n", -5)))
print(struct.pack("P", -1).hex(), struct.pack("P", 2**64 - 1).hex(), struct.pack("P", -2**63).hex())
print(struct.unpack("P", bytes(range(8))), struct.unpack("nN", b"\xff" * 16))
print(struct.pack("l", -2**63).hex(), struct.pack("L", 2**64 - 1).hex())
print(struct.unpack("@l", b"\xff" * 8), struct.unpack("<l", b"\xff" * 4), struct.unpack(">L", b"\xff" * 4))

# Mixed formats.
data = struct.pack("<hIq2sc?", -2, 7, -9, b"ab", b"z", [])
show("mixed", data)
print(struct.unpack("<hIq2sc?", data))
data = struct.pack("@bhiqd", 1, 2, 3, 4, 5.5)
show("native", data)
print(struct.unpack("@bhiqd", data))
data = struct.pack(">3b2H", 1, 2, 3, 400, 500)
show("big", data)
print(struct.unpack(">3b2H", data))
print(struct.pack("x3xbx", 5).hex(), struct.unpack("x3xbx", b"\x00\x00\x00\x00\x05\x00"))

# Strings: s truncates and pads, p stores a length byte, c is one byte.
for v in [b"", b"a", b"ab", b"abc", b"abcd", bytearray(b"xy")]:
    print(repr(v), struct.pack("3s", v).hex(), struct.pack("3p", v).hex(), struct.pack("0s", v),
          struct.pack("0p", v), struct.pack("1p", v).hex())
print(struct.pack("300p", b"x" * 290)[:3].hex(), len(struct.pack("300p", b"x" * 290)))
print(struct.unpack("<cc3s3p", b"ab\x00ab\x05xy"))
print(struct.unpack("3p", b"\x00xy"), struct.unpack("1p", b"\x05"), struct.unpack("2p", b"\xffx"))
print(struct.unpack("5s0s", b"hello"), struct.pack("c", b"\xff"), struct.unpack("c", b"\x00"))

# Booleans: truthiness in, any non-zero byte out.
class Falsy:
    def __bool__(self):
        return False


for v in [0, 1, 2, -1, [], [0], "", "a", None, 0.0, 0.5, Falsy(), b"", object()]:
    print("?", type(v).__name__, struct.pack("?", v).hex(), struct.pack(">?", v).hex())
print(struct.unpack("<?3?", b"\x00\x01\x02\xff"), struct.unpack(">?", b"\x80"))


# __index__ objects for integer codes, __float__/__index__ for float codes.
class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class Flt:
    def __float__(self):
        return 2.5


for c in "bBhHiIlLqQnNP":
    print(c, struct.pack(c, Idx(7)).hex(), struct.pack(c, True).hex())
for c in "efd":
    print(c, struct.pack(c, Idx(7)).hex(), struct.pack(c, Flt()).hex(), struct.pack(c, 3).hex(),
          struct.pack(c, False).hex())
