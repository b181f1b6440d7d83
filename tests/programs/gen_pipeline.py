def read_lines(text: str):
    for line in text.splitlines():
        yield line


def strip_comments(lines):
    for line in lines:
        body = line.split("#", 1)[0].strip()
        if body:
            yield body


def parse_kv(lines):
    for line in lines:
        key, _, value = line.partition("=")
        yield key.strip(), value.strip()


TEXT = """# config
name = demo
  # comment only
size = 42   # trailing
mode=fast

empty =
"""
pipeline = parse_kv(strip_comments(read_lines(TEXT)))
for k, v in pipeline:
    print(repr(k), repr(v))
print(dict(parse_kv(strip_comments(read_lines(TEXT)))))


def take_while_pos(xs):
    for x in xs:
        if x <= 0:
            break
        yield x


def running_total(xs):
    total = 0
    for x in xs:
        total += x
        yield total


print(list(running_total(take_while_pos([3, 1, 4, 0, 5]))))
