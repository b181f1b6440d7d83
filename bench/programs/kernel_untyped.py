# The same numeric kernel as kernel_typed.py, without annotations.
def kernel(n, scale):
    acc = 0.0
    for i in range(n):
        x = i * scale
        acc += x * x - 0.5 * x
    return acc


print(round(kernel(10_000_000, 0.001), 3))
