def parse(raw: str) -> int:
    print("parsing", repr(raw))
    return int(raw)


raw = ["12", " 7 ", "-3", "abc", "9"]
parsed = []
for r in raw:
    parsed.append(parse(r))
    print("parsed", parsed)
print("unreachable")
