def scale(count: int, factor: int) -> int:
    result = count * factor
    print("result", result)
    return reslt + 1

print(scale(2, 3) if False else "skip")
print(scale(4, 5))
