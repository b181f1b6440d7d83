# bytes and bytearray: literals, constructors, indexing, slicing, operators, repr.


def show(label: str, f) -> None:
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


lits = [b"", b"abc", b'it\'s', b"say \"hi\"", b"both ' and \"", b"\x00\x01\x7f\x80\xff",
        b"\t\n\r\\", br"\n raw", b"\101\x42C", b"multi" b"part", b"""tri'ple"""]
for b in lits:
    print(repr(b), str(b), len(b), bool(b))
print(b"abc", bytearray(b"x'y"), bytearray(b"q\"q"), bytearray(b"'\""), bytearray())

show("bytes()", lambda: bytes())
show("bytes(3)", lambda: bytes(3))
show("bytes(list)", lambda: bytes([104, 105, 0, 255]))
show("bytes(range)", lambda: bytes(range(65, 70)))
show("bytes(gen)", lambda: bytes(x * 2 for x in range(5)))
show("bytes(bytes)", lambda: bytes(b"copy"))
show("bytes(bytearray)", lambda: bytes(bytearray(b"ba")))
show("bytes(str,enc)", lambda: bytes("héllo", "utf-8"))
show("bytes(kw)", lambda: bytes("hé", encoding="latin-1"))
show("bytearray(str)", lambda: bytearray("ab", "ascii"))
show("bytearray(n)", lambda: bytearray(2))
show("range err", lambda: bytes([1, 256]))
show("range err ba", lambda: bytearray([-1]))
show("neg", lambda: bytes(-1))
show("str no enc", lambda: bytes("abc"))
show("enc no str", lambda: bytes(5, "utf-8"))
show("errors only", lambda: bytes(errors="strict"))
show("None", lambda: bytes(None))
show("float", lambda: bytearray(1.5))
show("item type", lambda: bytes(["a"]))

b = b"hello world"
print(b[0], b[-1], b[4], b[1:4], b[::-1], b[::2], b[-3:], b[100:], b[2:2])
show("index", lambda: b[11])
show("index ba", lambda: bytearray(b)[-12])
ba = bytearray(b"hello")
print(ba[1], ba[1:3], ba[::-1], type(ba[1:3]).__name__, type(b[1:3]).__name__)

print(b"ab" + b"cd", b"ab" + bytearray(b"cd"), bytearray(b"ab") + b"cd")
print(b"ab" * 3, 2 * b"xy", b"ab" * 0, b"ab" * -2, bytearray(b"z") * 3)
show("concat str", lambda: b"a" + "b")
show("concat list", lambda: bytearray(b"a") + [1])
show("str + bytes", lambda: "a" + b"b")
show("mul str", lambda: b"a" * "x")

print(b"abc" == b"abc", b"abc" == bytearray(b"abc"), b"abc" != b"abd", b"a" == "a")
print(b"abc" < b"abd", b"ab" < b"abc", b"b" > b"abc", b"a" <= bytearray(b"a"))
print(sorted([b"pear", b"apple", bytearray(b"fig")]), max(b"x", b"y"), min([b"b", b"a"]))
show("lt str", lambda: b"a" < "b")
print(hash(b"abc") == hash(b"abc"), hash(b"") == hash(bytes()), {b"k": 1}[b"k"])
print(hash(b"xyz") == hash(bytes(bytearray(b"xyz"))), b"k" in {b"k", b"j"})
show("hash ba", lambda: hash(bytearray(b"x")))
show("dict ba", lambda: {bytearray(b"x"): 1})

print(98 in b"abc", b"bc" in b"abc", b"" in b"abc", bytearray(b"ca") in b"abc", 0 in b"abc")
show("in str", lambda: "a" in b"abc")
show("in range", lambda: 256 in b"abc")
print(list(b"hi"), [x for x in bytearray(b"AB")], sum(b"\x01\x02\x03"), tuple(b"ok"))
it = iter(b"xy")
print(type(it).__name__, next(it), next(it), type(iter(bytearray())).__name__)
print(isinstance(b"", bytes), isinstance(bytearray(), bytes), isinstance(bytearray(), bytearray))
print(type(b""), type(bytearray()), type(b"") is bytes, bytes.__name__, bytearray.__name__)
print(b"%d %s %r" % (1, b"x", b"y"), b"%05.1f|%-4x|%c%c" % (2.25, 255, 65, b"z"))
print(b"%(a)s-%(b)d" % {b"a": b"A", b"b": 2}, bytearray(b"%s!") % b"hi")
show("%s str", lambda: b"%s" % "x")
show("% too many", lambda: b"%d" % (1, 2))
print(b"\xe2\x82\xac".decode(), "€".encode(), str(b"ab", "ascii"), str(b"ab"))
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-2).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"),
      int.from_bytes(b"\xff\xfe", "big", signed=True), int.from_bytes([1, 2], "big"))
print((0).to_bytes(0, "big"), (5).to_bytes(), int.from_bytes(b""), (2**70).to_bytes(9, "big"))
show("too big", lambda: (256).to_bytes(1, "big"))
show("negative", lambda: (-1).to_bytes(1, "big"))
show("order", lambda: (1).to_bytes(1, "middle"))
