# Object allocation: a small struct class created and dropped in a loop.
class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y


def run(n: int) -> int:
    s = 0
    for i in range(n):
        p = Point(i, i + 1)
        s += p.x + p.y
    return s


print(run(3_000_000))
