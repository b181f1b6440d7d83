class Cell:
    def __init__(self, v: int):
        self.v = v


def churn(n: int) -> int:
    checksum = 0
    for i in range(n):
        t = (i, i + 1)
        checksum += t[1] - t[0]
        if i & 1023 == 0:
            c = Cell(i)
            checksum += c.v & 3
    return checksum


print("warmup", churn(1000))
print("checksum", churn(10_000_000))
print("done")
