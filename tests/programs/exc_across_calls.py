def level3(x: int) -> int:
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x * 2


def level2(x):
    print("  level2 start", x)
    r = level3(x)
    print("  level2 end", r)
    return r


def level1(xs):
    results = []
    for x in xs:
        try:
            results.append(level2(x))
        except ValueError as e:
            print("  level1 recovered:", e)
            results.append(None)
        finally:
            print("  level1 finally", x)
    return results


print(level1([1, -2, 3]))


def deep(n):
    if n == 0:
        raise KeyError("bottom")
    try:
        return deep(n - 1)
    finally:
        print("unwinding", n)


try:
    deep(4)
except KeyError as e:
    print("caught at top:", e)
