def box(text: str, width: int) -> str:
    return "|" + text.center(width) + "|"


for w in [0, 3, 8, 11]:
    print(box("abc", w), box("ab", w), "|" + "abc".ljust(w, ".") + "|", "|" + "abc".rjust(w, "*") + "|")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
print("x".center(4, "-"), "xy".center(5, "-"), "xyz".center(6, "="))
rows = [("apple", 3), ("kiwi", 12), ("watermelon", 101)]
for name, qty in rows:
    print(name.ljust(12) + str(qty).rjust(5))
print("tab\tsep".expandtabs(4), "ab".ljust(1), "é".center(5, "*"))
