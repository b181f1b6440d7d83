def binary_search(xs: list, target: int) -> int:
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


data = sorted([37, 4, 19, 88, 23, 4, 61, 0, -5, 42])
print(data)
for t in [4, 42, -5, 88, 5, 100]:
    print(t, binary_search(data, t))
for i, v in enumerate(data):
    if v > 30:
        print("first > 30 at", i, v)
        break
for i, v in enumerate(data, start=1):
    print(i, v, end="; ")
print()
print(max(range(len(data)), key=lambda i: data[i]), data.index(max(data)))
