def nth(items: list, i: int) -> int:
    print("reading index", i, "of", len(items))
    return items[i]


items = [10, 20, 30]
print(nth(items, -1))
for i in range(5):
    print(i, nth(items, i))
print("unreachable")
