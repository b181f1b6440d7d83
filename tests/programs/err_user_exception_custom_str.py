class ParseError(Exception):
    def __init__(self, line: int, text: str):
        super().__init__(line, text)
        self.line = line
        self.text = text

    def __str__(self) -> str:
        return f"line {self.line}: cannot parse {self.text!r}"


lines = ["a=1", "b=2", "oops", "c=3"]
for i, line in enumerate(lines, 1):
    if "=" not in line:
        raise ParseError(i, line)
    k, v = line.split("=")
    print(k, int(v))
