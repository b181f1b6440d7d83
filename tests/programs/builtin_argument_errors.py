# Argument errors of str, bytes and other builtins: CPython names None "None" in
# "argument ... must be str, not None", converts start/end and maxsplit before it checks
# the separator or substring, says "can only join an iterable", and checks the pattern of
# startswith/endswith even when the range is empty.

cases = [
    lambda: format(1, None),
    lambda: b"ab".decode(None),
    lambda: bytes.fromhex(None),
    lambda: (1).to_bytes(2, None),
    lambda: type(None, (), {}),
    lambda: (1j).__format__(None),
    lambda: BaseExceptionGroup(None, [ValueError()]),
    lambda: 0,
    lambda: memoryview(b"ab").cast(None),
    lambda: (1.5).__format__(None),
    lambda: float.__getformat__(None),
    lambda: str(b"a", None),
    lambda: "abc".removeprefix(None),
    lambda: "abc".replace(None, "x"),
    lambda: "abc".replace("a", None),
    lambda: str.maketrans("a", None),
    lambda: "abc".encode(None),
    lambda: "abc".encode("utf-8", None),
    lambda: "abc".find(None),
    lambda: "abc".split(None, "x"),
    lambda: "abc".split(5, "x"),
    lambda: "abc".find("a", "x"),
    lambda: "abc".count(5, "x"),
    lambda: "abc".startswith(5, "x"),
    lambda: ",".join(None),
    lambda: b"abc".find(b"a", "x"),
    lambda: b"abc".split("x", "y"),
]
for i, c in enumerate(cases):
    try:
        print(i, c())
    except Exception as e:
        print(i, type(e).__name__, e)
more = [
    lambda: b"abc".find(None, "x"),
    lambda: b"abc".count(None, "x"),
    lambda: b"abc".index(b"z", "x"),
    lambda: b",".join(None),
    lambda: b",".join(5),
    lambda: bytearray(b",").join(None),
    lambda: b",".join([b"a", bytearray(b"b")]),
    lambda: b"abcabc".find(b"c", -2),
    lambda: b"abcabc".count(99, 1, None),
    lambda: "abcabc".count("c", None, -1),
    lambda: "abc".rsplit(None, None),
    lambda: b"a b".split(None, 1),
]
for i, c in enumerate(more):
    try:
        print("m", i, c())
    except Exception as e:
        print("m", i, type(e).__name__, e)
affix = [
    lambda: "abc".startswith(5, 10),
    lambda: "abc".endswith(5, 10),
    lambda: "abc".startswith(("x", 5), 10),
    lambda: "abc".startswith(("a", 5), 0),
    lambda: "abc".startswith((), 10),
    lambda: "abc".startswith("", 3),
    lambda: "abc".startswith("", 4),
    lambda: b"abc".startswith(5, 10),
    lambda: b"abc".endswith((b"x", 5), 10),
    lambda: b"abc".ljust(5, None),
    lambda: b"abc".center(5, b"ab"),
    lambda: bytearray(b"abc").rjust(5, None),
]
for i, c in enumerate(affix):
    try:
        print("a", i, c())
    except Exception as e:
        print("a", i, type(e).__name__, e)
