# The same numeric kernel as kernel_untyped.py, with annotations.
def kernel(n: int, scale: float) -> float:
    acc = 0.0
    for i in range(n):
        x = i * scale
        acc += x * x - 0.5 * x
    return acc


print(round(kernel(10_000_000, 0.001), 3))
