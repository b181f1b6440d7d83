s = "Hello, World"
print(s[0], s[-1], s[4], s[-5])
print(s[0:5], s[7:], s[:-3], s[-5:-1], s[::2], s[::-1], s[1::3], s[10:2:-2])
print(s[100:], s[-100:3], s[5:2], s[:], len(s))
for i in range(0, len(s), 4):
    print(i, repr(s[i]), s[i:i + 4])
word = "racecar"
print(word == word[::-1], "python"[::-1], "abcdef"[-2::-2])
t = "a-b-c"
print(t[1], t[::2], t[-1::-2])
empty = ""
print(len(empty), empty[:], repr(empty[1:5]))
