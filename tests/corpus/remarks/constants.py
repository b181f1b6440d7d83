DEBUG = False


def scale(values: list[int]) -> list[int]:
    factor = 2 ** 4
    out = []
    for v in values:
        if 1 < 2:
            out.append(v * factor)
    return out


def swap(a, b):
    a, b = b, a
    return a, b


print(scale([1, 2, 3]), swap(1, 2))
