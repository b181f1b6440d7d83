# list.sort / sorted with key and reverse: stability (reverse keeps equal items in their
# original order), keys that are unbound methods, and errors during sorting.

people = [('bob', 25), ('alice', 30), ('carol', 25), ('dave', 30), ('eve', 22), ('fay', 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
by_age = sorted(people, key=lambda p: p[0], reverse=True)
by_age.sort(key=lambda p: p[1])
print(by_age)
words = ['Banana', 'apple', 'cherry', 'Apple', 'banana', 'CHERRY']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=str.lower, reverse=True))
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
nums = [3, -1, 2, -3, 1, -2, 0]
nums.sort(key=abs)
print(nums)
nums.sort(key=int.__neg__)
print(nums)
nums.sort(reverse=True)
print(nums)
print(sorted('hello world'), sorted({3: 'a', 1: 'b'}), sorted((2.5, 1, True)))
try:
    sorted([1, 'a', 2])
except TypeError as e:
    print('TypeError', e)
try:
    [3, 1].sort(key=lambda x: 1 / (x - 1))
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    [1, 2].sort(lambda x: x)
except TypeError as e:
    print('TypeError', e)
