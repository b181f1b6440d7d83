# Strings: build a source text with f-strings and join, then tokenize it character by character.
KEYWORDS = {"def", "return", "if", "else", "while", "for", "in", "let"}
OPERATORS = {"==", "!=", "<=", ">=", "->", "+=", "-="}


def make_source(lines: int) -> str:
    out: list[str] = []
    seed = 7
    for i in range(lines):
        seed = (seed * 1103515245 + 12345) % 2147483648
        a = seed % 1000
        name = f"var_{seed % 97}"
        if i % 5 == 0:
            out.append(f"def f{i}({name}, x{a % 7}) -> int:")
        elif i % 5 == 1:
            out.append(f"    let {name} = {a} * (x{a % 7} + {a // 3}.{a % 10}) # note {i}")
        elif i % 5 == 2:
            out.append(f'    if {name} >= {a}: print("value {a}", {name})')
        elif i % 5 == 3:
            out.append(f"    {name} += {a} - {name}//2 != {seed % 13}")
        else:
            out.append(f"    return [{name}, {a}, 'done']")
    return "\n".join(out) + "\n"


def tokenize(src: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == " ":
            i += 1
        elif c == "\n":
            tokens.append(("NEWLINE", ""))
            i += 1
        elif c == "#":
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif c.isalpha() or c == "_":
            j = i + 1
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(("KEYWORD" if word in KEYWORDS else "NAME", word))
            i = j
        elif c.isdigit():
            j = i + 1
            while j < n and src[j].isdigit():
                j += 1
            if j < n and src[j] == ".":
                j += 1
                while j < n and src[j].isdigit():
                    j += 1
                tokens.append(("FLOAT", src[i:j]))
            else:
                tokens.append(("INT", src[i:j]))
            i = j
        elif c == '"' or c == "'":
            j = src.index(c, i + 1)
            tokens.append(("STRING", src[i + 1:j]))
            i = j + 1
        elif src[i:i + 2] in OPERATORS:
            tokens.append(("OP", src[i:i + 2]))
            i += 2
        else:
            tokens.append(("OP", c))
            i += 1
    return tokens


def summarize(tokens: list[tuple[str, str]]) -> str:
    counts: dict[str, int] = {}
    ints = 0
    floats = 0.0
    longest = ""
    for kind, text in tokens:
        counts[kind] = counts.get(kind, 0) + 1
        if kind == "INT":
            ints += int(text)
        elif kind == "FLOAT":
            floats += float(text)
        elif kind == "NAME" and len(text) > len(longest):
            longest = text
    parts = [f"{k}={v}" for k, v in sorted(counts.items())]
    return " ".join(parts) + f" ints={ints} floats={floats:.1f} longest={longest}"


src = make_source(80_000)
tokens = tokenize(src)
print(len(src), len(tokens), summarize(tokens))
print(" ".join(text for _, text in tokens[:24]))
