TEXT = """the quick brown fox jumps over the lazy dog
the dog sleeps and the fox runs
a fox is quick and a dog is lazy"""


class WordCounter:
    def __init__(self) -> None:
        self.counts = {}
        self.total = 0

    def add_line(self, line: str) -> None:
        for word in line.split():
            word = word.lower()
            self.counts[word] = self.counts.get(word, 0) + 1
            self.total += 1

    def most_common(self, n: int) -> list:
        ranked = sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return ranked[:n]


def main() -> None:
    counter = WordCounter()
    for line in TEXT.split("\n"):
        counter.add_line(line)
    print("words:", counter.total)
    print("distinct:", len(counter.counts))
    for word, n in counter.most_common(5):
        print(f"{word:>6} {n:3d}")


if __name__ == "__main__":
    main()
