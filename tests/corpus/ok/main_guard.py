def greet(name: str, punctuation: str = "!") -> str:
    return "Hello, " + name + punctuation


def table(n: int) -> list:
    return [greet(str(i), "?" if i % 2 else ".") for i in range(n)]


class App:
    def __init__(self, title: str) -> None:
        self.title = title
        self.lines = []

    def run(self) -> int:
        self.lines.append(greet(self.title))
        self.lines.extend(table(3))
        for line in self.lines:
            print(line)
        return len(self.lines)


def main() -> None:
    app = App("molt")
    n = app.run()
    print("printed", n, "lines")
    print(__name__)


if __name__ == "__main__":
    main()
