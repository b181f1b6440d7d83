# UnicodeEncodeError and UnicodeDecodeError: fields stored in the exception (member
# descriptors, not the instance __dict__), CPython's argument checks and messages, the
# buffer conversion of a decoding error's object, str() forms, field stores and deletes.

FIELDS = ("encoding", "object", "start", "end", "reason")


def show(cls, *args, **kwargs):
    try:
        e = cls(*args, **kwargs)
    except Exception as err:
        print("  raises", type(err).__name__, err)
        return
    # A memoryview's repr shows its address: the args are shown without it.
    shown = repr(e) if not any(isinstance(a, memoryview) for a in e.args) else type(e).__name__
    print(" ", shown, "|", str(e), "|", vars(e))
    print("   ", [getattr(e, name) for name in FIELDS], type(e.object).__name__)


class Index:
    def __index__(self):
        return 1

    def __repr__(self):
        return "Index()"


class Text(str):
    pass


print("encode: construction")
show(UnicodeEncodeError, "ascii", "a\xe9b", 1, 2, "ordinal not in range(128)")
show(UnicodeEncodeError, "ascii", "a\u20acb", 1, 2, "bad")
show(UnicodeEncodeError, "ascii", "a\U0001f600b", 1, 2, "bad")
show(UnicodeEncodeError, "ascii", "abc", 1, 3, "several")
show(UnicodeEncodeError, "ascii", "abc", 5, 6, "past the end")
show(UnicodeEncodeError, "ascii", "abc", 2, 1, "reversed")
show(UnicodeEncodeError, "ascii", "abc", True, 2, "bool start")
show(UnicodeEncodeError, "ascii", "abc", Index(), 2, "index start")
show(UnicodeEncodeError, Text("ascii"), Text("abc"), 0, 1, Text("subclass"))
show(UnicodeEncodeError, "ascii", "abc", 0, 2**63 - 1, "huge end")
show(UnicodeEncodeError, "ascii", "abc", -2**63, 0, "smallest start")

print("encode: argument errors")
show(UnicodeEncodeError, None, "x", 1, 2, "r")
show(UnicodeEncodeError, "ascii", None, 1, 2, "r")
show(UnicodeEncodeError, "ascii", b"x", 1, 2, "r")
show(UnicodeEncodeError, "ascii", "x", None, 2, "r")
show(UnicodeEncodeError, "ascii", "x", 1.5, 2, "r")
show(UnicodeEncodeError, "ascii", "x", 2**70, 2, "r")
show(UnicodeEncodeError, "ascii", "x", 1, -2**70, "r")
show(UnicodeEncodeError, "ascii", "x", 1, 2, None)
show(UnicodeEncodeError, "ascii", "x", 1, 2, 3)
show(UnicodeEncodeError, "ascii", "x", 1, 2)
show(UnicodeEncodeError, "ascii", "x", 1, 2, "r", "extra")
show(UnicodeEncodeError)
show(UnicodeEncodeError, "ascii", "x", 1, 2, "r", encoding="x")

print("decode: construction")
show(UnicodeDecodeError, "utf-8", b"a\xffb", 1, 2, "invalid start byte")
show(UnicodeDecodeError, "utf-8", b"a\xffb", 0, 3, "several")
show(UnicodeDecodeError, "utf-8", b"abc", 3, 4, "past the end")
show(UnicodeDecodeError, "utf-8", bytearray(b"a\x80"), 1, 2, "from a bytearray")
show(UnicodeDecodeError, "utf-8", memoryview(b"xyz"), 0, 1, "from a memoryview")
show(UnicodeDecodeError, "utf-8", memoryview(b"xyzw")[1:3], 0, 1, "from a slice")
show(UnicodeDecodeError, "utf-8", b"", 0, 0, "empty")
show(UnicodeDecodeError, "utf-8", b"ab", Index(), 2, "index start")

print("decode: argument errors")
show(UnicodeDecodeError, "utf-8", "str", 1, 2, "r")
show(UnicodeDecodeError, "utf-8", None, 1, 2, "r")
show(UnicodeDecodeError, "utf-8", 5, 1, 2, "r")
show(UnicodeDecodeError, "utf-8", [1, 2], 1, 2, "r")
show(UnicodeDecodeError, "utf-8", "str", 1, 2, None)
show(UnicodeDecodeError, "utf-8", "str", "1", 2, "r")
show(UnicodeDecodeError, b"utf-8", b"x", 1, 2, "r")
show(UnicodeDecodeError, "utf-8", b"x", 2**70, 2, "r")
show(UnicodeDecodeError, "utf-8", memoryview(b"abcd")[::2], 0, 1, "r")
released = memoryview(b"ab")
released.release()
show(UnicodeDecodeError, "utf-8", released, 0, 1, "r")

