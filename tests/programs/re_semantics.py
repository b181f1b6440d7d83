# re: matching semantics against CPython on many patterns: greedy, lazy and possessive
# quantifiers, atomic groups, alternation order, backreferences, lookaround,
# conditionals, anchors ($ before a final newline, \Z, \A), sets and escapes.
import re

cases = [
    (r"a*", "aaab"), (r"a*?", "aaab"), (r"a+?b", "aaab"), (r"a{2,3}", "aaaaa"), (r"a{2,3}?", "aaaaa"),
    (r"a{2}", "aaaaa"), (r"a{,2}", "aaa"), (r"a{2,}", "a aa aaa"), (r"x{}", "x{}"), (r"x{1", "x{1"),
    (r"x{a}", "x{a}"), (r"{1,2}x", "{1,2}x") if False else (r"\{1,2\}", "{1,2}"),
    (r"a*+a", "aaa"), (r"a++b", "aab"), (r"(?>a*)a", "aaa"), (r"(?>ab|a)c", "abc ac"), (r"a?+a", "a"),
    (r"(a|ab)(c|bcd)(d*)", "abcd"), (r"(a+|b+)*c", "aabbc"), (r"(a|b)*?c", "abac"),
    (r"cat|category", "category"), (r"(?:x|xy)z", "xyz"), (r"(?:a*)*", "b"), (r"(?:a*)+", "b"),
    (r"(?:a|)*b", "aab"), (r"(?:(a)|b)*", "ab"), (r"(\w+)\s+\1", "hello hello world"),
    (r"(?P<q>['\"]).*?(?P=q)", "say 'hi' and \"bye\""), (r"(a)?(?(1)b|c)", "ab c"),
    (r"(?P<x>a)?(?(x)b|c)", "ab c ac"), (r"\d+(?=px)", "10px 20em 30px"), (r"\d+(?!px)", "10px 20em"),
    (r"(?<=\$)\d+", "cost $42 or 7"), (r"(?<!\$)\b\d+", "cost $42 or 7"), (r"(?<=ab|cd)e", "abe cde xe"),
    (r"a$", "a\n"), (r"a$", "a\n\n"), (r"a\Z", "a\n"), (r"\Aa", "ba\na"), (r"$", "ab\n"),
    (r"^$", ""), (r"^$", "\n"), (r"(?m)^$", "a\n\nb\n"), (r"(?m)a$", "a\na\n"),
    (r"[^a-c]+", "abcdefabc"), (r"[]a]+", "]a]b"), (r"[^]a]+", "]a]bc"), (r"[a\]]+", "a]b"),
    (r"[-a]+", "-a-b"), (r"[a-]+", "-a-b"), (r"[\w.-]+@[\w-]+\.\w+", "mail me: a.b-c@ex-ample.org!"),
    (r"[\d\s]+", "12 34x"), (r"[^\d\s]+", "12 ab 34"), (r"[\x41-\x43]+", "ABCD"), (r"\x41\u0042\U00000043", "ABC"),
    (r"\101\0", "A\0"), (r"[\101-\103]", "B"), (r"\t\n\r\f\v\a", "\t\n\r\f\v\a"), (r"[\b]", "a\bb"),
    (r"\.\*\+\?\(\)\[\]\{\}\|\^\$\\", ".*+?()[]{}|^$\\"), (r"\-\#\&\~", "-#&~"), (r"a.c", "abc a\nc"),
    (r"é+", "ééa"), (r"[à-ÿ]+", "xàéÿz"), (r"\w+", "日本語 text"), (r".", "😀a"), (r"😀+", "😀😀b"),
    (r"(?i)[à-ÿ]+", "ÀÉÿ"), (r"(?i)ǅ", "ǄǅǆDž"), (r"(?i)[ǅ]", "Ǆǅǆ"), (r"(?i)ß", "ßẞss"), (r"(?i)[k-m]+", "K\u212aLm"),
    (r"(?i)\u0130", "İi"), (r"(?i)[^k]", "kK\u212ax"), (r"(?i)[a-z\d]+", "Ab9\u017f"), (r"(?i)µ", "µμΜ"),
    (r"(a)(?:b(c)|d(e))", "abc ade"), (r"((a)|(b))+", "ab"), (r"(a)|(b)|(c)", "cba"), (r"(?:a|b)+?", "ab"),
    (r"\b\w+\b", "it's a test"), (r"\B\w+\B", "hello"), (r"(?x) a  b # c", "ab"), (r"(?x)[ #]", " #"),
    (r"(?x)a\ b", "a b"), (r"(?x)a{1, 2}", "a{1, 2}"), (r"a|b|", "abc"), (r"(?:|a)+", "aa"), (r"(?:a?)+?", "aa"), (r"(?:|a)+b", "aab"),
    (r"(?s).+", "a\nb"), (r"(?:)", "ab"), (r"()", "ab"), (r"(?=a)*", "aa"), (r"(ab)*\1", "ababab"),
    (r"(a)\1*", "aaab"), (r"(?:(a)|(x))\2", "aa"), (r"(a)?\1", "b"), (r"(?#comment)ab", "ab"),
]
for pat, s in cases:
    try:
        r = [(m.span(), m.groups()) for m in re.finditer(pat, s)]
    except re.error as e:
        r = "error: " + str(e)
    print(repr(pat), repr(s), r)
print(re.match(r"(a+)+b", "a" * 18 + "b").span())
print(re.fullmatch(r"(?:a|ab)(?:c|bcd)", "abcd"), re.fullmatch(r"a*?", "aaa"), re.fullmatch(r"a|b|ab", "ab"))
print(re.compile(r"(?<=a)b").search("xab", 2), re.compile(r"\b").match("a b", 1), re.compile(r"\b").match("a b", 2))
