def evaluate(expr: str) -> int:
    return eval(expr)  # error: unsupported-builtin


def raw(text: str) -> object:
    return dir(text)  # error: unsupported-builtin


class Config:
    loader = compile  # error: unsupported-builtin
    name = "cfg"
    title = name


def open(path: str) -> str:
    return "contents of " + path


print(open("a.txt"))
print(evaluate("1 + 2"), raw("x"))
handle = breakpoint  # error: unsupported-builtin
print(vars())  # error: unsupported-builtin
