def make_text(n: int) -> str:
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
    parts = []
    for i in range(n):
        parts.append(words[(i * 7) % len(words)])
    return " ".join(parts)


text = make_text(50_000)
print(len(text), text[:40])
total = 0
for rep in range(20):
    pieces = text.split(" ")
    joined = ",".join(pieces)
    total += len(pieces) + len(joined)
print("total", total)
lines = "\n".join(text[i:i + 60] for i in range(0, 6000, 60))
print(len(lines.splitlines()), lines.splitlines()[3])
