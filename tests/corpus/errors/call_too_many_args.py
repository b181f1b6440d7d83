def add(a: int, b: int) -> int:
    return a + b


def scale(x: float, k: float = 2.0) -> float:
    return x * k


print(add(1, 2))
print(scale(1.5), scale(1.5, 3.0))
print(add(1, 2, 3))  # error: arg-count
print(scale(1.0, 2.0, 3.0))  # error: arg-count
