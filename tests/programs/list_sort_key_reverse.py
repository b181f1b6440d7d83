nums = [5, -2, 9, 0, -7, 3, 3, 12]
a = nums.copy()
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.sort(key=abs)
print(a)
a.sort(key=lambda v: (v % 3, -v))
print(a)
print(sorted(nums), sorted(nums, reverse=True), nums)
words = ["banana", "Apple", "cherry", "date", "fig", "elderberry"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: w[-1]))
people = [("ann", 31), ("bob", 25), ("cy", 31), ("di", 22)]
people.sort(key=lambda p: p[1])
print(people)
people.sort(key=lambda p: (-p[1], p[0]))
print(people)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs), max(pairs), min(pairs))
floats = [2.5, -1.0, 3.25, 0.0, -0.5]
floats.sort()
print(floats, sorted([[3, 1], [2, 9], [3, 0], [2]]))
