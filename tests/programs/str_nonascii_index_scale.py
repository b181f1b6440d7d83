# Code point indexing, slicing and searching of non-ASCII strs (1-, 2-, 3- and 4-byte UTF-8
# characters mixed), including loops long enough that a per-index walk from the start of
# the text would be quadratic (and time out).

PIECES = ["a", "é", "€", "𝄞", "b", "ß", "中", "😀", " ", "ö", "z", "\u0100", "\uffff", "\U0010ffff"]

def mixed(n):
    out = []
    k = 0
    for i in range(n):
        out.append(PIECES[k % len(PIECES)])
        k = k * 7 + i + 3
        k %= 1000003
    return "".join(out)

s = mixed(300)
print(len(s), len(s.encode("utf-8")))

# Every index, positive and negative, against a list of the characters.
chars = list(s)
bad = 0
for i in range(len(s)):
    if s[i] != chars[i] or s[-i - 1] != chars[-i - 1]:
        bad += 1
print("index mismatches", bad)
print(s[0], s[31], s[32], s[33], s[63], s[64], s[65], s[-1], s[-32], s[-33], s[len(s) - 1])
print([ord(s[i]) for i in range(0, len(s), 37)])

for i in (len(s), -len(s) - 1, 10**6, -(10**6)):
    try:
        s[i]
    except IndexError as e:
        print("IndexError", i, e)

# Slices, with and without steps, against the list.
bad = 0
cases = 0
bounds = [None, 0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 150, 299, 300, 301, 500,
          -1, -2, -31, -32, -33, -64, -65, -299, -300, -301, -500]
for a in bounds:
    for b in bounds:
        for st in (None, 1, 2, 3, 5, 31, 32, 33, 64, 1000, -1, -2, -3, -31, -32, -33, -1000):
            cases += 1
            got = s[a:b:st]
            want = "".join(chars[a:b:st])
            if got != want or len(got) != len(want):
                bad += 1
print("slice cases", cases, "mismatches", bad)
print(s[5:40], s[40:5:-3], s[::-17], s[-50::7])
print(s[::-1] == "".join(reversed(chars)), s[::1] is s, s[:] is s)

# Iteration, enumerate, reversed.
print(all(c == s[i] for i, c in enumerate(s)))
print("".join(reversed(s)) == s[::-1])
print(sum(1 for c in s if ord(c) > 0xffff), sum(1 for c in s if 0x80 <= ord(c) < 0x800))

# find/index/rfind/rindex/count results used as indexes and slice bounds.
for sub in ["€", "𝄞", "中😀", "a", "ö", "\U0010ffff", "zz", "q"]:
    i = s.find(sub)
    j = s.rfind(sub)
    print(repr(sub), i, j, s.count(sub), i >= 0 and s[i:i + len(sub)] == sub,
          j >= 0 and s[j:j + len(sub)] == sub)
    positions = []
    k = s.find(sub)
    while k >= 0:
        positions.append(k)
        k = s.find(sub, k + 1)
    want = [p for p in range(len(s)) if s.startswith(sub, p)]
    print("  all", len(positions), positions == want, positions[:6])
    back = []
    k = s.rfind(sub)
    while k >= 0:
        back.append(k)
        k = s.rfind(sub, 0, k + len(sub) - 1)
    print("  back", back == want[::-1])
for args in [("€", 40), ("€", 40, 90), ("𝄞", -60), ("a", -40, -5), ("a", 1000), ("", 17), ("", 400)]:
    print(args, s.find(*args), s.rfind(*args), s.count(*args))
try:
    s.index("q")
except ValueError as e:
    print("ValueError", e)
try:
    s.rindex("€", 0, 3)
except ValueError as e:
    print("ValueError", e)
print(s.index("😀", 10), s.rindex("😀", 0, 200))
print(s.startswith("€", s.find("€")), s.endswith("中", 0, s.find("中") + 1))

# str.split / partition pieces line up with indexes.
head, sep, tail = s.partition("中")
print(len(head), s[len(head)] == "中", tail == s[len(head) + 1:])

# re spans on non-ASCII text, including pos arguments.
import re
pat = re.compile("[€中😀]+")
ms = list(pat.finditer(s))
print(len(ms), all(s[m.start():m.end()] == m.group() for m in ms), [m.span() for m in ms[:5]])
pos = 0
found = 0
while True:
    m = pat.search(s, pos)
    if m is None:
        break
    found += 1
    pos = m.end()
print(found == len(ms), pat.match(s, ms[2].start()).span() == ms[2].span())

# A long text: ~200k characters, every index visited. Quadratic indexing would take minutes.
t = "héllo wörld 中文 𝄞😀 " * 10000
n = len(t)
print(n, len(t.encode()))
count = 0
for i in range(n):
    if t[i] == "ö":
        count += 1
print("ö", count)
count = 0
for i in range(1, n + 1):
    if t[-i] == "😀":
        count += 1
print("😀", count)
total = 0
for i in range(0, n - 20, 7):
    total += len(t[i:i + 20]) + len(t[i:i + 13:3])
print("slices", total)
k = t.find("中")
hits = 0
while k >= 0:
    hits += 1
    if t[k] != "中":
        print("bad find", k)
        break
    k = t.find("中", k + 1)
print("finds", hits)
k = t.rfind("𝄞")
hits = 0
while k >= 0:
    hits += 1
    k = t.rfind("𝄞", 0, k)
print("rfinds", hits)
w = re.compile(r"\w+")
pos = 0
words = 0
while True:
    m = w.search(t, pos)
    if m is None:
        break
    words += 1
    pos = m.end()
print("words", words, t[pos - 5:pos])
print(t[199990:], t[-3:], t[123457], t[-123457])
