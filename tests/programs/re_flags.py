# re: flags (IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII), inline and scoped flags,
# RegexFlag reprs and operators, Pattern reprs, Unicode \w \d \s and case folding.
import re

print(re.I, re.M, re.S, re.X, re.A, re.U, re.NOFLAG, re.I | re.M, re.M | re.I)
print(repr(re.IGNORECASE | re.DOTALL | re.ASCII), re.I | 1024, ~re.I, re.I & re.M)
print(int(re.I), re.I == 2, re.I + 1, re.I.value, re.I.name, bool(re.NOFLAG), re.I in (re.I | re.M))
print(re.RegexFlag(2) is re.I, hash(re.I) == hash(2), f"{re.M}", format(re.M, "d"))
print(re.compile("a"), re.compile("a", re.I | re.M), re.compile("(?i)a"), re.compile("a", re.A))
print(re.compile("a", re.I).flags, re.compile("a").flags, re.compile("(?x)a").flags, re.compile("a", re.A).flags)
print(re.compile("x" * 250))
print(re.findall("abc", "ABC abc AbC", re.I))
print(re.findall("(?i)abc", "ABC abc AbC"), re.findall("a(?i:b)c", "aBc ABC abc"))
print(re.findall("(?i)a(?-i:b)c", "AbC ABC"))
print(re.findall("^\\w+", "one\ntwo\nthree"), re.findall("^\\w+", "one\ntwo\nthree", re.M))
print(re.findall("\\w+$", "one\ntwo\nthree\n"), re.findall("\\w+$", "one\ntwo\nthree\n", re.M))
print(re.findall("a.b", "a\nb axb"), re.findall("a.b", "a\nb axb", re.S), re.findall("(?s:a.)b", "a\nb"))
v = re.compile(r"""
    (\d+)   # the number
    \s*     # spaces
    ([a-z]+) # the unit
""", re.X)
print(v.findall("10 kg, 20m"), v.flags)
print(re.findall(r"(?x) a b # comment", "ab a b"), re.findall(r"[ ]a(?x: b c)", " abc"))
print(re.findall(r"\w+", "héllo wörld_1 ٣٤ ÷"), re.findall(r"\w+", "héllo wörld", re.A))
print(re.findall(r"\d", "1٣۵x"), re.findall(r"\d", "1٣۵x", re.ASCII))
print(re.findall(r"\s", "a b\tc\u00a0d\u2003e\x1cf"), re.findall(r"\s", "a b\u00a0c", re.A))
print(re.findall(r"\W", "a-b c!é"), re.findall(r"\D+", "ab12cd"), re.findall(r"\S+", " ab  cd "))
print(re.findall(r"\bfoo\b", "foo foobar barfoo foo_ éfoo"))
print(re.findall(r"\Bo", "foo boo o"))
print(re.match(r"\B", ""), re.match(r"\b", ""), re.match(r"\B", "a"))
print(re.findall("(?i)k", "kK\u212a"), re.findall("(?i)s", "sS\u017f"), re.findall("(?i)i", "iI\u0130\u0131"))
print(re.findall("(?i)[a-z]+", "Hello WORLD \u212a"), re.findall("(?i)[^a-z]", "aB1\u212a"))
print(re.findall("(?i)straße", "STRASSE straße STRAẞE"), re.findall("(?i)σ", "Σσς"))
print(re.findall("(?ai)k", "kK\u212a"), re.findall("(?i)é", "éÉ"), re.findall("(?ai)é", "éÉ"))
print(re.findall("(?i)[\u0400-\u04ff]+", "Привет мир"), re.findall("(?i)[^\\W\\d]+", "ab12CD"))
print(re.search("(?u)\\w", "é"), re.search("\\w", "é", re.U))
print(re.findall("(?im)^a", "A\na\nb"), re.findall("(?s).", "a\n"))
print(re.compile("(?i)(?m)a").flags, re.compile("(?im)a", re.S))
