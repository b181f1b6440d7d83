def run_length(s: str) -> str:
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(s[i] + str(j - i))
        i = j
    return "".join(out)


def is_anagram(a, b):
    return sorted(a.replace(" ", "").lower()) == sorted(b.replace(" ", "").lower())


for s in ["aaabccdddd", "abc", "", "zzzzzzzzzzzz"]:
    print(repr(s), run_length(s))
print(is_anagram("Listen", "Silent"), is_anagram("abc", "abd"), is_anagram("dormitory", "dirty room"))
vowels = 0
for ch in "Programming in Python is fun":
    if ch.lower() in "aeiou":
        vowels += 1
print("vowels", vowels)
print(list("hey"), tuple("ab"), [c * 2 for c in "xyz"])
rev_words = " ".join(w[::-1] for w in "one two three".split())
print(rev_words)
print(str(12345)[::-1], int(str(12345)[::-1]) + 1)
