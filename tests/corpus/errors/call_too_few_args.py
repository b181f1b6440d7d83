def clamp(x: int, lo: int, hi: int) -> int:
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def greet(name: str, greeting: str = "hello") -> str:
    return greeting + " " + name


print(clamp(5, 0, 10), greet("ann"))
print(clamp(5, 0))  # error: arg-count
print(greet())  # error: arg-count
