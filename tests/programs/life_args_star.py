# `*args` and `**kwargs`: the tuple and dict that binding packs belong to the callee's
# frame (released with its parameters); a caller's `*seq`/`**map` operands are the
# caller's, released after the call returns.


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)

    def __repr__(self):
        return "C(" + self.n + ")"


def star(*args):
    local = C("star-local")
    print("star", len(args), [a.n for a in args])


def kw(**kwargs):
    local = C("kw-local")
    print("kw", sorted(kwargs))


def both(a, *rest, key=None, **extra):
    local = C("both-local")
    print("both", a.n, len(rest), key.n if key else None, sorted(extra))


def rebind_star(*args):
    args = ()
    print("args rebound")


star(C("s1"), C("s2"))
kw(a=C("k1"), b=C("k2"))
both(C("b1"), C("b2"), C("b3"), key=C("key"), z=C("z"))
rebind_star(C("r1"), C("r2"))
print("--- unpacked at the call site")
star(*[C("u1"), C("u2")])
kw(**{"m": C("m1")})
items = (C("t1"), C("t2"))
star(*items)
print("tuple kept", len(items))
both(*items, key=C("key2"))
del items
print("end")
