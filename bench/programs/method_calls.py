# Method calls: a small method called through self in a loop.
class Acc:
    def __init__(self) -> None:
        self.total = 0

    def add(self, k: int) -> None:
        self.total += k % 13

    def run(self, n: int) -> int:
        for i in range(n):
            self.add(i)
        return self.total


print(Acc().run(8_000_000))
