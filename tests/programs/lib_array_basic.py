# array: construction, reprs, item checks with CPython's messages, the sequence protocol.
import array


def attempt(label, f, *args):
    try:
        print(label, "->", f(*args))
    except Exception as e:
        print(label, "!", type(e).__name__, e)


print(array.typecodes, array.ArrayType is array.array, array.array.__module__)
for tc in array.typecodes:
    a = array.array(tc)
    print(tc, repr(a), a.typecode, a.itemsize, len(a))
print(array.array("i", [1, 2]), array.array("u", "ab"), array.array("d"), array.array("f", [1.5, 0.1]))
print(str(array.array("b", (1, -2))), array.array("q", range(3)), array.array("H", iter([5, 6])))
print(array.array("i", b"abcd"), array.array("b", b"abc"), array.array("i", array.array("b", [1, 2])))
print(array.array("u", array.array("u", "xy")), array.array("f", array.array("i", [3])))

# Item range checks, for every integer typecode.
values = [-2**64 - 1, -2**63 - 1, -2**63, -2**31 - 1, -2**31, -2**15 - 1, -129, -1, 0, 127,
          128, 255, 256, 2**15, 2**16, 2**31, 2**32, 2**63, 2**64 - 1, 2**64]
for tc in "bBhHiIlLqQ":
    for v in values:
        attempt("%s %d" % (tc, v), array.array, tc, [v])
    for v in [1.0, "1", None, True]:
        attempt("%s %r" % (tc, v), array.array, tc, [v])
for tc in "fd":
    for v in [1, 2**2000, "1", None, 1e300, True, -0.0, 0.1]:
        attempt("%s %r" % (tc, v), array.array, tc, [v])
for v in ["ab", "a", 1, b"a", None, ""]:
    attempt("u %r" % (v,), array.array, "u", [v])
attempt("u str", array.array, "u", "abc")
attempt("i str", array.array, "i", "abc")
attempt("i u array", array.array, "i", array.array("u", "ab"))
attempt("i d array", array.array, "i", array.array("d", [1.0]))
attempt("bad typecode", array.array, "x")
attempt("long typecode", array.array, "xx")
attempt("int typecode", array.array, 1)
attempt("bytes odd", array.array, "i", b"abc")


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print(array.array("h", [Idx(5), Idx(-5)]), array.array("d", [Idx(2)]))

# Sequence protocol.
a = array.array("i", [1, 2, 3, 4, 5])
print(len(a), a[0], a[-1], a[1:3], a[::-1], a[::2], a[Idx(1)], 3 in a, 9 in a, "x" in a)
attempt("index 5", lambda: a[5])
attempt("index -6", lambda: a[-6])
attempt("index str", lambda: a["x"])
a[0] = 10
a[-1] = 50
print(a, list(a), [x * 2 for x in a], list(reversed(a)), sum(a), max(a))
attempt("set 5", a.__setitem__, 5, 1)
attempt("set float", a.__setitem__, 0, 1.5)
attempt("set big", a.__setitem__, 0, 2**40)
attempt("set str idx", a.__setitem__, "x", 1)
print(a)
a[1:3] = array.array("i", [7, 8, 9])
print(a)
a[::2] = array.array("i", [0, 0, 0])
print(a)
attempt("set slice list", a.__setitem__, slice(0, 1), [1])
attempt("set slice d", a.__setitem__, slice(0, 1), array.array("d", [1.0]))
attempt("set ext slice", a.__setitem__, slice(0, None, 2), array.array("i", [1]))
a[1:1] = array.array("i", [42])
print(a)
del a[0]
del a[-1]
del a[::2]
print(a)
attempt("del 10", a.__delitem__, 10)
a[:] = a
print(a, bool(a), bool(array.array("b")))

print(array.array("u", "it's"), array.array("u", 'a"b'), repr(array.array("u", "\n")))


class Signal(array.array):
    def peak(self):
        return max(self)


s = Signal("h", [3, -7, 5])
print(s, s.peak(), len(s), type(s).__name__, isinstance(s, array.array), type(s[:2]).__name__)
a = array.array("i", range(10))
for x in a:
    if x == 2:
        a.append(99)
    if len(a) > 12:
        break
print(a, a.index(99), a.index(99, -2), a[-3:])
