type Vector = list[float]  # unsupported: `type` alias


def norm1(v: list[float]) -> float:
    return sum(abs(x) for x in v)


print(norm1([1.0, -2.0]))
