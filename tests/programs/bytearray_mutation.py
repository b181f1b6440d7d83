# bytearray mutation: item and slice assignment, del, the list-like methods, += and *=.


def show(label: str, f) -> None:
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


ba = bytearray(b"hello")
ba[0] = 72
ba[-1] = ord("O")
print(ba, len(ba))
ba[1:3] = b"EY"
print(ba)
ba[1:3] = b"abcdef"
print(ba)
ba[2:5] = []
print(ba)
ba[::2] = b"xyz"[: len(ba[::2])]
print(ba)
ba[0:0] = bytearray(b">>")
print(ba)
ba[len(ba):] = [33, 63]
print(ba)
del ba[0]
del ba[-1]
print(ba)
del ba[::2]
print(ba)
del ba[:]
print(ba, len(ba))

ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba.extend([103, 104])
ba.extend(bytearray(b"i"))
ba.extend(x for x in range(106, 108))
ba.insert(0, 64)
ba.insert(-1, 95)
ba.insert(100, 33)
print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord("c"))
print(ba)
ba.reverse()
print(ba)
c = ba.copy()
c.append(49)
print(ba, c, c is ba)
ba.clear()
print(ba)

ba = bytearray(b"ab")
alias = ba
ba += b"cd"
ba += bytearray(b"e")
print(ba, alias is ba)
ba *= 2
print(ba, alias is ba)
b = b"ab"
b2 = b
b += b"cd"
print(b, b2, b is b2)

ba = bytearray(b"abc")


def setitem(k, v):
    def f():
        ba[k] = v
        return ba
    return f


def delitem(k):
    def f():
        del ba[k]
        return ba
    return f


show("set 256", setitem(0, 256))
show("set str", setitem(0, "a"))
show("set range", setitem(5, 1))
show("set key", setitem("k", 1))
show("del range", delitem(5))
show("ext slice", setitem(slice(None, None, 2), b"x"))
show("slice int", setitem(slice(0, 1), 5))
show("slice str", setitem(slice(0, 1), "ab"))
show("slice bad item", setitem(slice(0, 1), [1, 300]))
show("pop empty", lambda: bytearray().pop())
show("pop range", lambda: bytearray(b"a").pop(5))
show("remove miss", lambda: bytearray(b"a").remove(5))
show("remove range", lambda: bytearray(b"a").remove(500))
show("extend str", lambda: bytearray(b"a").extend("ab"))
show("extend int", lambda: bytearray(b"a").extend(5))
show("extend range", lambda: bytearray(b"a").extend([1, 300]))
show("append str", lambda: bytearray(b"a").append("a"))
show("insert range", lambda: bytearray(b"a").insert(0, 999))
show("iadd list", lambda: bytearray(b"a").__iadd__([1]))


def bytes_set():
    x = b"abc"
    x[0] = 1


def bytes_del():
    x = b"abc"
    del x[0]


def ba_iadd_list():
    x = bytearray(b"abc")
    x += [1]


show("bytes set", bytes_set)
show("bytes del", bytes_del)
show("ba += list", ba_iadd_list)
