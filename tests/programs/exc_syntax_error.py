# SyntaxError, IndentationError and TabError as programs raise, catch and inspect them:
# the fields the constructor fills, str(), repr(), writable and deletable fields, and
# CPython's TypeErrors for a bad location argument.

FIELDS = ("msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset",
          "print_file_and_line")


def show(make):
    try:
        e = make()
    except Exception as err:
        print("  raises", type(err).__name__, err)
        return
    print(" ", repr(e), "|", str(e), "|", e.args, vars(e))
    print("   ", [getattr(e, name) for name in FIELDS])


print("constructors")
show(lambda: SyntaxError())
show(lambda: SyntaxError("bad"))
show(lambda: SyntaxError("bad", ("f.py", 3, 4, "x = (1 +")))
show(lambda: SyntaxError("bad", ("/src/pkg/mod.py", 3, 4, "x = (1 +", 3, 9)))
show(lambda: SyntaxError("bad", ["f.py", 3, 4, "text"]))
show(lambda: SyntaxError("bad", "abcd"))
show(lambda: SyntaxError("bad", (1, 2, 3, 4), "more"))
show(lambda: SyntaxError(1, 2, 3))
show(lambda: SyntaxError(("a", "b")))
show(lambda: SyntaxError(None, (None, None, None, None)))
show(lambda: IndentationError("unexpected indent", ("f.py", 2, 5, "    y = 2\n")))
show(lambda: TabError("inconsistent use of tabs", ("f.py", 7, 1, "\tz = 3\n", 7, 2)))

print("errors")
show(lambda: SyntaxError("bad", 5))
show(lambda: SyntaxError("bad", None))
show(lambda: SyntaxError("bad", ()))
show(lambda: SyntaxError("bad", (1,)))
show(lambda: SyntaxError("bad", (1, 2, 3)))
show(lambda: SyntaxError("bad", ("f.py", 3, 4, "t", 3)))
show(lambda: SyntaxError("bad", ("f.py", 3, 4, "t", 3, 6, 7)))
show(lambda: SyntaxError("bad", lineno=3))
show(lambda: TabError("bad", (1, 2)))

print("str forms")
for loc in [
    ("f.py", 3, None, None),
    ("f.py", None, None, None),
    (None, 3, None, None),
    (None, None, None, None),
    ("dir/sub/f.py", 12, None, None),
    ("dir/", 2, None, None),
    ("", 2, None, None),
    ("C:\\x\\f.py", 2, None, None),
    (b"f.py", 2, None, None),
    (42, 2, None, None),
    ("f.py", "3", None, None),
    ("f.py", 3.0, None, None),
    ("f.py", True, None, None),
    ("f.py", 0, None, None),
    ("f.py", -3, None, None),
    ("f.py", 2**70, None, None),
    ("f.py", -(2**70), None, None),
]:
    print(" ", loc, "->", str(SyntaxError("m", loc)))
print(" ", str(SyntaxError(5, ("f.py", 1, None, None))))
print(" ", str(SyntaxError(None, ("f.py", 1, None, None))))
print(" ", repr(str(SyntaxError("", ("f.py", 1, None, None)))))


class IntSub(int):
    pass


print(" ", str(SyntaxError("m", ("f.py", IntSub(3), None, None))))

print("fields are writable")
e = SyntaxError("m", ("f.py", 3, 4, "text"))
e.msg = "changed"
print(" ", str(e), e.args)
e.lineno = None
print(" ", str(e))
e.filename = None
print(" ", str(e))
e.lineno = 7
print(" ", str(e))
del e.lineno
print(" ", repr(e.lineno), str(e))
del e.lineno
e.text = ["anything"]
e.extra = 1
print(" ", e.text, vars(e))

print("__init__ again")
e = SyntaxError("x")
e.__init__("y", ("g.py", 2, 3, "u"))
print(" ", e.args, e.msg, str(e))
e.__init__("z")
print(" ", e.args, e.msg, str(e), e.lineno)
e.__init__()
print(" ", e.args, e.msg, str(e), e.lineno)
try:
    e.__init__("w", (1, 2))
except TypeError as err:
    print("  TypeError", err)
print(" ", e.args, e.msg, str(e), e.lineno, e.end_lineno)
e = SyntaxError("x", ("f", 1, 2, "t", 3, 4))
try:
    e.__init__("w", (1, 2, 3, 4, 5))
except TypeError as err:
    print("  TypeError", err)
print(" ", e.args, e.msg, str(e), e.lineno, e.end_lineno, e.end_offset)
e = SyntaxError("x", ("f", 1, 2, "t", 3, 4))
e.__init__("w", ("a", 1, 2, "t"))
print(" ", e.end_lineno, e.end_offset)
e = SyntaxError.__new__(SyntaxError, "a", ("f", 1, 2, "t"))
print(" ", e.args, e.msg, e.lineno, str(e))

print("classes")
for cls in (SyntaxError, IndentationError, TabError):
    print(" ", cls.__name__, [c.__name__ for c in cls.__mro__], cls.__module__, cls.__qualname__)
print(" ", issubclass(TabError, SyntaxError), issubclass(SyntaxError, ValueError))
print(" ", SyntaxError.msg, SyntaxError.lineno, type(SyntaxError.__dict__["text"]).__name__)
print(" ", SyntaxError.__dict__["msg"].__doc__, SyntaxError.__dict__["end_offset"].__doc__)
print(" ", SyntaxError.__init__, SyntaxError.__str__, TabError.__init__)
descr = SyntaxError.__dict__["offset"]
print(" ", descr.__get__(TabError("t", ("f", 1, 9, "x"))), descr.__name__)
try:
    descr.__get__(ValueError())
except TypeError as err:
    print("  TypeError", err)
try:
    descr.__set__(KeyError(), 1)
except TypeError as err:
    print("  TypeError", err)

print("raise and catch")
for cls in (SyntaxError, IndentationError, TabError):
    try:
        raise cls("oops", ("prog.py", 10, 2, "  pass\n"))
    except SyntaxError as err:
        print(" ", type(err).__name__, err, isinstance(err, Exception), err.text)
try:
    raise TabError
except IndentationError as err:
    print(" ", repr(err), str(err), err.msg)
try:
    raise IndentationError("x")
except TabError:
    print("  wrong handler")
except (KeyError, SyntaxError) as err:
    print("  tuple handler", repr(err))
