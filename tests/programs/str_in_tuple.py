# `x in (...)` / `x not in (...)` with a tuple of strs: exact strs compare by text; a str
# subclass with its own `__eq__`, a tuple holding a non-str or a subclass instance, and other
# needles keep the generic containment test (identity, then `==`).


class Eq(str):
    def __eq__(self, other):
        print("Eq.__eq__", repr(str(self)), repr(other))
        return True

    __hash__ = str.__hash__


class Never:
    def __eq__(self, other):
        print("Never.__eq__", repr(other))
        return False


def member(x, t):
    return (x in t, x not in t)


ops = ("+", "-")
for x in ["+", "-", "*", "", "+-", "".join(["+"]), Eq("?"), Eq("+"), 1, None, ("+",)]:
    print(repr(x), member(x, ops))

print(member("a", ("b", Eq("z"))))
print(member("a", ("b", Never())))
print(member("a", ()))
print(member("é", ("e", "é")))
n = Never()
print(member(n, ("a", n)))
try:
    print(member(["unhashable"], ("a", "b")))
except TypeError as e:
    print(type(e).__name__, e)


def peek_in(tokens, i):
    tok = tokens[i] if i < len(tokens) else ""
    return tok in ("*", "/", "%"), tok not in ("(", ")")


print([peek_in(["1", "*", "(", "x", ")", "%"], i) for i in range(7)])
