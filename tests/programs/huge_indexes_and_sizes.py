# Indexes, slice bounds, positions and counts far beyond any sequence (2**31, 2**32, 2**40,
# 2**62 ...), and sizes no machine can allocate: the same answers on 64-bit and on wasm32
# (where a machine word is 32 bits), MemoryError/OverflowError instead of a crash.
import array
import collections


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r)[:70])
    except Exception as e:
        print(label, "->", type(e).__name__, repr(str(e)))


BIG = [2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**32 + 1, 2**32 + 2, 2**40, 2**62, 2**63 - 1,
       2**63, 2**64, 2**64 + 1]
POSITIONS = BIG + [-x for x in BIG] + [-2**32 + 1, -2**32 - 1]

seqs = [
    ("list", lambda: [1, 2, 3]),
    ("tuple", lambda: (1, 2, 3)),
    ("str", lambda: "abc"),
    ("str-nonascii", lambda: "aé€"),
    ("bytes", lambda: b"abc"),
    ("bytearray", lambda: bytearray(b"abc")),
    ("range", lambda: range(1, 4)),
    ("array", lambda: array.array("i", [1, 2, 3])),
    ("deque", lambda: collections.deque([1, 2, 3])),
]

# Reading an item.
for name, make in seqs:
    for i in POSITIONS:
        t(f"{name}[{i}]", lambda: make()[i])

# A variable index goes through the same checks as a constant one.
lst = [1, 2, 3]
tup = (1, 2)
t("lst[2**32]", lambda: lst[2**32])
t("lst[2**32 + 1]", lambda: lst[2**32 + 1])
t("tup[2**32 + 1]", lambda: tup[2**32 + 1])
t("lst[-2**32 - 1]", lambda: lst[-2**32 - 1])
t("lst[2**32 - 2**32 + 1]", lambda: lst[2**32 - 2**32 + 1])

# Storing and deleting an item.
for name, make in [("list", lambda: [1, 2, 3]), ("bytearray", lambda: bytearray(b"abc")),
                   ("array", lambda: array.array("i", [1, 2, 3])),
                   ("deque", lambda: collections.deque([1, 2, 3]))]:
    for i in [2**32, 2**32 + 1, -2**32, -2**32 - 1, 2**40, 2**63]:
        def store():
            s = make()
            s[i] = 7
            return s
        def delete():
            s = make()
            del s[i]
            return s
        t(f"{name}[{i}] = 7", store)
        t(f"del {name}[{i}]", delete)

# Slices with huge bounds and steps.
for name, make in seqs:
    for a, b, c in [(2**32, 2**32 + 2, None), (1, 2**32 + 2, None), (None, None, 2**32 + 1),
                    (-2**32, 2**32, None), (2**32 + 1, None, -1), (None, -2**32, -1),
                    (-2**40, 2**40, 2**31), (2**63, -2**63, -2**32), (None, None, 2**64),
                    (None, None, -2**64)]:
        t(f"{name}[{a}:{b}:{c}]", lambda: make()[a:b:c])
t("range(2**40)[2**32::2**31]", lambda: range(2**40)[2**32::2**31])
t("len(range(2**40)[2**32 + 1:])", lambda: len(range(2**40)[2**32 + 1:]))
t("range(2**40)[2**32 + 3]", lambda: range(2**40)[2**32 + 3])
t("len(range(2**40))", lambda: len(range(2**40)))
t("len(range(2**63))", lambda: len(range(2**63)))
t("bool(range(2**40))", lambda: bool(range(2**40)))
t("range(2**40).__len__()", lambda: range(2**40).__len__())


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


t("len(Sized(2**40))", lambda: len(Sized(2**40)))
t("len(Sized(2**63))", lambda: len(Sized(2**63)))
t("bool(Sized(2**32))", lambda: bool(Sized(2**32)))
t("range(2**40)[-2**32]", lambda: range(2**40)[-2**32])
t("slice(None).indices(2**40)", lambda: slice(None).indices(2**40))
t("slice(2**32 + 1, None, 2).indices(2**33)", lambda: slice(2**32 + 1, None, 2).indices(2**33))
t("slice(-1, None).indices(2**32 + 5)", lambda: slice(-1, None).indices(2**32 + 5))

