# __len__, __bool__ and __hash__ returning the wrong kind of value: CPython's checks.


class L:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v


class H:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


class I:
    def __index__(self):
        return 3


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for n in [3, 0, -1, True, 'x', 1.5, 2**100, I(), None]:
    t(lambda: len(L(n)))
    t(lambda: bool(L(n)))
for v in [True, False, 1, 0, None, 'yes']:
    t(lambda: bool(B(v)))
    t(lambda: 'then' if B(v) else 'else')
for h in [5, -1, -2, 2**100, 'x', 1.5, True]:
    t(lambda: hash(H(h)) == hash(h) if isinstance(h, int) else hash(H(h)))
t(lambda: {H(5): 'five'}[H(5)] if False else len({H(5), H(5)}))
