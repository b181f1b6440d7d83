# Subclasses of str: methods give plain strs, overrides of __str__/__repr__/__eq__/__len__ honoured.


class Tag(str):
    def shout(self):
        return self.upper() + "!"


class Loud(str):
    def __repr__(self):
        return "Loud(" + str.__repr__(self) + ")"

    def __str__(self):
        return self.upper()


class Caseless(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()

    def __hash__(self):
        return hash(self.lower())

    def __len__(self):
        return 99


t = Tag("hello")
print(t, repr(t), type(t).__name__, isinstance(t, str), len(t), t.shout())
print(t.upper(), type(t.upper()).__name__, type(t + "x").__name__, type(t[1:]).__name__)
print(t + " world", "say " + t, t * 2, 2 * t, t[0], t[-1], t[1:3], "ell" in t, t in "hello!")
print(t == "hello", "hello" == t, t < "world", "a" < t, t.startswith("he"), t.split("l"))
print("-".join([t, Tag("x")]), t.replace("l", "L"), t.find("l"), t.count("l"), list(t))
print(f"{t}", f"{t:>8}|", "%s" % t, "%r" % t, format(t, "^9"), t.format(), str(t) is t)
print(hash(t) == hash("hello"), {t: 1}["hello"], {"hello": 2}[t], sorted([Tag("b"), "a"]))
lo = Loud("hi")
print(lo, repr(lo), str(lo), f"{lo}", f"{lo!r}", [lo], "%s|%r" % (lo, lo), lo + "!")
c = Caseless("MiXed")
print(c == "mixed", "mixed" == c, c != "MIXED", len(c), c in ["mixed"], bool(Caseless("")))
print(str.__len__(c), c.lower(), hash(c) == hash("mixed"), {c: 1}.get(Caseless("MIXED")))
print(int(Tag("42")) + 1, float(Tag("1.5")), Tag(12), Tag(), repr(Tag()), Tag("y"))
print(str.__new__(Tag, "z"), type(str.__new__(Tag, "z")).__name__, t.__class__ is Tag)
t.extra = 5
print(t.extra, vars(t), t.__dict__)
for ch in Tag("ab"):
    print(ch, end=" ")
print()
a, b = Tag("xy")
print(a, b, *Tag("pq"))
print(max(Tag("a"), Tag("b")), "abc".index(Tag("c")), "a,b".split(Tag(",")))
try:
    str.__new__(int, "x")
except TypeError as e:
    print("TypeError:", e)
try:
    t + 1
except TypeError as e:
    print("TypeError:", e)
try:
    t.missing
except AttributeError as e:
    print("AttributeError:", e)
