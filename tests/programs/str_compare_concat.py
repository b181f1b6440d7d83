a = "apple"
b = "banana"
print(a < b, a > b, a == "apple", a != b, a <= "apple", "Apple" < "apple", "abc" < "abcd", "" < "a")
print(a + b, a + " " + b, a * 3, 3 * "-", "ab" * 0, "x" * -2)
words = ["pear", "Apple", "fig", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), max(words), min(words))
s = ""
for i in range(5):
    s += str(i) * i
    print(i, s)
print(s, len(s), "3" in s, "44" in s, "5" in s)
greeting = "Hi"
name = "Zoe"
print(greeting + ", " + name + "!", str(3) + "3", "3" + str(3.5), str(True) + str(None))
print("a" "b" "c", ("multi"
      "line"))
print(ord("a"), chr(ord("a") + 1), [ord(c) for c in "AZaz09"])
