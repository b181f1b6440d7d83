# Attribute access: reads and writes of instance attributes.
class Counter:
    def __init__(self) -> None:
        self.a = 0
        self.b = 1


def run(c, n: int) -> int:
    for i in range(n):
        c.a = c.a + c.b
        c.b = (c.b + i) % 1000
    return c.a


print(run(Counter(), 6_000_000))
