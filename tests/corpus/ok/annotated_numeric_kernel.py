def dot(xs: list[float], ys: list[float]) -> float:
    acc: float = 0.0
    n: int = len(xs)
    for i in range(n):
        acc += xs[i] * ys[i]
    return acc


def poly_eval(coeffs: list[float], x: float) -> float:
    result: float = 0.0
    for c in coeffs:
        result = result * x + c
    return result


def integrate(n: int, a: float, b: float) -> float:
    h: float = (b - a) / n
    total: float = 0.0
    i: int = 0
    while i < n:
        x: float = a + (i + 0.5) * h
        total += x * x
        i += 1
    return total * h


def collatz_steps(n: int) -> int:
    steps: int = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


xs: list[float] = [float(i) for i in range(8)]
ys: list[float] = [1.0 / (i + 1) for i in range(8)]
print(dot(xs, ys))
print(poly_eval([1.0, -2.0, 0.5], 3.0))
print(f"{integrate(200, 0.0, 3.0):.6f}")
print(max(collatz_steps(k) for k in range(1, 100)))
count: int = 0
print(count, type(count).__name__, type(1.0).__name__)
