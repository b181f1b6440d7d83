# str.encode / bytes.decode: utf-8, ascii, latin-1 and their aliases, the error handlers,
# UnicodeEncodeError / UnicodeDecodeError (messages and attributes), unknown names.


def show(label: str, f) -> None:
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


text = "aé€😀"
for enc in ["utf-8", "UTF-8", "utf8", "U8", "ascii", "US-ASCII", "latin-1", "latin1", "iso-8859-1", "ISO8859-1", "l1", "Latin_1"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        show(enc + "/" + errors, lambda: text.encode(enc, errors))
print("abc".encode(), "".encode("ascii"), "é".encode(encoding="latin-1"), "é".encode(errors="strict"))
show("encode run", lambda: "ab€😀c".encode("latin-1"))
show("encode one", lambda: "abé".encode("ascii"))
show("encode bad handler ok", lambda: "abc".encode("ascii", "bogus"))
show("encode bad handler", lambda: "é".encode("ascii", "bogus"))
show("encode unknown", lambda: "a".encode("no-such-codec"))
show("encode type", lambda: "a".encode(1))
show("surrogateescape", lambda: "é".encode("ascii", "surrogateescape"))

data = [b"plain", b"caf\xc3\xa9", b"\xff", b"a\x80b", b"\xc3\x28", b"\xe2\x82", b"a\xe2\x82z",
        b"\xf0\x9f\x98", b"\xed\xa0\x80", b"\xc0\x80", b"a\xf0\x9f\x98\x80\xf0z\xff"]
for d in data:
    for enc in ["utf-8", "ascii", "latin-1"]:
        for errors in ["strict", "ignore", "replace", "backslashreplace"]:
            show(repr(d) + " " + enc + "/" + errors, lambda: d.decode(enc, errors))
show("decode unknown", lambda: b"a".decode("foo"))
show("decode bad handler", lambda: b"\x80".decode("ascii", "bogus"))
show("decode xmlchar", lambda: b"\x80".decode("ascii", "xmlcharrefreplace"))
show("decode type", lambda: b"x".decode(1))
show("str() decode", lambda: str(b"\xff", "utf-8"))
show("str() decode ok", lambda: str(bytearray(b"\xc3\xa9"), encoding="utf-8"))

try:
    "xé".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e.encoding, repr(e.object), e.start, e.end, e.reason)
    print(repr(e), e.args, isinstance(e, UnicodeError), isinstance(e, ValueError))
try:
    bytearray(b"ok\xff").decode()
except UnicodeError as e:
    print(type(e).__name__, e.encoding, repr(e.object), e.start, e.end, e.reason)
    print(repr(e), str(e))
e = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 2, "custom")
print(str(e), e.object, e.end)
e = UnicodeEncodeError("ascii", "ab", 1, 2, "nope")
print(str(e), e.start)
show("ctor args", lambda: UnicodeDecodeError("utf-8"))
try:
    raise UnicodeDecodeError("ascii", b"\x80", 0, 1, "ordinal not in range(128)")
except ValueError as e:
    print("caught", e)
