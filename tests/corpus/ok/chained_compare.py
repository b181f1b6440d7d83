def classify(x: int) -> str:
    if x < 0:
        return "negative"
    elif 0 <= x < 10:
        return "small"
    elif 10 <= x <= 99:
        return "medium"
    return "large"


calls = []


def traced(v: int) -> int:
    calls.append(v)
    return v


for x in [-5, 0, 9, 10, 99, 100]:
    print(x, classify(x))

print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0)
print(1 == 1 == 1, 1 == 1 != 2, 1 != 1 == 1)
print(traced(1) < traced(0) < traced(5))
print(calls)
calls.clear()
print(traced(1) < traced(2) < traced(3))
print(calls)
a, b, c = 2, 2, 3
print(a <= b < c, a is not None, "x" in "xyz" in "wxyz")
