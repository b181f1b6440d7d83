def risky(n: int) -> int:
    return [1, 2, 3][n]


for n in [0, 2, 7]:
    try:
        print("value", risky(n))
    except IndexError:
        print("logging failure for", n)
        raise
