# Comparisons of strs (ASCII, non-ASCII, empty, NUL, astral) and of a str subclass with
# its own methods; indexing of a non-ASCII str and its errors.
class S(str):
    def __eq__(self, o):
        return "custom"
    def __lt__(self, o):
        return "lt"
words = ["a", "b", "", "é", "ß", "a\x00", "ab", "Z", "\U0001f600", "x"]
for a in words:
    print([(a == b, a != b, a < b, a <= b, a > b, a >= b) for b in words])
s = S("a")
print(s == "a", "a" == s, s < "b", "b" > s, s != "a")
src = "héllo wörld"
print([src[i] for i in range(len(src))], src[-1], src[3])
try:
    src[100]
except IndexError as e:
    print("IndexError", e)
try:
    "a" < 1
except TypeError as e:
    print("TypeError", e)
print("a" == 1, "a" != None)
