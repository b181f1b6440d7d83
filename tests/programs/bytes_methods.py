# Methods of bytes and bytearray (ASCII semantics), with their errors.


def show(label: str, f) -> None:
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


s = b"Hello, World! Hello!"
print(s.find(b"Hello"), s.find(b"Hello", 1), s.rfind(b"Hello"), s.find(b"zz"), s.find(111))
print(s.index(b"World"), s.rindex(b"l"), s.count(b"l"), s.count(b"l", 5, 12), s.count(b""))
print(s.find(b"o", -5), s.rfind(b"o", None, 10), s.find(b"", 100), s.rfind(b""))
show("index miss", lambda: s.index(b"xyz"))
show("rindex miss", lambda: s.rindex(b"xyz", 0, 3))
show("find str", lambda: s.find("H"))
show("count range", lambda: s.count(300))
print(s.startswith(b"Hell"), s.endswith(b"!"), s.startswith((b"x", b"He")), s.endswith(b"o", 0, 5))
show("startswith str", lambda: s.startswith("H"))
show("endswith list", lambda: s.endswith([b"!"]))
print(s.replace(b"Hello", b"Bye"), s.replace(b"l", b"L", 2), b"abc".replace(b"", b"-"), b"aaa".replace(b"a", b""))
show("replace str", lambda: s.replace("H", b"J"))
print(b"a,b,,c".split(b","), b"  a  b c ".split(), b"a-b-c-d".split(b"-", 2), b"a-b-c-d".rsplit(b"-", 2))
print(b" a b  c ".rsplit(None, 1), b"x".split(b"x"), b"".split(), b"".split(b","), b"a b".split(maxsplit=0))
show("split empty", lambda: b"a".split(b""))
print(b"-".join([b"a", b"b", bytearray(b"c")]), b"".join([]), bytearray(b", ").join((b"x", b"y")))
show("join str", lambda: b"".join([b"a", "b"]))
show("join int", lambda: b"-".join([1]))
print(b"  pad \t\n".strip(), b"xxhixx".strip(b"x"), b"  l".lstrip(), b"r  ".rstrip(), b"abcba".strip(b"ab"))
show("strip str", lambda: b"a".strip("a"))
print(b"MiXeD 1!".upper(), b"MiXeD 1!".lower(), b"MiXeD".swapcase(), b"hello world".capitalize(), b"hello wORLD 2x".title())
print(b"\xe9A".upper(), b"\xc9a".lower())
for t in [b"", b"123", b"abc", b"ab1", b"  \t", b"ABC", b"abc def", b"Abc Def", b"ABc", b"\xe9", b"a\x80"]:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.islower(), t.isupper(), t.istitle(), t.isascii())
print(b"key=value=x".partition(b"="), b"key=value=x".rpartition(b"="), b"abc".partition(b"z"), b"abc".rpartition(b"z"))
show("partition empty", lambda: b"a".partition(b""))
print(b"l1\nl2\r\nl3\rl4".splitlines(), b"a\nb\n".splitlines(True), b"".splitlines(), b"x\n\ny".splitlines(keepends=True))
print(b"ab".center(7), b"ab".center(6, b"*"), b"abc".center(6, b"-"), b"ab".ljust(5, b"."), b"ab".rjust(5), b"abc".center(2))
print(b"42".zfill(5), b"-42".zfill(5), b"+4".zfill(4), b"".zfill(3), b"abc".zfill(2))
show("center fill", lambda: b"a".center(5, b"xy"))
show("center fill str", lambda: b"a".center(5, "x"))
print(b"\x00\x01\xab\xff".hex(), b"\x01\xab\x03".hex(":"), b"\x01\xab\x03".hex(":", 2), b"\x01\xab\x03".hex("-", -2), b"".hex())
print(b"abcdef".hex(b" ", 3), bytearray(b"\x10\x20").hex())
show("hex sep", lambda: b"ab".hex("::"))
print(bytes.fromhex("deadBEEF"), bytes.fromhex(" 01 0a  ff "), bytearray.fromhex("00ff"), bytes.fromhex(""))
show("fromhex odd", lambda: bytes.fromhex("a"))
show("fromhex bad", lambda: bytes.fromhex("zz"))
show("fromhex space", lambda: bytes.fromhex("0 1"))
show("fromhex bytes", lambda: bytes.fromhex(b"01"))
print(b"prefix-body".removeprefix(b"prefix-"), b"body.txt".removesuffix(b".txt"), b"a\tbc\td".expandtabs(4))
ba = bytearray(b"  Mixed Case  ")
r = ba.strip().upper()
print(r, type(r).__name__, type(ba.split()[0]).__name__, type(ba.partition(b"x")[0]).__name__)
print(b"abc".decode(), b"caf\xc3\xa9".decode("utf-8"), bytearray(b"\xe9t\xe9").decode("latin-1"))
table = bytes.maketrans(b"abc", b"ABC")
print(len(table), table[97:100], b"aabbcc-x".translate(table), b"abc".translate(None, b"b"))
print(bytearray(b"cab").translate(table, delete=b"a"), bytearray.maketrans(b"x", b"y")[120])
show("maketrans len", lambda: bytes.maketrans(b"ab", b"c"))
show("translate table", lambda: b"a".translate(b"short"))
print(list(reversed(b"abc")), list(reversed(bytearray(b"xy"))), bytes(reversed(b"abc")))
print(b"abc".__eq__(b"abc"), b"abc".__eq__("abc"), bytes.__len__(b"ab"), b"a".__add__(b"b"), b"ab".__contains__(97))
print(b"x".__bytes__(), bytes.__mul__(b"ab", 2), b"%d".__mod__(5), bytearray(b"q").__getitem__(0))
print(f"{b'x'} {bytearray(b'y')!r} {b'z'!s:>8}", "%s|%r" % (b"a", bytearray(b"b")), str(b"s"), format(b"f"))


class HasBytes:
    def __bytes__(self):
        return b"from __bytes__"


class BadBytes:
    def __bytes__(self):
        return "not bytes"


print(bytes(HasBytes()), b"[%s]" % HasBytes())
show("bad __bytes__", lambda: bytes(BadBytes()))
show("bytearray of __bytes__", lambda: bytearray(HasBytes()))
