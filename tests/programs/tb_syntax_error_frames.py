# The full traceback of an uncaught SyntaxError raised two calls deep: the frames, then
# CPython's location lines (file, source text without its indentation, carets from offset
# to end_offset), then `SyntaxError: msg`.


class Source:
    def __init__(self, name, text):
        self.name = name
        self.lines = text.splitlines(keepends=True)

    def check(self):
        for number, line in enumerate(self.lines, 1):
            self.check_line(number, line)

    def check_line(self, number, line):
        start = line.find("((")
        if start >= 0:
            raise SyntaxError(
                "doubled parenthesis",
                (self.name, number, start + 1, line, number, start + 3),
            )


Source("ok.py", "x = (1)\n").check()
Source("scripts/broken.py", "def f():\n        return ((2)\n").check()
