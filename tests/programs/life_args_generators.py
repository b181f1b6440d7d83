# Calling a generator function moves the arguments into the generator: they live until
# the generator finishes (released with its frame) or is freed without finishing.


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def gen(a, b):
    local = C("gen-local")
    yield a.n
    yield b.n
    print("gen ends")


def star_gen(*items):
    for it in items:
        yield it.n


print("--- run to the end")
for v in gen(C("g1"), C("g2")):
    print("got", v)
print("--- never started")
g = gen(C("n1"), C("n2"))
print("made")
del g
print("--- suspended and dropped")
g = gen(C("s1"), C("s2"))
print(next(g))
g = None
print("--- closed")
g = gen(C("c1"), C("c2"))
print(next(g))
g.close()
print("closed")
del g
print("--- *args generator")
print(list(star_gen(C("a1"), C("a2"), C("a3"))))
print("--- generator made and consumed inline")
print(sum(len(s) for s in gen(C("x1"), C("x22"))))
print("end")
