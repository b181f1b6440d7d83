# Slice assignment and deletion (lists, bytearrays), del of attributes and items, dict/set
# mutation during iteration, and print's pieces: each item, separator and end is its own
# write() call, after the item's str() (a failing str() leaves the earlier pieces written).
import sys
def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, "!", type(e).__name__, e)
# slice assignment
def sa(l, sl, v):
    l = list(l)
    l[sl] = v
    return l
L = [0, 1, 2, 3, 4, 5]
for sl in [slice(None, None, 2), slice(1, None, 2), slice(None, None, -1), slice(None, None, -2), slice(4, 1, -1), slice(0, 0), slice(5, 2), slice(-2, None), slice(100, 200), slice(None, None, 3)]:
    for v in [[], [9], [9, 9], [9, 9, 9], "ab", range(3), (x for x in [7, 7, 7])]:
        t(f"L[{sl}]={type(v).__name__}", lambda: sa(L, sl, v))
t("L[::0]=[]", lambda: sa(L, slice(None, None, 0), []))
t("L[1:2]=5", lambda: sa(L, slice(1, 2), 5))
t("L[::2]=5", lambda: sa(L, slice(None, None, 2), 5))
t("self-assign", lambda: (lambda l: (l.__setitem__(slice(1, 3), l), l)[1])(list(L)))
t("self-assign ext", lambda: (lambda l: (l.__setitem__(slice(None, None, -1), l), l)[1])(list(L)))
# del slices
def ds(l, sl):
    l = list(l)
    del l[sl]
    return l
for sl in [slice(None, None, 2), slice(None, None, -2), slice(1, -1), slice(10, 20), slice(None, None, -1), slice(3, 1)]:
    t(f"del L[{sl}]", lambda: ds(L, sl))
t("del L[::0]", lambda: ds(L, slice(None, None, 0)))
t("del L[10]", lambda: ds(L, 10))
t("del L['a']", lambda: ds(L, "a"))
# bytearray slice assign
def bsa(sl, v):
    b = bytearray(b"abcdef")
    b[sl] = v
    return b
for sl in [slice(None, None, 2), slice(1, 3), slice(None, None, -1)]:
    for v in [b"", b"xyz", b"xy", [1, 2, 3], bytearray(b"Q"), 5, "s", memoryview(b"mm")]:
        t(f"ba[{sl}]={type(v).__name__}", lambda: bsa(sl, v))
# del attributes / subscripts
class A:
    x = 1
a = A()
t("del a.x (class attr)", lambda: delattr(a, "x"))
a.y = 2
del a.y
t("del a.y again", lambda: delattr(a, "y"))
class Sl:
    __slots__ = ("p",)
s = Sl()
t("del unset slot", lambda: delattr(s, "p"))
s.p = 1
del s.p
t("get deleted slot", lambda: s.p)
d = {"a": 1}
t("del d['b']", lambda: d.__delitem__("b"))
t("del d[[]]", lambda: d.__delitem__([]))
t("del (1,2)[0]", lambda: (1, 2).__delitem__(0))
t("del 'ab'[0]", lambda: "ab".__delitem__(0))
def delt():
    t = (1, 2)
    del t[0]
t("del tuple item stmt", delt)
def dels():
    s = "ab"
    del s[0]
t("del str item stmt", dels)
def delint():
    x = 5
    del x.real
t("del x.real", delint)
def delname():
    del undefined_name_xyz
t("del undefined global", delname)
def dellocal():
    q = 1
    del q
    del q
t("del local twice", dellocal)
# dict / set mutation during iteration
def dm():
    d = {1: 1, 2: 2}
    for k in d:
        d[k + 10] = 0
t("dict add during iter", dm)
def dm2():
    d = {1: 1, 2: 2}
    for k in d:
        del d[k]
t("dict del during iter", dm2)
def dm3():
    d = {1: 1, 2: 2}
    for k in d:
        d[k] = 5
    return d
t("dict update value during iter", dm3)
def dm4():
    d = {1: 1, 2: 2}
    for k in d:
        d.pop(k); d[k + 100] = 1
t("dict pop+add during iter", dm4)
def dm5():
    d = {1: 1, 2: 2}
    for k, v in d.items():
        d.clear()
t("dict clear during items()", dm5)
def dm6():
    d = {1: 1, 2: 2}
    for v in d.values():
        d[3] = 3
t("dict add during values()", dm6)
def sm():
    s = {1, 2}
    for x in s:
        s.add(x + 10)
t("set add during iter", sm)
def sm2():
    s = {1, 2}
    for x in s:
        s.discard(x); s.add(x + 100)
t("set same size during iter", sm2)
def lm():
    l = [1, 2, 3]
    out = []
    for x in l:
        out.append(x)
        if x == 1:
            l.remove(x)
    return out, l
t("list remove during iter", lm)
def lm2():
    l = [1]
    n = 0
    for x in l:
        n += 1
        if n < 5:
            l.append(x)
    return l
t("list append during iter", lm2)
def dm7():
    d = {1: 1}
    it = iter(d)
    d[2] = 2
    return next(it)
t("dict iter after resize", dm7)
def dm8():
    d = dict.fromkeys(range(10))
    it = iter(d)
    next(it)
    for k in range(10):
        del d[k]
    for k in range(10):
        d[k] = 1
    return list(it)
t("dict same size keys changed", dm8)
# print variants
print("a", "b", sep="")
print("a", "b", sep=None, end=None)
print(sep="-")
print("x", end="")
print()
print(1, 2, 3, sep="\n", end="!\n")
print("to stderr", file=sys.stderr)
print("flush", flush=True)
print("f", file=None)
t("print sep=1", lambda: print("a", sep=1))
t("print end=1", lambda: print("a", end=1))
t("print file=1", lambda: print("a", file=1))
t("print bogus kw", lambda: print("a", bogus=1))
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
w = W()
print("x", 1, [2], sep="|", end="$", file=w)
print(w.parts)
class WF(W):
    def flush(self): self.parts.append("<flush>")
wf = WF()
print("y", file=wf, flush=True)
print(wf.parts)
t("print flush no flush method", lambda: print("z", file=W(), flush=True))
class BadStr:
    def __str__(self): raise RuntimeError("str fails")
t("print bad str", lambda: print("before", BadStr(), "after"))
sys.stdout.write("direct\n")
t("write non-str", lambda: sys.stdout.write(5))
print(sys.stdout.write("ret\n"))
