# re: re.error's messages, positions, lineno/colno for the common syntax errors of patterns
# and templates, and the TypeErrors/ValueErrors/IndexErrors of the API.
import re

bad = ["a)", "(a", "(?P<n>a", "*a", "a**", "a{2}{3}", "a+*", "^*", "[a", "[a-", "[]",
       "\\q", "[\\q]", "[z-a]", "[\\d-z]", "a{3,2}", "\\", "a\\", "(?P<1a>x)", "(?P<a>x)(?P<a>y)",
       "(?P=zz)", "(?P=)", "(?P", "(?Px)", "(?<x)", "(?", "(?z)", "(?#abc", "(?i", "(?-)",
       "(?i-z:a)", "(?i-:a)", "a(?i)", "(?u:x)(?a)", "(?L)a", "(?ai)a", "\\1", "(a)\\2", "(a\\1)",
       "\\x1", "\\u12", "\\U0011ffff", "\\777", "(?(1)a|b)", "(a)(?(2)b)", "(?(x)a)",
       "(?<=a+)b", "(?<!a|bc)d", "x\n(y", "(?x)\n\n  (", "(?(1)a|b|c)", "(?P<a-b>x)", "a|*",
       "(?i:a)(?m:)*", "(?:", ")", "a{,2", "x{1,2}{3}", "[\\w-a]", "(?<=(a)\\1)b"]
for p in bad:
    try:
        re.compile(p)
        print(repr(p), "compiled")
    except re.error as e:
        print(repr(p), "|", e, "|", e.msg, e.pos, e.lineno, e.colno, e.pattern == p)
for t in ["\\g", "\\g<", "\\g<>", "\\g<1", "\\g<x>", "\\g<-1>", "\\g<3>", "\\3", "\\q", "\\", "a\\9"]:
    try:
        print(repr(t), re.sub("(a)(b)", t, "ab"))
    except re.error as e:
        print(repr(t), "error", e)
    except IndexError as e:
        print(repr(t), "IndexError", e)
for f in [lambda: re.search("a", 1), lambda: re.compile(1), lambda: re.compile(re.compile("a"), re.I),
          lambda: re.sub("a", lambda m: 1, "a"), lambda: re.sub("a", 5, "a"), lambda: re.compile("a{99999999999}"),
          lambda: re.compile("a", re.A | re.U), lambda: re.compile("a", re.L), lambda: re.match("a", None)]:
    try:
        print(f())
    except (TypeError, ValueError, OverflowError, re.error) as e:
        print(type(e).__name__, e)
e = re.error("boom")
print(e, e.msg, e.pattern, e.pos, e.lineno, isinstance(e, Exception), re.error.__name__, re.error.__module__)
print(re.error("m", "ab\ncd", 4).lineno, re.error("m", "ab\ncd", 4).colno, str(re.error("m", "ab\ncd", 4)))
re.compile("(unclosed")
