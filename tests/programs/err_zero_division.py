def ratio(a: int, b: int) -> float:
    return a / b


results = []
for b in [4, 2, 1, 0]:
    r = ratio(8, b)
    results.append(r)
    print("ratio", 8, b, "=", r)
print("unreachable", results)
