records = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1), ("c", 2)]
print(sorted(records))
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[0]))
print(sorted(sorted(records, key=lambda r: r[0]), key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: (r[1], r[0]), reverse=True))
words = ["Banana", "apple", "cherry", "Apple", "banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=lambda w: (w.lower(), w)))
nums = [3.5, -2, 7, 0, 2.25, -2.0, 7]
print(sorted(nums), sorted(nums, reverse=True), sorted(nums, key=abs))
print(sorted([[2, 1], [1, 2, 3], [1, 2], [2]]), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted(range(10), key=lambda v: (v % 3, -v)))
