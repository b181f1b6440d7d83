people = [
    ("alice", 31, 5.5),
    ("bob", 25, 6.1),
    ("carol", 31, 5.2),
    ("dave", 19, 5.9),
]

print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[2], reverse=True)[0][0])
print(min(people, key=lambda p: p[2])[0], max(people, key=lambda p: p[1])[0])

words = ["banana", "Apple", "cherry", "fig", "date"]
print(sorted(words))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=len))

double = lambda x: x * 2
add = lambda a, b=10: a + b
print(double(21), add(1), add(1, 2))
print(list(map(lambda x: x * x, range(6))))
print(list(filter(lambda x: x % 3 != 0, range(10))))

nums = [5, 3, 8, 1]
nums.sort(key=lambda v: -v)
print(nums)
