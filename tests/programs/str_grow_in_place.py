# A str grown by `+=` (in place when nothing else holds it) keeps correct cached facts:
# length, hash, and positions of a non-ASCII str whose code point table was already built.


def grow_non_ascii():
    s = "\u00e9" * 100
    print(s[50], s[99], len(s))
    for i in range(4):
        s += "x" * 90 + "\u20ac"
    print(len(s), s[150], s[190], s[-1], s[281], s[371])
    print(s.find("\u20ac"), s.rfind("\u20ac"), s.index("x", 120), s.count("\u20ac"))
    print(s[185:195], s[::97])
    return s


def grow_ascii():
    s = "ab"
    sizes = []
    for i in range(300):
        s += str(i % 10)
        if i in (5, 13, 14, 15, 200, 299):
            sizes.append(len(s))
    print(sizes, s[:20], s[-5:], s.isascii())
    d = {s: 1}
    t = s + "!"
    t = t[:-1]
    print(d[t], hash(s) == hash(t), s == t)
    s += "\u00e9"
    print(len(s), s[-2:], s.isascii(), s in d)
    return s


def shared_is_not_changed():
    a = "start" * 3
    b = a
    a += "-more"
    print(a, b)
    c = "x" * 40
    c += c
    print(len(c))
    parts = []
    for w in ["alpha", "\u03b2eta", "gamma"]:
        acc = ""
        for ch in w:
            acc += ch
            parts.append(acc)
    print(parts)


s1 = grow_non_ascii()
s2 = grow_ascii()
shared_is_not_changed()
print(len(s1 + s2), (s1 + s2)[370:380])
