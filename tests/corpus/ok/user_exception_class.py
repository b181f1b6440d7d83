class AppError(Exception):
    pass


class ParseError(AppError):
    def __init__(self, line: int, msg: str) -> None:
        super().__init__(msg)
        self.line = line
        self.msg = msg

    def __str__(self) -> str:
        return f"line {self.line}: {self.msg}"


def parse_int(line: int, text: str) -> int:
    if not text.isdigit():
        raise ParseError(line, "not a number: " + repr(text))
    return int(text)


inputs = ["12", "7", "x1", "30", ""]
total = 0
for i, t in enumerate(inputs):
    try:
        total += parse_int(i + 1, t)
    except ParseError as e:
        print("error:", e)
        print(e.line, isinstance(e, AppError), isinstance(e, Exception))
print("total", total)

try:
    raise AppError("plain")
except ParseError:
    print("not here")
except AppError as e:
    print("app error", e, type(e).__name__)