print("descriptors")
for cls in (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError):
    d = cls.__dict__["start"]
    print(" ", cls.__name__, type(d).__name__, d.__name__, d.__qualname__,
          d.__objclass__.__name__, d.__doc__, repr(d))
    print("   ", [name for name in FIELDS if name in cls.__dict__])
print("  UnicodeError has fields:", [n for n in FIELDS if n in UnicodeError.__dict__])
try:
    UnicodeError("a", "b", 1, 2, "c").start
except AttributeError as err:
    print("  UnicodeError:", err)
try:
    UnicodeEncodeError.start.__get__(ValueError())
except TypeError as err:
    print("  wrong object:", err)
try:
    UnicodeDecodeError.reason.__set__(UnicodeEncodeError("a", "b", 0, 1, "c"), "x")
except TypeError as err:
    print("  wrong class:", err)

print("stores and deletes")
e = UnicodeEncodeError("ascii", "abc", 0, 1, "r")
e.start = 2
print(" ", e.start, "|", e)
for bad in ("x", 2**70, 1.5, None, Index()):
    e.start = 2
    try:
        e.start = bad
    except (TypeError, OverflowError) as err:
        print("  start =", type(bad).__name__, type(err).__name__, err, "| now", e.start)
try:
    del e.start
except TypeError as err:
    print(" ", type(err).__name__, err)
e.start, e.end = 1, 2
del e.reason
print(" ", e.reason, "|", e)
e.reason = 5
print(" ", e)
e.encoding = None
print(" ", e)
del e.encoding
print(" ", e)
del e.object
print(" ", repr(str(e)), e.object, e.args)
e.x = 1
print(" ", vars(e), e.__dict__)

print("__init__ again")
e = UnicodeEncodeError("ascii", "abc", 0, 1, "r")
try:
    e.__init__("a", 1, 4, 5, "z")
except TypeError as err:
    print(" ", err)
print(" ", [getattr(e, name) for name in FIELDS], e.args, repr(str(e)))
try:
    e.__init__("a", "b", 4, 5, None)
except TypeError as err:
    print(" ", err)
print(" ", [getattr(e, name) for name in FIELDS], e.args, repr(str(e)))
e.__init__("utf-8", "xyz", 1, 2, "again")
print(" ", [getattr(e, name) for name in FIELDS], e.args, e)
d = UnicodeDecodeError("ascii", b"ab", 0, 1, "r")
try:
    d.__init__("a", "not bytes", 7, 8, "z")
except TypeError as err:
    print(" ", err)
print(" ", [getattr(d, name) for name in FIELDS], repr(str(d)))

print("subclasses and raised errors")


class MyDecodeError(UnicodeDecodeError):
    pass


class Quiet(UnicodeEncodeError):
    def __init__(self, *args):
        pass


class Custom(UnicodeEncodeError):
    def __str__(self):
        return "custom " + self.reason


m = MyDecodeError("utf-8", b"\xff", 0, 1, "boom")
print(" ", vars(m), m, m.start, repr(m))
q = Quiet("ascii", "abc", 0, 1, "r")
print(" ", repr(str(q)), q.args, q.start, q.object, q.reason)
print(" ", Custom("ascii", "abc", 0, 1, "why"))
print(" ", repr(str(UnicodeEncodeError.__new__(UnicodeEncodeError, "a", "b", 0, 1, "c"))))
print(" ", UnicodeEncodeError.__str__(UnicodeEncodeError("ascii", "abc", 0, 1, "r")))
print(" ", BaseException.__str__(UnicodeEncodeError("ascii", "abc", 0, 1, "r")))
try:
    "caf\xe9".encode("ascii")
except UnicodeEncodeError as err:
    print(" ", vars(err), err.start, err.end, err.args, err)
try:
    b"ok\xff".decode("utf-8")
except UnicodeDecodeError as err:
    print(" ", vars(err), err.start, err.end, err.object, err)
