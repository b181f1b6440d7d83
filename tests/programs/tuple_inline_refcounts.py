# Items unpacked or indexed out of a tuple or list that held their only reference outlive
# it; the container is released exactly once, when nothing needs it any more (a `__del__`
# shows when each object dies).


class Noisy:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name

    def __del__(self):
        print("del", self.name)


def make_tuple(tag):
    return (Noisy(tag + "0"), Noisy(tag + "1"))


def make_list(tag):
    return [Noisy(tag + "0"), Noisy(tag + "1")]


def make_gen(tag):
    yield Noisy(tag + "0")
    yield Noisy(tag + "1")


def unpack_temp(make, tag):
    a, b = make(tag)
    print("unpacked", a, b)
    del a
    print("after del a")
    return b


for make, tag in [(make_tuple, "t"), (make_list, "l"), (make_gen, "g")]:
    b = unpack_temp(make, tag)
    print("got", b)
    del b
    print("--")


def unpack_kept(v):
    a, b = v
    print("unpacked", a, b)
    return a


t = make_tuple("k")
a = unpack_kept(t)
print("still in the tuple", t[0] is a)
del t
print("tuple gone, a is", a)
del a
print("--")

lst = make_list("m")
a = unpack_kept(lst)
lst.clear()
print("list cleared, a is", a)
del a
print("--")


def index_temp(make, tag):
    x = make(tag)[1]
    print("indexed", x)
    return x


x = index_temp(make_tuple, "i")
print("got", x)
del x
x = index_temp(make_list, "j")
del x
print("--")


# Unpacking in a loop over a list of pairs built once: the pairs stay alive in the list.
pairs = [make_tuple("p"), make_tuple("q")]
for u, v in pairs:
    print("pair", u, v)
del u, v
print("loop done")
del pairs
print("--")


# Failed unpacking: nothing leaks, nothing dies twice.
def bad(make, tag):
    try:
        a, b, c = make(tag)
    except ValueError as e:
        print(type(e).__name__, e)


bad(make_tuple, "x")
bad(make_list, "y")
bad(make_gen, "z")
print("--")


# Nested: the inner tuple is the only holder of its items.
def nested():
    (a, b), c = (Noisy("n0"), Noisy("n1")), Noisy("n2")
    return a, c


r = nested()
print("nested", r)
del r
print("end")


# Starred unpacking that fails, and a tuple subclass's items.
def bad_star(make, tag):
    try:
        a, b, *c, d = make(tag)
    except ValueError as e:
        print(type(e).__name__, e)


bad_star(make_tuple, "sx")
bad_star(make_list, "sy")
bad_star(make_gen, "sz")


class Pair(tuple):
    pass


a, b = Pair(make_tuple("u"))
print("subclass", a, b)
del a
del b
print("done")
