# memoryview: the export lock of bytearray (resizing while a view exists raises
# BufferError until the view is released or freed) and the consumers of buffers.
import struct


def attempt(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "!", type(e).__name__, e)


ba = bytearray(b"abcdef")
m = memoryview(ba)


def iadd():
    global ba
    ba += b"x"


def iadd_empty():
    global ba
    ba += b""


def imul(n):
    def f():
        global ba
        ba *= n
    return f


def delete(key):
    def f():
        del ba[key]
    return f


def assign(key, value):
    def f():
        ba[key] = value
    return f


attempt("append", lambda: ba.append(1))
attempt("append bad", lambda: ba.append(300))
attempt("extend", lambda: ba.extend(b"xy"))
attempt("extend list", lambda: ba.extend([1, 2]))
attempt("extend empty", lambda: ba.extend([]))
attempt("extend empty bytes", lambda: ba.extend(b""))
attempt("extend str item", lambda: ba.extend(["x"]))
attempt("insert", lambda: ba.insert(0, 1))
attempt("insert bad", lambda: ba.insert(0, 300))
attempt("pop", lambda: ba.pop())
attempt("pop 10", lambda: ba.pop(10))
attempt("remove", lambda: ba.remove(ord("a")))
attempt("remove missing", lambda: ba.remove(ord("z")))
attempt("clear", lambda: ba.clear())
attempt("+=", iadd)
attempt("+= empty", iadd_empty)
attempt("*= 2", imul(2))
attempt("*= 1", imul(1))
attempt("*= 0", imul(0))
attempt("del [0]", delete(0))
attempt("del [10]", delete(10))
attempt("del [1:3]", delete(slice(1, 3)))
attempt("del [1:1]", delete(slice(1, 1)))
attempt("del [::2]", delete(slice(None, None, 2)))
attempt("del [10:20:2]", delete(slice(10, 20, 2)))
attempt("set [0:2] same", assign(slice(0, 2), b"AB"))
attempt("set [0:2] longer", assign(slice(0, 2), b"ABC"))
attempt("set [0:2] shorter", assign(slice(0, 2), b"A"))
attempt("set [::2] same", assign(slice(None, None, 2), b"123"))
attempt("set [0]", assign(0, 65))
attempt("reverse", lambda: ba.reverse())
print(ba, m.tobytes())

# A second view, views of views and slices all hold the lock.
m2 = memoryview(m)
s = m[1:3]
m.release()
attempt("after m.release", lambda: ba.append(1))
m2.release()
attempt("after m2.release", lambda: ba.append(1))
del s
attempt("after del s", lambda: ba.append(1))
with memoryview(ba) as w:
    attempt("inside with", lambda: ba.append(2))
attempt("after with", lambda: ba.append(3))
c = memoryview(ba).cast("B", [1, len(ba)])
attempt("cast holds", lambda: ba.append(4))
del c
attempt("freed cast", lambda: ba.append(5))
ro = memoryview(ba).toreadonly()
attempt("toreadonly holds", lambda: ba.pop())
ro.release()
attempt("released toreadonly", lambda: ba.pop())


def scoped():
    v = memoryview(ba)
    return v[0]


print(scoped())
attempt("after function", lambda: ba.append(6))
print(ba)

# Consumers of views.
src = memoryview(b"hello world")
odd = src[::2]
print(bytes(src), bytearray(src), bytes(odd), bytearray(odd), bytes(src[::-1]))
print(b"".join([src[:5], b"-", src[6:]]), b",".join([src[0:1], bytearray(b"x")]))
print(b"<" + src[:5], bytearray(b"<") + src[6:], src[:5] == b"hello")
attempt("bytes + stepped", lambda: b"x" + odd)
attempt("join stepped", lambda: b"".join([odd]))
acc = bytearray(b"acc:")
acc += src[:5]
print(acc)
acc.extend(src[5:])
print(acc)
print(b"hello world".find(src[6:]), b"hello".startswith(src[:2]), b"hello".endswith(src[3:5]))
print(b"hello".count(memoryview(b"l")), b"a,b".split(memoryview(b",")), src[:5] in b"ahello")
print(b"hello world".replace(src[:5], b"HELLO"), bytearray(b"xhellox").strip(memoryview(b"x")))
attempt("find stepped", lambda: b"abc".find(odd))
attempt("in stepped", lambda: odd in b"abc")
print(str(src, "utf-8"), str(src[:5], encoding="ascii"), src.tobytes().decode())
attempt("str stepped", lambda: str(odd, "utf-8"))
print(int.from_bytes(memoryview(b"\x01\x02"), "big"), int.from_bytes(memoryview(b"\x01\x02\x03")[::2], "little"))
print(int.from_bytes(memoryview(b"\x01\x00\x00\x00").cast("i"), "little"))
print(struct.unpack("<HH", memoryview(b"\x01\x00\x02\x00")), struct.unpack_from("<H", memoryview(b"\x00\x05\x00"), 1))
print(struct.unpack("<I", memoryview(b"\x01\x00\x00\x00").cast("I")))
attempt("unpack stepped", lambda: struct.unpack("3B", memoryview(b"abcdef")[::2]))
target = bytearray(8)
tv = memoryview(target)
struct.pack_into("<I", tv, 2, 0x01020304)
print(target)
struct.pack_into("<H", tv[4:], 2, 0xFFFF)
print(target)
attempt("pack_into readonly", lambda: struct.pack_into("<H", memoryview(b"abcd"), 0, 1))
attempt("pack_into too small", lambda: struct.pack_into("<I", tv[:2], 0, 1))
attempt("pack_into stepped", lambda: struct.pack_into("<B", tv[::2], 0, 1))
print(list(struct.iter_unpack("<H", memoryview(b"\x01\x00\x02\x00"))))
print(bytes(memoryview(bytearray(b"abc"))[1:]), bytearray(memoryview(b"")), bytes(memoryview(b"q").cast("c")))

