import bisect
from bisect import bisect_left, bisect_right, insort

grades = [60, 70, 80, 90]
for score in [33, 60, 99, 77, 70, 89, 90, 100]:
    print(score, "FDCBA"[bisect.bisect(grades, score)], bisect_left(grades, score), bisect_right(grades, score))

a = [1, 2, 2, 2, 3, 5]
print(bisect_left(a, 2), bisect_right(a, 2), bisect_left(a, 2, 2), bisect_right(a, 2, 0, 3), bisect_left(a, 9))
print(bisect_left(a, 2, hi=2), bisect.bisect_left([], 1), bisect.bisect_right(a, 0))
for x in [4, 0, 2, 6]:
    insort(a, x)
    bisect.insort_left(a, x)
print(a)

records = [("ann", 31), ("bob", 45), ("cy", 52)]
ages = [r[1] for r in records]
print(bisect.bisect_left(records, 45, key=lambda r: r[1]), bisect.bisect(ages, 40))
bisect.insort(records, ("dee", 40), key=lambda r: r[1])
bisect.insort_right(records, ("eve", 45), key=lambda r: r[1])
print(records)
words = ["apple", "fig", "kiwi", "banana"]
words.sort(key=len)
bisect.insort(words, "plum", key=len)
print(words)

try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError:", e)
bisect.insort([1, "a"], 2)
