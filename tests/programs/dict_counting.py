text = """it was the best of times it was the worst of times
it was the age of wisdom it was the age of foolishness"""
counts: dict = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for w, c in ranked[:6]:
    print(f"{w:>12} {c}")
letters = {}
for ch in text:
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters, key=lambda k: (-letters[k], k))[:5]
print(top, [letters[t] for t in top])
lines = text.splitlines()
print(len(lines), [len(l.split()) for l in lines])