def setslice(make, a, b, v):
    s = make()
    s[a:b] = v
    return s

t("list[2**32:2**32+1] = [9]", lambda: setslice(lambda: [1, 2, 3], 2**32, 2**32 + 1, [9]))
t("list[-2**32:1] = [9]", lambda: setslice(lambda: [1, 2, 3], -2**32, 1, [9]))
t("bytearray[2**32:] = b'z'", lambda: setslice(lambda: bytearray(b"abc"), 2**32, None, b"z"))
t("bytearray[1:2**32+1] = b'z'", lambda: setslice(lambda: bytearray(b"abc"), 1, 2**32 + 1, b"z"))

# Positions given to methods.
for i in [2**32, 2**32 + 1, -2**32, -2**32 - 1, 2**40, -2**40]:
    def ins(i=i):
        s = [1, 2, 3]
        s.insert(i, 9)
        return s
    def bins(i=i):
        s = bytearray(b"abc")
        s.insert(i, 57)
        return s
    def pop(i=i):
        return [1, 2, 3].pop(i)
    def bpop(i=i):
        return bytearray(b"abc").pop(i)
    def dins(i=i):
        d = collections.deque([1, 2, 3])
        d.insert(i, 9)
        return d
    t(f"list.insert({i})", ins)
    t(f"bytearray.insert({i})", bins)
    t(f"list.pop({i})", pop)
    t(f"bytearray.pop({i})", bpop)
    t(f"deque.insert({i})", dins)
    t(f"list.index(2, {i})", lambda: [1, 2, 3].index(2, i))
    t(f"list.index(2, 0, {i})", lambda: [1, 2, 3].index(2, 0, i))
    t(f"tuple.index(2, {i})", lambda: (1, 2, 3).index(2, i))
    t(f"str.find('b', {i})", lambda: "abc".find("b", i))
    t(f"str.find('', {i})", lambda: "abc".find("", i))
    t(f"str.rfind('b', 0, {i})", lambda: "abc".rfind("b", 0, i))
    t(f"str.count('', {i})", lambda: "abc".count("", i))
    t(f"str.startswith('a', {i})", lambda: "abc".startswith("a", i))
    t(f"str.endswith('c', 0, {i})", lambda: "abc".endswith("c", 0, i))
    t(f"str.index('c', {i})", lambda: "abc".index("c", i))
    t(f"bytes.find(b'b', {i})", lambda: b"abc".find(b"b", i))
    t(f"bytes.find(b'', {i})", lambda: b"abc".find(b"", i))
    t(f"bytes.count(b'', {i})", lambda: b"abc".count(b"", i))
    t(f"bytes.rfind(b'b', 0, {i})", lambda: b"abc".rfind(b"b", 0, i))
    t(f"bytes.startswith(b'b', {i})", lambda: b"abc".startswith(b"b", i))
    t(f"bytearray.index(b'c', {i})", lambda: bytearray(b"abc").index(b"c", i))
    t(f"array.index(2, {i})", lambda: array.array("i", [1, 2, 3]).index(2, i))

# Counts: a count too large for a 32-bit word is "no limit", never a wrapped small count.
for n in [2**32, 2**32 + 1, 2**40, 2**63 - 1]:
    t(f"str.replace count {n}", lambda: "aaaa".replace("a", "b", n))
    t(f"bytes.replace count {n}", lambda: b"aaaa".replace(b"a", b"b", n))
    t(f"str.split maxsplit {n}", lambda: "a,b,c".split(",", n))
    t(f"str.rsplit maxsplit {n}", lambda: "a,b,c".rsplit(",", n))
    t(f"str.split() maxsplit {n}", lambda: "a b c".split(None, n))
    t(f"bytes.split maxsplit {n}", lambda: b"a,b,c".split(b",", n))
    t(f"bytes.rsplit maxsplit {n}", lambda: b"a,b,c".rsplit(b",", n))
    t(f"bytes.split() maxsplit {n}", lambda: b"a b c".split(None, n))
t("str.replace count 2**64", lambda: "aaaa".replace("a", "b", 2**64))
t("str.split maxsplit 2**64", lambda: "a,b".split(",", 2**64))

