def total(values: list) -> int:
    acc = 0
    for v in values:
        acc += v
    return acc

print(total([1, 2, 3]))
print("about to print")
pritn(total([4, 5]))
