def unique_in_order(xs: list) -> list:
    seen = set()
    out = []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


data = [5, 3, 5, 1, 3, 9, 1, 1, 0, 9]
print(unique_in_order(data), sorted(set(data)), len(set(data)))
words = "to be or not to be that is the question".split()
print(unique_in_order(words), len(set(words)))
vowels = set("aeiou")
for w in words:
    v = sorted(set(w) & vowels)
    print(w, v, len(set(w) - vowels))
pairs = {(1, 2), (2, 1), (1, 2)}
print(sorted(pairs), (2, 1) in pairs)
found = set()
target = 10
nums = [1, 9, 4, 6, 3, 7, 5, 5]
res = []
for n in nums:
    if target - n in found:
        res.append((min(n, target - n), max(n, target - n)))
    found.add(n)
print(sorted(set(res)))
