def check(xs: list) -> int:
    total = 0
    for x in xs:
        print("checking", x)
        assert x > 0
        total += x
    return total


print("first batch ok, total", check([3, 2, 1]))
print("second batch", check([5, 0, 7]))
