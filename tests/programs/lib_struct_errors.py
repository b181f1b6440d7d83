# struct: CPython's errors (struct.error messages, TypeErrors, OverflowErrors, propagation).
import struct


def attempt(label, f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
        print(label, "->", r.hex() if isinstance(r, (bytes, bytearray)) else r)
    except Exception as e:
        print(label, "!", type(e).__name__, e)


print(struct.error, struct.error.__module__, struct.error.__mro__[1], issubclass(struct.error, Exception))
print(struct.Struct, struct.Struct.__name__)

# Range errors of every integer code in every byte order.
values = [-2**64 - 1, -2**64, -2**63 - 1, -2**63, -2**32 - 1, -2**31 - 1, -2**31, -2**15 - 1,
          -129, -1, 128, 256, 2**15, 2**16, 2**31, 2**32, 2**63, 2**64 - 1, 2**64, 2**100]
for prefix in ["", "=", "<", ">", "!"]:
    for c in "bBhHiIlLqQnNP":
        fmt = prefix + c
        try:
            struct.calcsize(fmt)
        except struct.error as e:
            print(fmt, "calcsize", e)
            continue
        for v in values:
            attempt(fmt + " " + str(v), struct.pack, fmt, v)

# Arguments of the wrong type.
class Idx:
    def __index__(self):
        return 3


class BadIdx:
    def __index__(self):
        raise ValueError("bad index")


class NonIntIdx:
    def __index__(self):
        return 1.5


class BadFloat:
    def __float__(self):
        raise KeyError("bad float")


class BadBool:
    def __bool__(self):
        raise RuntimeError("bad bool")


for c in "bhiqBHIQnNP":
    for v in [1.0, "1", None, b"1", Idx(), BadIdx(), NonIntIdx(), [1]]:
        attempt("%s %s" % (c, type(v).__name__), struct.pack, c, v)
for c in "<e", "<f", "<d", "f":
    for v in ["1.0", None, BadFloat(), 2**2000, Idx(), BadIdx(), [1.0]]:
        attempt("%s %s" % (c, type(v).__name__), struct.pack, c, v)
for v in [b"", b"ab", bytearray(b"a"), "a", 97, None]:
    attempt("c %r" % (v,), struct.pack, "c", v)
for v in ["a", 1, None, [b"a"]]:
    attempt("s %r" % (v,), struct.pack, "3s", v)
    attempt("p %r" % (v,), struct.pack, "3p", v)
attempt("? BadBool", struct.pack, "?", BadBool())
attempt("e huge", struct.pack, "e", 1e300)
attempt("<f huge", struct.pack, "<f", -1e300)
attempt("f huge", struct.pack, "f", 1e300)

# Formats.
for fmt in ["y", "i!", "ii@", "2", "i3", "2 i", " <i", "\x00", "i\x00", "<n", ">P", "=N", "é",
            "10000000000000000000i", "4611686018427387904i", "9223372036854775808x",
            "99999999999999999999999s", "4611686018427387904s4611686018427387904s"]:
    attempt("calcsize %r" % fmt, struct.calcsize, fmt)
    attempt("Struct %r" % fmt, struct.Struct, fmt)
for fmt in [5, None, 1.5, bytearray(b"i"), [1]]:
    attempt("calcsize %r" % (fmt,), struct.calcsize, fmt)
    attempt("Struct %r" % (fmt,), struct.Struct, fmt)
attempt("bytes nul", struct.Struct, b"i\x00")
attempt("bytes high", struct.Struct, b"\xe9")

# Argument counts.
attempt("pack none", struct.pack)
attempt("pack few", struct.pack, "ii", 1)
attempt("pack many", struct.pack, "ii", 1, 2, 3)
attempt("pack empty", struct.pack, "", 1)
attempt("pack s", struct.pack, "3s2x", b"a", 3)
attempt("pack order", struct.pack, "bb", 1000)
attempt("pack_into none", struct.pack_into)
attempt("pack_into nobuf", struct.pack_into, "ii")
attempt("pack_into nooff", struct.pack_into, "ii", bytearray(8))
attempt("pack_into few", struct.pack_into, "ii", bytearray(8), 0, 1)
attempt("pack_into few2", struct.pack_into, "ii", b"", None, 1)

# Buffers.
attempt("unpack short", struct.unpack, "ii", b"1234567")
attempt("unpack long", struct.unpack, "ii", b"123456789")
attempt("unpack str", struct.unpack, "ii", "12345678")
attempt("unpack none", struct.unpack, "ii", None)
attempt("unpack list", struct.unpack, "b", [1])
attempt("unpack bytearray", struct.unpack, "ii", bytearray(b"\x01" * 8))
attempt("unpack 0p", struct.unpack, "0p", b"")
data = b"123456789"
for off in [0, 1, 2, 100, -1, -8, -9, -10, 2**70, -2**70, 1.0, None, Idx()]:
    attempt("unpack_from %s" % (off if not isinstance(off, Idx) else "Idx",), struct.unpack_from, "ii", data, off)
attempt("unpack_from kw", struct.unpack_from, "ii", buffer=data, offset=1)
attempt("unpack_from str", struct.unpack_from, "ii", "str", 1.0)
attempt("unpack_from neg both", struct.unpack_from, "20s", bytearray(10), -15)
attempt("unpack_from empty", struct.unpack_from, "", b"", 0)
attempt("unpack_from empty 1", struct.unpack_from, "", b"", 1)
attempt("unpack_from empty -1", struct.unpack_from, "", b"", -1)
for off in [0, 1, 2, 3, -8, -7, -10, -11, 11, 2**70, -2**70, 1.0, None, Idx()]:
    ba = bytearray(b"\xee" * 10)
    attempt("pack_into %s" % (off if not isinstance(off, Idx) else "Idx",), struct.pack_into, "ii", ba, off, 1, 2)
    print("   ", ba.hex())
attempt("pack_into bytes", struct.pack_into, "ii", bytes(10), 1, 1, 2)
attempt("pack_into str", struct.pack_into, "ii", "abc", 0, 1, 2)
attempt("pack_into neg both", struct.pack_into, "20s", bytearray(10), -15, b"")
attempt("pack_into neg far", struct.pack_into, "20s", bytearray(10), -25, b"")
ba = bytearray(b"\xee" * 10)
attempt("pack_into partial", struct.pack_into, "ii", ba, 1, 1, "x")
print("   ", ba.hex())
for n, off in [(0, 0), (0, -1), (0, 1), (1, -1)]:
    attempt("pack_into empty %d %d" % (n, off), struct.pack_into, "", bytearray(n), off)

# iter_unpack.
attempt("iter_unpack", lambda: list(struct.iter_unpack("<h", b"123456")))
attempt("iter_unpack odd", struct.iter_unpack, "h", b"12345")
attempt("iter_unpack zero", struct.iter_unpack, "", b"12345")
attempt("iter_unpack zero2", struct.iter_unpack, "0i", b"")
attempt("iter_unpack str", struct.iter_unpack, "h", "1234")
attempt("iter_unpack empty", lambda: list(struct.iter_unpack("h", b"")))

# Errors are struct.error instances with one argument.
try:
    struct.pack("h", 70000)
except struct.error as e:
    print(type(e).__name__, e.args, repr(e), isinstance(e, Exception))
