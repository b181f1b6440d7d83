def chunks(total: int, size: int) -> int:
    print("splitting", total, "into chunks of", size)
    return total // size


n = 5
d = 3
while True:
    print(n, "//", d, "=", chunks(n, d))
    d -= 1
