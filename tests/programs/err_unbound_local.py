x = 10


def shadowed() -> int:
    print("inside, about to read x")
    total = x + 1
    x = 5
    return total


print("start", x)
shadowed()
