s = "héllo wörld"
print(s, len(s), s[1], s[-4], s[1:5], s[::-1])
print(s.upper(), s.title(), s.capitalize())
print(s.find("ö"), s.index("w"), s.count("l"), s.replace("ö", "o"))
e = "ab😀cd🎉"
print(e, len(e), e[2], e[-1], e[1:4], e[::-1])
print([c for c in e])
print(ord("é"), ord("😀"), chr(233), chr(128512), chr(0x4e2d))
mixed = "日本語テキスト"
print(mixed, len(mixed), mixed[2:4], mixed[-1])
print("ü" in s, "ö" in s, s.split(" "), "-".join(["ñ", "ç", "ß"]))
print(repr("tab\there"), repr("quote'here"), repr('dq"x'), repr("both'\""), repr("nl\n"))
print("café" < "cafz", "é" > "z", sorted(["é", "e", "z", "a"]))
print("straße".upper(), "ΑΒΓ".lower(), len("straße".upper()))
