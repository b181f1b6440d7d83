# An uncaught SyntaxError raised by the program itself (a tiny config parser): the last
# line shows `msg` alone, the location goes on the lines above it.


def parse_line(path, number, line):
    if "=" not in line:
        col = len(line) - len(line.lstrip()) + 1
        raise SyntaxError("expected '='", (path, number, col, line, number, len(line) + 1))
    key, value = line.split("=", 1)
    return key.strip(), value.strip()


def parse(path, text):
    settings = {}
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            key, value = parse_line(path, number, line)
            settings[key] = value
    return settings


print(parse("good.cfg", "a = 1\nb = two\n"))
try:
    parse("bad.cfg", "a = 1\n  oops\n")
except SyntaxError as e:
    print("caught:", e, "|", e.msg, e.lineno, e.offset, e.end_offset)
parse("/etc/app/settings.cfg", "name = demo\n\n    level 3\n")
