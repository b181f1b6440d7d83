# re: replacement templates (\1, \g<name>, \g<0>, escapes), callable replacements,
# Match.expand, and the empty-match rules of sub, split and findall (Python 3.7+).
import re

s = "John Smith, Jane Doe"
print(re.sub(r"(\w+) (\w+)", r"\2 \1", s))
print(re.sub(r"(?P<f>\w+) (?P<l>\w+)", r"\g<l>, \g<f>", s))
print(re.sub(r"(\w+) (\w+)", r"<\g<0>>", s))
print(re.sub(r"(\w+) (\w+)", r"\g<2>\g<1>", s))
print(re.sub(r"a", r"\n\t\\x", "bab"))
print(repr(re.sub(r"a", r"[\a\b\f\v\r]", "a")))
print(re.sub(r"a", r"\0\012\101", "a") == "\0\n\101")
print(re.sub(r"a", r"\-\.\%", "a"))
print(re.sub(r"(a)|b", r"[\1]", "ab"))
print(re.sub(r"(a)(b)?", r"<\2>", "a"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "1 22 333"))
print(re.sub(r"(?P<w>\w+)", lambda m: m["w"].upper(), "hi there"))
calls = []
def rec(m):
    calls.append(m.span())
    return "<" + m.group() + ">"
print(re.sub(r"x*", rec, "axxb"), calls)
print(re.subn(r"(\d)", r"\1\1", "a1b2c3"), re.subn(r"z", "y", "abc"))
print(re.sub(r"a", "b", "aaa", count=0), re.sub(r"a", "b", "aaa", count=-1))
m = re.match(r"(?P<y>\d{4})-(?P<m>\d\d)", "2024-05")
print(m.expand(r"\g<m>/\g<y>"), m.expand(r"\2/\1"), m.expand("plain"))
for pat, s in [("", "ab"), ("x*", "ab"), ("a*", "aab"), ("a*?", "aa"), ("|a", "a"), ("a|", "ab"),
               (r"\b", "ab cd"), ("(?=a)", "aa"), ("$", "a\n"), ("^", "a\nb"), ("(?m)^", "a\nb\n"),
               ("(?m)$", "a\nb\n"), ("a??", "aa"), ("(a)*", "ab"), ("(?:a*)+", "ab"), ("(a)*", "b")]:
    print(repr(pat), re.findall(pat, s), re.split(pat, s), re.sub(pat, "-", s),
          [m.span() for m in re.finditer(pat, s)])
print(re.split(r"(?=[A-Z])", "HelloWorldFoo"))
print(re.split(r"(\W+)", "Words, words, words."))
print(re.split(r"\W+", "Words, words, words.", 1))
print(re.split(r"[a-f]+", "0a3B9", flags=re.IGNORECASE))
print(re.split(r"(x)?y", "ayb"), re.split(r"(x)(y)?", "axb"))
print(re.sub("(?i)b+", "x", "abBBc"), re.sub("", "|", "héllo"))
print(re.sub(r"(é)(ü)", r"\2\1", "aéüb"), re.findall(r"[éü]", "xéyüz"))
print([m.span() for m in re.finditer(r"ü*", "aüüb")])
