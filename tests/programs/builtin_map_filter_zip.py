def square(x: int) -> int:
    return x * x


nums = [3, -1, 4, -1, 5, -9, 2, 6]
print(list(map(square, nums)))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30, 40])))
print(list(filter(lambda x: x > 0, nums)), list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(zip("abc", range(10), [True, False, None])))
print(list(zip()), list(zip([1, 2])), dict(zip(["x", "y"], [1, 2])))
names = ["ann", "bob", "cy"]
ages = [31, 25, 40]
for n, a in zip(names, ages):
    print(f"{n} is {a}")
pairs = list(zip(names, ages))
unz_n, unz_a = zip(*pairs)
print(pairs, unz_n, unz_a)
print(list(enumerate("xyz")), list(enumerate(["a", "b"], 10)))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(1, 10, 3))), "".join(reversed("stressed")))
m = map(str, range(4))
print(next(m), next(m), list(m), list(m))
