# array: operators, comparisons and methods, with CPython's errors.
import array
import copy


def attempt(label, f, *args):
    try:
        print(label, "->", f(*args))
    except Exception as e:
        print(label, "!", type(e).__name__, e)


a = array.array("h", [1, 2, 3])
b = array.array("h", [4, 5])
print(a + b, a * 2, 2 * a, a * 0, a * -1, b * 3)
attempt("add list", lambda: a + [1])
attempt("add d", lambda: a + array.array("d"))
attempt("mul str", lambda: a * "x")
attempt("mul float", lambda: a * 1.5)
attempt("mul none", lambda: a * None)


class Twice:
    def __rmul__(self, other):
        return "Twice.__rmul__"

    def __radd__(self, other):
        return "Twice.__radd__"


print(a * Twice(), a + Twice())
u = array.array("u", "hé")
print(u.tobytes().hex(), array.array("u", u.tobytes()))
c = array.array("h", [9])
c += b
print(c)
c *= 2
print(c)
attempt("iadd list", c.__iadd__, [1])
attempt("iadd d", c.__iadd__, array.array("d", [1.0]))

# Comparisons: item by item, across typecodes.
for x, y in [([1, 2], [1, 2]), ([1, 2], [1, 3]), ([1], [1, 0]), ([], []), ([2], [1, 5])]:
    p = array.array("i", x)
    q = array.array("d", y)
    print(x, y, p == q, p != q, p < q, p <= q, p > q, p >= q)
print(array.array("d", [float("nan")]) == array.array("d", [float("nan")]))
print(a == [1, 2, 3], a != (1, 2, 3))

# Methods.
a = array.array("i", [3, 1, 4, 1, 5])
a.append(9)
a.extend([2, 6])
a.extend(array.array("i", [5]))
a.insert(0, 7)
a.insert(-1, 8)
a.insert(100, 0)
print(a, a.count(1), a.count(10), a.index(1), a.index(1, 3), a.index(5, -4))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
a.reverse()
print(a, a.tolist())
attempt("pop empty", array.array("i").pop)
attempt("pop range", a.pop, 100)
attempt("remove", a.remove, 99)
attempt("index", a.index, 99)
attempt("index range", a.index, 3, 0, 1)
attempt("insert str", a.insert, "x", 1)
attempt("extend str", a.extend, "ab")
attempt("extend d", a.extend, array.array("d", [1.0]))
attempt("append big", a.append, 2**40)
attempt("fromlist tuple", a.fromlist, (1,))
attempt("fromlist bad", a.fromlist, [1, "x"])
a.fromlist([11, 12])
print(a)
attempt("extend partial", a.extend, [13, "y", 14])
print(a)

# Bytes.
for tc, items in [("b", [1, -1]), ("B", [1, 255]), ("h", [1, -2]), ("H", [513]), ("i", [-1, 7]),
                  ("I", [2**32 - 1]), ("l", [-5]), ("L", [2**64 - 1]), ("q", [-2**63]),
                  ("Q", [2**64 - 1]), ("f", [1.5, 0.1]), ("d", [0.1]), ("u", "\U00010000")]:
    x = array.array(tc, items)
    data = x.tobytes()
    y = array.array(tc)
    y.frombytes(data)
    x.byteswap()
    print(tc, data.hex(), y, y == array.array(tc, items), x.tobytes().hex())
attempt("frombytes odd", array.array("i").frombytes, b"abc")
attempt("frombytes str", array.array("i").frombytes, "abc")
z = array.array("i")
z.frombytes(bytearray(b"\x01\x00\x00\x00"))
print(z)

# Unicode arrays.
u = array.array("u", "hello")
u.fromunicode(" world")
print(u, u.tounicode(), u[0], u[1:3], len(u), "o" in u, u.count("l"), u.index("w"))
u[0] = "H"
u.append("!")
print(u.tounicode())
attempt("tounicode i", array.array("i").tounicode)
attempt("fromunicode i", array.array("i").fromunicode, "x")
attempt("fromunicode bytes", u.fromunicode, b"x")
attempt("set u int", u.__setitem__, 0, 1)

# Copies.
a = array.array("d", [1.0, 2.5])
b = copy.copy(a)
c = copy.deepcopy(a)
b[0] = 9.0
print(a, b, c, a is b, a == c, type(b) is array.array)
print(array.array("f", [1e300, -1e300, 3.4028235e38, 0.1])[0:4])

# Arrays as buffers.
a = array.array("h", [1, -2, 300])
print(bytes(a).hex(), bytearray(a).hex(), bytes(array.array("B", [1, 2])))
b = array.array("b")
b.frombytes(array.array("B", [255, 2]))
print(b)
attempt("frombytes h array", b.frombytes, array.array("h", [258]))
