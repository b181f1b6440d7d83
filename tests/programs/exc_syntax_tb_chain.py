# Uncaught SyntaxErrors in a chain of contexts and causes: each keeps CPython's layout,
# a location CPython cannot read (lineno None, a float offset, an end_lineno that is not
# an int) prints `str(e)` instead, a subclass's __str__ is not used (msg is), notes follow
# the last line, and any exception with a `print_file_and_line` attribute gets the layout.


class Located(Exception):
    print_file_and_line = None
    msg = "located"
    filename = "located.py"
    lineno = 4
    offset = 3
    text = "  abc"


class Custom(SyntaxError):
    def __str__(self):
        return "custom str is not shown"


def steps():
    yield SyntaxError("outermost", ("o.py", 9, 3, "  call(", 9, 8))
    yield Located("x")
    yield SyntaxError("no line", ("f.py", None, 5, "x = 1", 3, 6))
    yield SyntaxError("float offset", ("f.py", 3, 2.0, "x = 1", 3, 6))
    yield SyntaxError("str end", ("f.py", 3, 2, "x = 1", "3", 6))
    yield IndentationError("str end ignored", ("f.py", 3, 2, "x = 1", "3", 6))
    yield Custom("custom", ("c.py", 1, 1, "abc", 1, 3))
    yield SyntaxError()
    yield SyntaxError(None, ("n.py", 1, 1, "abc"))
    yield SyntaxError("", ("e.py", 1, 1, "abc"))
    noted = SyntaxError("noted", ("n.py", 2, 2, "xyz", 2, 4))
    noted.add_note("a note on a SyntaxError")
    yield noted


def chain(errors):
    try:
        error = next(errors)
    except StopIteration:
        return
    try:
        chain(errors)
    finally:
        raise error


try:
    chain(steps())
except SyntaxError as e:
    raise SyntaxError("direct cause", ("cause.py", 1, 1, "raise from", 1, 6)) from e
