# array.array as a bytes-like object: every consumer of buffers reads an array's machine
# bytes (bytes/bytearray methods, operators, struct, str(), int(), float(), %-formatting),
# and struct.pack_into writes them, as CPython's buffer protocol.
import struct
from array import array


def attempt(label, f, *args):
    try:
        print(label, "->", repr(f(*args)))
    except Exception as e:
        print(label, "!", type(e).__name__, e)


a = array("B", b"hello")
h = array("h", [1, -2, 0x4142])
l = array("B", b"l")
u = array("u", "hé")
d = array("d", [1.5, -0.25])
empty = array("i")

# constructors
attempt("bytes(a)", bytes, a)
attempt("bytes(h)", bytes, h)
attempt("bytes(u)", lambda: bytes(u))
attempt("bytes(d)", bytes, d)
attempt("bytes(empty)", bytes, empty)
attempt("bytearray(h)", bytearray, h)
attempt("array from array bytes", lambda: array("h", bytes(h)))

# join
attempt("join", lambda: b"-".join([a, h, b"x", bytearray(b"y")]))
attempt("bytearray join", lambda: bytearray(b", ").join([a, l]))
attempt("join one", lambda: b"".join([h]))
attempt("join list item", lambda: b"".join([a, [1]]))
attempt("join gen", lambda: b"+".join(array("B", [i]) for i in range(65, 70)))

# search methods with an array argument
for name in ["find", "rfind", "index", "rindex", "count", "startswith", "endswith"]:
    for recv in [b"hello world", bytearray(b"hello world")]:
        attempt(type(recv).__name__ + "." + name, getattr(recv, name), l)
attempt("find range", lambda: b"hello".find(l, 3))
attempt("index missing", lambda: b"hello".index(array("B", b"z")))
attempt("find empty array", lambda: b"hello".find(array("B")))
attempt("startswith tuple", lambda: b"hello".startswith((b"x", a)))
attempt("startswith tuple list", lambda: b"hello".startswith((b"x", [1])))
attempt("find h", lambda: bytes(h).find(array("h", [-2])))
attempt("count h", lambda: (bytes(h) * 3).count(h))

# split / replace / strip / partition / translate families
attempt("split", lambda: b"a l b l c".split(l))
attempt("split sep kw", lambda: b"hello".split(sep=a))
attempt("split maxsplit", lambda: b"hello".split(l, 1))
attempt("rsplit", lambda: b"hello".rsplit(l))
attempt("split empty", lambda: b"hello".split(array("B")))
attempt("replace", lambda: b"hello".replace(l, array("B", b"LL")))
attempt("replace bytearray", lambda: bytearray(b"hello").replace(l, b""))
attempt("strip", lambda: b"hhelloh".strip(array("B", b"h")))
attempt("lstrip", lambda: b"hhelloh".lstrip(array("B", b"h")))
attempt("rstrip", lambda: bytearray(b"hhelloh").rstrip(array("B", b"ho")))
attempt("partition", lambda: b"hello".partition(l))
attempt("partition missing", lambda: b"hello".partition(array("B", b"z")))
attempt("rpartition", lambda: b"hello".rpartition(l))
attempt("bytearray partition", lambda: bytearray(b"hello").partition(l))
attempt("partition bytearray sep", lambda: b"hello".partition(bytearray(b"l")))
attempt("removeprefix", lambda: b"hello!".removeprefix(a))
attempt("removesuffix", lambda: b"!hello".removesuffix(a))
attempt("maketrans", lambda: bytes.maketrans(array("B", b"ab"), array("B", b"xy"))[97:99])
attempt("translate", lambda: b"abc".translate(array("B", range(256))))
attempt("translate delete", lambda: b"abc".translate(None, array("B", b"b")))
attempt("center fill", lambda: b"a".center(5, array("B", b"-")))
attempt("ljust fill", lambda: b"a".ljust(5, a))

# operators
attempt("in", lambda: l in b"hello")
attempt("in bytearray", lambda: array("B", b"ell") in bytearray(b"hello"))
attempt("not in", lambda: array("B", b"z") not in b"hello")
attempt("bytes + array", lambda: b"x" + a)
attempt("bytearray + array", lambda: bytearray(b"x") + h)
attempt("array + bytes", lambda: a + b"x")
attempt("bytes.__add__", lambda: b"x".__add__(a))
ba = bytearray(b">")
ba += a
print("iadd", ba)
ba.extend(h)
print("extend", ba)
ba[0:1] = l
print("slice assign", ba)
ba[-2:] = array("B")
print("slice delete", ba)