# Numbers, %-formatting and arrays read views too.
num = memoryview(b" 42 ")
print(int(num), float(num), int(memoryview(b"7")), float(memoryview(b"1e3")))
attempt("int stepped", lambda: int(memoryview(b"1x2")[::2]))
attempt("float stepped", lambda: float(memoryview(b"1x2")[::2]))
attempt("int bad", lambda: int(memoryview(b"4x")))
try:
    float(memoryview(b"4x"))
except ValueError as e:
    print("float bad", str(e).startswith("could not convert string to float: <memory at 0x"))
print(b"%b|%s" % (memoryview(b"ab"), memoryview(b"1x2")[::2]), b"[%b]" % memoryview(b""))
import array
arr = array.array("b")
arr.frombytes(memoryview(b"\x01\x02"))
attempt("frombytes int view", lambda: arr.frombytes(memoryview(b"\x03\x00\x00\x00").cast("i")))
arr.frombytes(memoryview(b"\x03\x00").cast("c"))
print(arr, array.array("B", memoryview(b"xy")), array.array("h", memoryview(b"\x01\x00\x02\x00").cast("h")))
attempt("frombytes stepped", lambda: arr.frombytes(memoryview(b"abcd")[::2]))
gone = memoryview(b"zz")
gone.release()
attempt("frombytes released", lambda: arr.frombytes(gone))
attempt("join released", lambda: b"".join([gone]))
attempt("+ released", lambda: b"a" + gone)
attempt("find released", lambda: b"a".find(gone))
attempt("str released", lambda: str(gone, "ascii"))
attempt("unpack released", lambda: struct.unpack("2B", gone))
attempt("iter_unpack stepped", lambda: list(struct.iter_unpack("B", memoryview(b"abcd")[::2])))
for label, f in [("int", int), ("float", float), ("bytes", bytes), ("bytearray", bytearray),
                 ("from_bytes", lambda x: int.from_bytes(x, "big")), ("%b", lambda x: b"%b" % x),
                 ("in", lambda x: x in b"zz"), ("extend", bytearray().extend),
                 ("count", b"zz".count), ("startswith", b"zz".startswith), ("iadd", bytearray().__iadd__),
                 ("split", b"zz".split), ("pack_into", lambda x: struct.pack_into("B", x, 0, 1)),
                 ("unpack_from", lambda x: struct.unpack_from("B", x)), ("list", list),
                 ("memoryview", memoryview), ("array", lambda x: array.array("b", x)),
                 ("eq", lambda x: x == b"zz")]:
    attempt("released " + label, lambda: f(gone))
sink = bytearray(b"012345")
sink[0:2] = memoryview(b"abcd")[::2]
sink[2:4] = memoryview(b"\x01\x00\x02\x00").cast("H")[:1]
print(sink)
sink[::3] = memoryview(b"XY")
print(sink)
attempt("slice from released", lambda: sink.__setitem__(slice(0, 1), gone))
attempt("extended slice from released", lambda: sink.__setitem__(slice(0, 4, 2), gone))
order = memoryview(b"b")
print(bytearray(b"a") < order, order > bytearray(b"a"), bytearray(b"b") >= order, bytearray(b"ba") == odd[:0])
attempt("bytearray <= stepped", lambda: bytearray(b"a") <= memoryview(b"bxa")[::2])
print(bytearray(b"ba") == memoryview(b"bxa")[::2], memoryview(b"bxa")[::2] == bytearray(b"ba"))
attempt("bytes < view", lambda: b"a" < order)
attempt("decode error", lambda: str(memoryview(b"ab\xff"), "utf-8"))
