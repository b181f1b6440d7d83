# Exception args, str and repr for 0, 1 and several arguments.
for e in (ValueError(), ValueError("one"), ValueError("one", 2), KeyError("k"),
          KeyError(), KeyError(1, 2), IndexError(3), Exception(None)):
    print(repr(str(e)), repr(e), e.args)


class Plain(Exception):
    pass


print(repr(Plain()), repr(Plain("x")), str(Plain("x", 1)))
e = Plain("a")
e.args = ("b", "c")
print(e.args, str(e))
e.args = [1]
print(e.args, repr(e))
try:
    raise TypeError("bad", 42)
except TypeError as t:
    print(t.args[1], t)
