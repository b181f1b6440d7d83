def total(values):
    acc = 0
    for v in values:
        acc = acc + v
        print("running", acc)
    return acc


print(total([1, 2, 3]))
print(total([4, "5", 6]))