# comparisons: bytes never equals an array, bytearray compares the bytes
attempt("bytes == array", lambda: b"hello" == a)
attempt("bytes != array", lambda: b"hello" != a)
attempt("bytearray == array", lambda: bytearray(b"hello") == a)
attempt("array == bytearray", lambda: a == bytearray(b"hello"))
attempt("bytearray != array", lambda: bytearray(b"hello") != a)
attempt("bytearray == h", lambda: bytearray(bytes(h)) == h)
attempt("bytearray == other", lambda: bytearray(b"hellp") == a)
attempt("bytearray < array", lambda: bytearray(b"hell") < a)
attempt("array > bytearray", lambda: a > bytearray(b"hell"))
attempt("bytearray >= array", lambda: bytearray(b"z") >= a)
attempt("bytes < array", lambda: b"hello" < a)
attempt("bytearray.__eq__", lambda: bytearray(b"hello").__eq__(a))
attempt("bytes.__eq__", lambda: b"hello".__eq__(a))

# numbers and text
attempt("int.from_bytes big", lambda: int.from_bytes(a, "big"))
attempt("int.from_bytes little signed", lambda: int.from_bytes(h, "little", signed=True))
attempt("int(array)", lambda: int(array("B", b" 1_2 ")))
attempt("int(bad array)", lambda: int(a))
attempt("int(array, 16)", lambda: int(array("B", b"ff"), 16))
attempt("int(bytes)", lambda: int(b"-42"))
attempt("int(bytes, 16)", lambda: int(b"ff", 16))
attempt("int(bytearray, 0)", lambda: int(bytearray(b"0x10"), 0))
attempt("int(bad bytes)", lambda: int(b"1 2"))
attempt("int(non-ascii bytes)", lambda: int(b"\xff"))
attempt("int(bytes fs)", lambda: int(b"\x1c1"))
attempt("int(str fs)", lambda: int("\x1c1"))
attempt("float(array)", lambda: float(array("B", b" 1.5 ")))
attempt("float(bad array)", lambda: float(a))
attempt("float(bytes)", lambda: float(b"-2.5e3"))
attempt("float(bytearray)", lambda: float(bytearray(b"inf")))
attempt("float(bad bytes)", lambda: float(b"x"))
attempt("float(empty bytes)", lambda: float(b""))
attempt("str(a, utf-8)", lambda: str(a, "utf-8"))
attempt("str(a, encoding=)", lambda: str(a, encoding="ascii", errors="strict"))
attempt("str(u, ascii)", lambda: str(array("B", b"ok"), "ascii"))
attempt("str(h, latin-1)", lambda: str(h, "latin-1"))
attempt("str(bad, utf-8)", lambda: str(array("B", [0xFF]), "utf-8"))
attempt("str(a)", lambda: str(a))
attempt("%s", lambda: b"<%s>" % a)
attempt("%b", lambda: b"<%b|%b>" % (a, h))
attempt("%c", lambda: b"%c" % l)
attempt("hex sep", lambda: b"ab".hex(array("B", b":")))

# struct reads an array's bytes
attempt("unpack h", lambda: struct.unpack("=hhh", h))
attempt("unpack B", lambda: struct.unpack("5s", a))
attempt("unpack d", lambda: struct.unpack("=dd", d))
attempt("unpack size", lambda: struct.unpack("=h", h))
attempt("unpack_from", lambda: struct.unpack_from("=h", h, 2))
attempt("unpack_from neg", lambda: struct.unpack_from("=h", h, -2))
attempt("unpack_from past", lambda: struct.unpack_from("=h", h, 5))
attempt("iter_unpack", lambda: list(struct.iter_unpack("=h", h)))
attempt("iter_unpack odd", lambda: list(struct.iter_unpack("=bh", array("B", range(6)))))
attempt("iter_unpack B", lambda: list(struct.iter_unpack("2s", array("B", b"abcd"))))
attempt("iter_unpack size", lambda: list(struct.iter_unpack("=h", a)))
attempt("iter_unpack list", lambda: struct.iter_unpack("=h", [1, 2]))
attempt("Struct.unpack", lambda: struct.Struct("=2h").unpack(array("i", [0x00020001])))
attempt("Struct.unpack_from", lambda: struct.Struct("=H").unpack_from(array("i", [7, 8]), 4))
attempt("Struct.iter_unpack", lambda: list(struct.Struct("=H").iter_unpack(array("H", [9, 10]))))
it = struct.iter_unpack("=h", array("h", [1, 2, 3]))
print("length_hint", it.__length_hint__(), next(it), it.__length_hint__())

