# Special methods the runtime calls (`__eq__`, `__hash__`, `__lt__` in a sort, key
# functions, `map`, `__getitem__`, `__call__`, `__add__`) get new references to their
# arguments: a temporary operand dies after the operation, once the method returned.


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)

    def __eq__(self, other):
        local = C("eq-local")
        return self.n == other.n

    def __hash__(self):
        return len(self.n)

    def __lt__(self, other):
        return self.n < other.n

    def __add__(self, other):
        local = C("add-local")
        return self.n + other.n

    def __getitem__(self, key):
        return self.n + key.n

    def __call__(self, arg):
        local = C("call-local")
        return self.n + "(" + arg.n + ")"


def key(c):
    local = C("key-local-" + c.n)
    return c.n


print(C("l") == C("r"))
print(C("a") + C("b"))
d = {C("k"): 1}
print(d[C("k")])
print(d.get(C("k")))
x = C("x")
print(x[C("i")])
print(x(C("arg")))
print([c.n for c in sorted([C("s2"), C("s1")], key=key)])
print(list(map(key, [C("m1")])))
print(max(C("p"), C("q"), key=key).n)
del d
print("end")
