def generate(n: int) -> list:
    vocab = "the of and to in is it you that he was for on are with as his they be at".split()
    out = []
    x = 12345
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(vocab[x % len(vocab)])
    return out


words = generate(300_000)
counts: dict = {}
for w in words:
    if w in counts:
        counts[w] += 1
    else:
        counts[w] = 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for w, c in top[:8]:
    print(w, c)
print(len(counts), sum(counts.values()))
