# struct: Struct objects, the module functions' cache, pack_into/unpack_from, iter_unpack.
import struct

s = struct.Struct("<ih")
print(s.format, s.size, type(s.format).__name__, struct.Struct(b"ii").format, struct.Struct(b"ii").size)
print(s.pack(1, 2), s.unpack(b"1234ab"), s.unpack_from(b"x1234ab", 1), s.unpack_from(b"x1234ab", offset=1))
print(s.unpack_from(buffer=b"1234ab"))
print(list(s.iter_unpack(b"1234ab" * 3)))
ba = bytearray(10)
print(s.pack_into(ba, 2, -1, -2), ba)
print(s.pack_into(ba, -6, 5, 6), ba)
try:
    s.pack(1)
except struct.error as e:
    print("error", e)
try:
    s.unpack(b"")
except struct.error as e:
    print("error", e)
try:
    s.pack_into(ba, 0, 1)
except struct.error as e:
    print("error", e)
print(struct.Struct(format="q").size)

# __init__ again recompiles.
t = struct.Struct("i")
t.__init__("q")
print(t.size, t.format)


class Rec(struct.Struct):
    def __init__(self):
        super().__init__("<2sH")

    def read(self, data):
        name, n = self.unpack(data)
        return name.decode(), n


r = Rec()
print(r.size, r.format, r.read(b"ok\x05\x00"), isinstance(r, struct.Struct))

# The iterator of iter_unpack.
it = struct.iter_unpack("<h", b"123456")
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), iter(it) is it)
print(list(it), it.__length_hint__(), list(it))
try:
    type(it)()
except TypeError as e:
    print("TypeError", e)
ba = bytearray(b"\x01\x00\x02\x00")
it = struct.iter_unpack("<h", ba)
print(next(it))
ba[2] = 9
print(next(it), next(it, "done"))

# The module functions take str or bytes formats; the same Struct is reused.
for fmt in ["i", b"i", "<2h", b">Q"]:
    print(fmt, struct.calcsize(fmt), struct.pack(fmt, *([3] * (2 if "2" in str(fmt) else 1))))
struct._clearcache()
for i in range(250):
    assert struct.calcsize("%dx" % i) == i
print(struct.calcsize("i"), struct.unpack("i", struct.pack("i", 42)))
print(sorted(struct.__all__))
print(struct.unpack_from("<h", b"\x00\x01\x02", 1), struct.unpack_from("<b", bytearray(b"ab"), -1))

# A header parser.
header = struct.pack("<4sHHI", b"MOLT", 1, 2, 1024)
magic, major, minor, length = struct.unpack("<4sHHI", header)
print(magic, major, minor, length, len(header))
records = b"".join(struct.pack("<hd", i, i / 4) for i in range(5))
print([r for r in struct.iter_unpack("<hd", records)])
print(sum(x for x, _ in struct.iter_unpack("<hd", records)))
for name in ["format", "size"]:
    try:
        setattr(s, name, 1)
    except AttributeError as e:
        print("AttributeError", e)
print(s.format, s.size)


class Named(struct.Struct):
    def __init__(self, name, fmt):
        super().__init__(fmt)
        self.name = name


n = Named("pair", ">2h")
print(n.name, n.format, n.size, n.pack(1, -1), n.unpack(b"\x00\x02\xff\xfe"))
try:
    n.size = 3
except AttributeError as e:
    print("AttributeError", e)
