def double(x: int) -> int:
    return x * 2


handlers = {"double": double, "square": lambda x: x * x, "count": 3}
for name in ["double", "square", "count"]:
    h = handlers[name]
    print("calling", name)
    print(h(21))
print("unreachable")
