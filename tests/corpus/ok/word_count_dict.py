TEXT = """the cat sat on the mat
the dog sat on the log
a cat and a dog"""


def count_words(text: str) -> dict:
    counts = {}
    for line in text.split("\n"):
        for word in line.split():
            counts[word] = counts.get(word, 0) + 1
    return counts


counts = count_words(TEXT)
print(len(counts))
for word, n in counts.items():
    print(word, n)

ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print(ranked[:4])
print("cat" in counts, "cow" in counts)
print(sum(counts.values()))
