# The default repr/str, __repr__ without __str__, and __str__ without __repr__.
class Plain:
    pass


class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"


class OnlyStr:
    def __str__(self):
        return "just str"


p = Plain()
print(repr(p).startswith("<__main__.Plain object at 0x"), str(p) == repr(p))
print(repr(OnlyRepr()), str(OnlyRepr()), f"{OnlyRepr()}", [OnlyRepr()])
print(str(OnlyStr()), repr(OnlyStr()).startswith("<__main__.OnlyStr object"))
print(f"{OnlyStr()!r}".startswith("<__main__"), f"{OnlyStr()!s}", [OnlyStr()][0])
print(object.__repr__(OnlyRepr()).startswith("<__main__.OnlyRepr object at 0x"))
print(repr(Plain).startswith("<class '__main__.Plain'>"), str(Plain))


class BadRepr:
    def __repr__(self):
        return 5


try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
