# re: Match objects: group with several args and names, groups(default), groupdict,
# start/end/span, lastindex/lastgroup, __getitem__, regs, expand and the reprs.
import re

m = re.match(r"(?P<first>\w+) (?P<last>\w+)(?P<rest> .*)?", "Jane Doe")
print(m)
print(m.group(), m.group(0), m.group(1), m.group("last"))
print(m.group(1, 2), m.group("first", 0, "rest"))
print(m.groups(), m.groups("-"), m.groupdict(), m.groupdict(0))
print(m.start(), m.end(), m.span(), m.start(2), m.end("last"), m.span("rest"))
print(m[0], m[1], m["first"], m.lastindex, m.lastgroup, m.regs)
print(m.re.groups, dict(m.re.groupindex), m.re.pattern)
print(m.re.groupindex)
print(m.expand(r"\2, \1 (\g<0>) \g<last>"))
for g in (3, 4, -1, "nope", 1.5):
    try:
        print(m.group(g))
    except IndexError as e:
        print("IndexError", e)
try:
    m.start("zzz")
except IndexError as e:
    print("IndexError", e)
for pat, s in [(r"(a)(b)?", "a"), (r"(a(b))", "ab"), (r"(a)|(b)", "b"), (r"(?:(a)|(b))*", "ab"),
               (r"(?:(a)|(b))*", "ba"), (r"(a)(b*)", "a"), (r"((a)(b))", "ab"), (r"x", "x"),
               (r"(?P<n>a)(?P<m>b)", "ab"), (r"(a)(?:b)", "ab")]:
    mm = re.match(pat, s)
    print(pat, mm.lastindex, mm.lastgroup, mm.groups())
print(re.match(r"a" * 60, "a" * 60))
print(re.search(r"é+", "xéé"))
print(re.search("\n", "a\nb"))
print(re.match("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)", "abcdefghijk").group(11))
print(re.match(r"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\11", "abcdefghijkk"))
m = re.search(r"(\d+)-(\d+)?", "tel 12-")
print(m.groups(), m.groups(0), m.span(2), m.start(2), m.group(2))
print(bool(m), m[2])
ms = list(re.finditer(r"(?P<k>\w)=(?P<v>\d)", "a=1, b=2"))
print(ms)
print([x.groupdict() for x in ms])
print(re.compile(r"(?P<x>a)(?P<y>b)(c)").groupindex)
print(re.compile(r"(?P<x>a)").groups, re.compile("abc").groups, re.compile("abc").groupindex)