# iter_unpack reads the items as they are at each step
src = array("h", [1, 2, 3])
it = struct.iter_unpack("=h", src)
print("step", next(it))
src[1] = 20
print("step", next(it), next(it))

# struct writes into an array
t = array("h", [0, 0, 0])
struct.pack_into("=hh", t, 2, 5, -6)
print("pack_into h", t)
t = array("B", b"......")
struct.pack_into("3s", t, 1, b"abc")
print("pack_into B", t, bytes(t))
t = array("d", [0.0, 0.0])
struct.pack_into("=d", t, 8, 2.75)
print("pack_into d", t)
t = array("i", [0, 0])
struct.pack_into("=h", t, 1, 0x0101)
print("pack_into straddle", t)
t = array("u", "ab")
struct.pack_into("=I", t, 4, ord("z"))
print("pack_into u", t)
struct.Struct("=h").pack_into(t, -4, 0x41)
print("Struct.pack_into neg", t)
attempt("pack_into short", lambda: struct.pack_into("=q", array("h", [1]), 0, 1))
attempt("pack_into range", lambda: struct.pack_into("=h", array("h", [1]), 0, 1 << 20))
attempt("pack_into bytes", lambda: struct.pack_into("=h", b"xx", 0, 1))
attempt("pack_into list", lambda: struct.pack_into("=h", [0, 0], 0, 1))
t = array("h", [7, 8])
try:
    struct.pack_into("=hh", t, 0, 1, "x")
except struct.error as e:
    print("pack_into error", e, t)


# a subclass is a buffer too; its tobytes override is not used
class Arr(array):
    def tobytes(self):
        return b"override"


s = Arr("B", b"sub")
attempt("subclass bytes", bytes, s)
attempt("subclass join", lambda: b"".join([s, s]))
attempt("subclass unpack", lambda: struct.unpack("3s", s))
attempt("subclass eq", lambda: bytearray(b"sub") == s)
attempt("subclass tobytes", s.tobytes)


# other objects are still refused, with CPython's messages
class NotBuf:
    pass


attempt("join obj", lambda: b"".join([NotBuf()]))
attempt("find obj", lambda: b"x".find(NotBuf()))
attempt("unpack obj", lambda: struct.unpack("b", NotBuf()))
attempt("str obj enc", lambda: str(NotBuf(), "utf-8"))
attempt("int.from_bytes list", lambda: int.from_bytes([1, 2], "big"))
for sep in [array("B", b":"), array("B", b"::"), bytearray(b":"), bytearray(b"::"), [1], None, "é", b"\xff", "-"]:
    attempt("hex sep " + type(sep).__name__, lambda: b"ab".hex(sep))

# re: patterns are str in molt; a bytes-like subject is CPython's TypeError
import re

attempt("re.search array", lambda: re.search("l", a))
attempt("re.search bytes", lambda: re.search("l", b"hello"))
attempt("re.split array", lambda: re.split("l", a))
attempt("re.fullmatch bytearray", lambda: re.compile("x").fullmatch(bytearray(b"x")))
attempt("re.compile array", lambda: re.compile(a))
attempt("re.escape int", lambda: re.escape(1))
attempt("hash array", lambda: hash(a))
attempt("set of array", lambda: {a})
attempt("dict key array", lambda: {a: 1})

# the dunder methods take arrays as the operators do
attempt("__iadd__", lambda: bytearray(b"x").__iadd__(a))
attempt("__contains__", lambda: bytearray(b"xhello").__contains__(a))
attempt("bytes.__contains__", lambda: b"xhello".__contains__(a))
attempt("__mod__", lambda: b"%s".__mod__(a))
attempt("__ne__", lambda: bytearray(b"hello").__ne__(a))
attempt("__lt__", lambda: bytearray(b"ha").__lt__(a))
attempt("bytes.__lt__", lambda: b"ha".__lt__(a))
x = bytearray(b"abc")
x[::2] = array("B", b"XY")
print("extended slice assign", x)
attempt("remove array", lambda: bytearray(b"abc").remove(a))
attempt("append array", lambda: bytearray(b"abc").append(a))


# frombytes reads a byte array's buffer, not its tobytes override; bytes() uses __bytes__
class S(array):
    def tobytes(self):
        return b"zz"

    def __bytes__(self):
        return b"BYTES"


s = S("B", b"ab")
t = array("B")
t.frombytes(s)
print("frombytes subclass", t)
attempt("bytes subclass __bytes__", lambda: bytes(s))
attempt("bytearray subclass", lambda: bytearray(s))
attempt("join subclass", lambda: b"".join([s]))
