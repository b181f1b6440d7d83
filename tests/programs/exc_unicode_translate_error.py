# UnicodeTranslateError(object, start, end, reason): its fields, CPython's argument checks,
# the two forms of str() with the \x, \u and \U spellings, field stores and deletes.

FIELDS = ("object", "start", "end", "reason", "encoding")


def show(*args, **kwargs):
    try:
        e = UnicodeTranslateError(*args, **kwargs)
    except Exception as err:
        print("  raises", type(err).__name__, err)
        return
    print(" ", repr(e), "|", str(e), "|", e.args, vars(e))
    print("   ", [getattr(e, name) for name in FIELDS])


class Index:
    def __index__(self):
        return 2

    def __repr__(self):
        return "Index()"


class Text(str):
    pass


print("one character")
show("abc", 1, 2, "bad")
show("a\xe9c", 1, 2, "no mapping")
show("a\u1234c", 1, 2, "bad")
show("a\U0001f600c", 1, 2, "bad")
show("a\x7fc", 1, 2, "bad")
show("a\x00c", 1, 2, "bad")
show("a c", 1, 2, "bad")
show("a'c", 1, 2, "bad")
show("a\\c", 1, 2, "bad")
show("a\uffffc", 1, 2, "bad")
show("a\U00010000c", 1, 2, "bad")
show("abc", True, 2, "bool start")
show("abc", Index(), 3, "index start")
show(Text("abc"), 0, 1, Text("subclass"))

print("several characters")
show("abc", 1, 3, "bad")
show("abc", 0, 10, "bad")
show("abc", 5, 6, "past the end")
show("abc", 2, 1, "reversed")
show("abc", 1, 1, "empty")
show("", 0, 1, "empty object")
show("abc", 2**40, 2**40 + 1, "big")

print("argument errors")
show("abc", 1, 2)
show("abc", 1, 2, "r", 5)
show()
show(b"abc", 1, 2, "r")
show("abc", "1", 2, "r")
show("abc", 1, 2.0, "r")
show("abc", 1, 2, b"r")
show("abc", 1, 2, None)
show("abc", 2**70, 2, "r")
show("abc", 1, -(2**70), "r")
show("abc", 1, 2, "r", x=1)

print("negative start")
try:
    print(UnicodeTranslateError("abc", -1, 0, "r"))
except IndexError as err:
    print("  IndexError", err)
print(" ", UnicodeTranslateError("abc", -1, 0, "r").start)
print(" ", UnicodeTranslateError("abc", -2, 5, "r"))

print("fields")
e = UnicodeTranslateError("abc", 1, 2, "r")
for name, value in [("start", "x"), ("start", 2**70), ("start", 2.0), ("start", True),
                    ("end", False), ("object", 5), ("reason", 5), ("encoding", "utf-8")]:
    try:
        setattr(e, name, value)
        print("  set", name, repr(getattr(e, name)), type(getattr(e, name)).__name__)
    except Exception as err:
        print("  set", name, type(err).__name__, err)


class IntSub(int):
    pass


e.start = IntSub(2)
print(" ", type(e.start).__name__, e.start)
e = UnicodeTranslateError("abc", 1, 2, "r")
for name in ["start", "end", "reason", "encoding", "object"]:
    try:
        delattr(e, name)
        print("  del", name, repr(getattr(e, name)), repr(str(e)))
    except TypeError as err:
        print("  del", name, "TypeError", err)
e = UnicodeTranslateError("abc", 1, 2, "r")
e.reason = None
print(" ", e)
e.object = "x\xe9"
print(" ", e)
e.start, e.end = 0, 1
print(" ", e)
e.end = -5
print(" ", e)
e.start = -2**63
e.end = -2**63
print(" ", e)
e = UnicodeTranslateError("abc", 1, 2, "r")
e.extra = "kept apart"
print(" ", vars(e))

print("__init__ again")
t = UnicodeTranslateError("abc", 1, 2, "r")
try:
    t.__init__(b"x", 1, 2, "r")
except TypeError as err:
    print("  TypeError", err)
print(" ", repr(str(t)), t.start, t.end, t.object, t.reason, t.args)
t = UnicodeTranslateError("abc", 1, 2, "r")
try:
    t.__init__("xyz", 0, "q", "r")
except TypeError as err:
    print("  TypeError", err)
print(" ", repr(str(t)), t.start, t.end, t.object, t.reason, t.args)
t = UnicodeTranslateError.__new__(UnicodeTranslateError, "abc", 1, 2, "r")
print(" ", repr(str(t)), t.start, t.end, t.object, t.reason, t.args, repr(t))

print("class")
print(" ", [c.__name__ for c in UnicodeTranslateError.__mro__])
print(" ", UnicodeTranslateError.start, UnicodeTranslateError.__dict__["reason"].__doc__)
print(" ", UnicodeTranslateError.__init__, UnicodeTranslateError.__str__)
try:
    raise UnicodeTranslateError("\u20ac", 0, 1, "no translation")
except ValueError as err:
    print("  caught as ValueError:", type(err).__name__, err)
