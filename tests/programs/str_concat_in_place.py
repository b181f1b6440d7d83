# `s += t` (and `s = s + t`) on a str only the variable holds grows it in place: linear time
# for 300,000 appends, and no other reference ever sees the change.
def build(n):
    s = ""
    for i in range(n):
        s += "ab"
    return s


def build_plus(n):
    s = "x"
    for i in range(n):
        s = s + str(i % 10)
    return s


print(len(build(300_000)), build(3), build_plus(12), len(build_plus(200_000)))


def aliases():
    s = "start" + str(1)
    t = s
    s += "!"
    items = [s]
    s += "?"
    d = {s: 1}
    s += "#"
    h = hash(s)
    s += "&"
    print(t, items, d, s, hash(s) == h, hash(s) == hash("start1!?#&"))
    s += s
    print(s)
    u = "é" + str(2)
    u += "ü€"
    u += "😀x"
    print(u, len(u), u[2], u[-2], u[3:], u.encode("utf-8"))


aliases()


def in_loop_with_closure():
    s = "a" + str(0)

    def peek():
        return s

    for i in range(3):
        s += str(i)
    return s, peek()


print(in_loop_with_closure())


def gen():
    s = "g" + str(0)
    for i in range(3):
        s += str(i)
        yield s


print(list(gen()))


def on_error():
    s = "ab" + str(1)
    try:
        s += 1
    except TypeError as e:
        print("TypeError:", e, s)
    s += "c"
    return s


print(on_error())


class S(str):
    def __add__(self, other):
        return "S+" + str.__add__(self, other)


def subclass():
    s = S("sub")
    s += "x"
    return s, type(s).__name__


print(subclass())


class D:
    def __init__(self, name):
        self.name = name

    def __add__(self, other):
        print("add", self.name)
        return D(self.name + other)

    def __del__(self):
        print("del", self.name)


def release_order():
    x = D("a")
    x += "b"
    print("after", x.name)
    x = x + "c"
    print("end", x.name)


release_order()
print("done")
