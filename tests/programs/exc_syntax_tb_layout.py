# CPython's layout of uncaught SyntaxErrors in its edge cases, as members of one
# exception group (whose margin the location line gets, and the source and caret lines
# do not): offsets at, before and past the text, end_offset missing, smaller or past the
# end, a location over several lines, embedded newlines, indentation, no text, no
# filename, and the subclasses, which mark one character.

raise ExceptionGroup(
    "layouts",
    [
        SyntaxError("plain", ("f.py", 3, 5, "x = (1 +\n", 3, 8)),
        SyntaxError("indented", ("f.py", 3, 7, "      x = (1 +\n", 3, 10)),
        SyntaxError("no end", ("f.py", 3, 5, "x = (1 +")),
        SyntaxError("offset 0", ("f.py", 3, 0, "x = (1 +", 3, 2)),
        SyntaxError("in indentation", ("f.py", 3, 1, "    x = 1", 3, 5)),
        SyntaxError("past the end", ("f.py", 3, 50, "x = (1 +", 3, 70)),
        SyntaxError("end past the end", ("f.py", 3, 5, "x = (1 +", 3, 70)),
        SyntaxError("end before offset", ("f.py", 3, 5, "x = (1 +", 3, 3)),
        SyntaxError("several lines", ("f.py", 3, 5, "x = (1 +\n", 5, 2)),
        SyntaxError("embedded newlines", ("f.py", 3, 4, "a\nbcd\nc", 3, 6)),
        SyntaxError("no text", ("f.py", 3, 5, None, 3, 6)),
        SyntaxError("no filename", (None, 8, 2, "x = 1", 8, 3)),
        SyntaxError("tabs and wide", (b"raw", 1, 3, "\t\u65e5\u672c = 1", 1, 5)),
        IndentationError("subclass", ("g.py", 2, 3, "  x = 1\n", 2, 7)),
        TabError("deeper subclass", ("g.py", 2, 1, "\tx = 1\n", 2, 3)),
    ],
)
