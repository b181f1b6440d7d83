def normalize(line: str) -> str:
    words = line.split()
    return " ".join(words)


def csv_fields(line: str) -> list:
    return [f.strip() for f in line.split(",")]


text = "  the quick   brown fox  "
print(repr(normalize(text)))
print(csv_fields("a, b ,c,, d"))
print("-".join(["x", "y", "z"]))
print("a:b:c:d".split(":", 2))
print("a:b:c:d".rsplit(":", 1))
print("".join(reversed("hello")))
print("line1\nline2\nline3".splitlines())
parts = "key=value=more".partition("=")
print(parts)
print(", ".join(str(n) for n in range(5)))
print("".split(","), "abc".split("b"))