# Sizes no machine can allocate: MemoryError (or CPython's OverflowError when the size does not
# even fit a 64-bit Py_ssize_t).
sizes = [
    ("[0] * 2**40", lambda: [0] * 2**40),
    ("[0, 1] * 2**62", lambda: [0, 1] * 2**62),
    ("[0] * 2**63", lambda: [0] * 2**63),
    ("[0] * 2**64", lambda: [0] * 2**64),
    ("(0,) * 2**62", lambda: (0,) * 2**62),
    ("(0, 1) * 2**62", lambda: (0, 1) * 2**62),
    ("(0,) * 2**40", lambda: (0,) * 2**40),
    ("'ab' * 2**40", lambda: "ab" * 2**40),
    ("'é' * 2**40", lambda: "é" * 2**40),
    ("'ab' * 2**62", lambda: "ab" * 2**62),
    ("'a' * 2**63", lambda: "a" * 2**63),
    ("b'x' * 2**40", lambda: b"x" * 2**40),
    ("b'ab' * 2**62", lambda: b"ab" * 2**62),
    ("b'x' * 2**63", lambda: b"x" * 2**63),
    ("bytearray(b'x') * 2**40", lambda: bytearray(b"x") * 2**40),
    ("bytes(2**40)", lambda: bytes(2**40)),
    ("bytes(2**63)", lambda: bytes(2**63)),
    ("bytearray(2**40)", lambda: bytearray(2**40)),
    ("'x'.center(2**40)", lambda: "x".center(2**40)),
    ("'x'.center(2**40, 'é')", lambda: "x".center(2**40, "é")),
    ("'x'.center(2**63)", lambda: "x".center(2**63)),
    ("'x'.ljust(2**40)", lambda: "x".ljust(2**40)),
    ("'x'.rjust(2**62)", lambda: "x".rjust(2**62)),
    ("'x'.zfill(2**40)", lambda: "x".zfill(2**40)),
    ("'-1'.zfill(2**40)", lambda: "-1".zfill(2**40)),
    ("b'x'.center(2**40)", lambda: b"x".center(2**40)),
    ("b'x'.ljust(2**40)", lambda: b"x".ljust(2**40)),
    ("b'x'.zfill(2**40)", lambda: b"x".zfill(2**40)),
    ("(1).to_bytes(2**40, 'big')", lambda: (1).to_bytes(2**40, "big")),
    ("(1).to_bytes(2**63, 'big')", lambda: (1).to_bytes(2**63, "big")),
    ("'\\tx'.expandtabs(2**40)", lambda: "\tx".expandtabs(2**40)),
    ("'%*d' % (2**40, 1)", lambda: "%*d" % (2**40, 1)),
    ("'%-*d' % (2**40, 1)", lambda: "%-*d" % (2**40, 1)),
    ("'%2000000000000d' % 1", lambda: "%2000000000000d" % 1),
    ("'%2000000000000s' % 'a'", lambda: "%2000000000000s" % "a"),
    ("format(1, '2000000000000')", lambda: format(1, "2000000000000")),
    ("format('a', '<2000000000000')", lambda: format("a", "<2000000000000")),
    ("format(1.5, '2000000000000')", lambda: format(1.5, "2000000000000")),
    ("'{:2000000000000}'.format(1)", lambda: "{:2000000000000}".format(1)),
    ("f'{1:{2**40}}'", lambda: f"{1:{2**40}}"),
    ("format(1, '99999999999999999999')", lambda: format(1, "99999999999999999999")),
    ("list(range(2**40))", lambda: list(range(2**40))),
    ("list(range(2**62))", lambda: list(range(2**62))),
    ("tuple(range(2**40))", lambda: tuple(range(2**40))),
    ("array('b', [1]) * 2**40", lambda: array.array("b", [1]) * 2**40),
    ("array('q', [1]) * 2**61", lambda: array.array("q", [1]) * 2**61),
]
for label, f in sizes:
    t(label, f)

# The process is still healthy after those errors.
s = [1, 2, 3] * 4
t("after", lambda: (len(s), "ab" * 3, b"x".center(5), "x".zfill(4), "%5d" % 1, format(1, "4")))
t("small widths", lambda: ("%*d" % (-4, 1), "a".center(5, "é"), "\ta".expandtabs(3)))
