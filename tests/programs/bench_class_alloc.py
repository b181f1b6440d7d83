class Pair:
    def __init__(self, a: int, b: int):
        self.a = a
        self.b = b


def run(n: int) -> int:
    checksum = 0
    last = Pair(0, 0)
    for i in range(n):
        p = Pair(i, i & 7)
        checksum += p.a - p.b
        last = p
    return checksum + last.a


print("small", run(10))
print("checksum", run(1_000_000))
