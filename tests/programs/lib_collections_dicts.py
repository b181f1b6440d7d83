from collections import Counter, OrderedDict, defaultdict

dd = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    dd[word[0]].append(word)
print(dd)
print(dd["z"], len(dd), "z" in dd, sorted(dd))
print(defaultdict(None, {1: 2}), defaultdict(int))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, dict(counts), counts.default_factory)
print(counts.copy(), counts == {"m": 1, "i": 4, "s": 4, "p": 2})
try:
    defaultdict(None)["x"]
except KeyError as e:
    print("KeyError:", e)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError:", e)
print(counts.get("q"), counts.pop("m"), counts.setdefault("k", 9), list(counts.items()))

c = Counter("abracadabra")
print(c)
print(c.most_common(), c.most_common(2), c.most_common(0))
print(c["a"], c["zz"], c.total(), sorted(c.elements()))
print(list(Counter(a=2, b=0, c=-1, d=1).elements()))
c2 = Counter(a=1, b=5, z=2)
print(c + c2)
print(c - c2)
print(c | c2)
print(c & c2)
print(+Counter(a=1, b=-2), -Counter(a=1, b=-2))
c.subtract(c2)
print(c)
c.update(["a", "a", "q"])
c.update({"q": 3})
print(c)
c3 = Counter(a=3)
c3 += Counter(a=-5, b=2)
print(c3)
c3 -= Counter(b=1)
print(c3)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=3) < Counter(a=3))
print(Counter(), repr(Counter()), Counter(x=1) == {"x": 1})
del c["nothing"]
print(Counter(["x", "y", "x"]).most_common(1)[0])
try:
    Counter.fromkeys("ab")
except NotImplementedError as e:
    print("NotImplementedError:", e)

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od), od.keys(), od.values(), od.items())
od.move_to_end("b")
print(od)
od.move_to_end("c", last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([(1, 2)]) == OrderedDict([(1, 2)]))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
print(OrderedDict.fromkeys("xyz", 0), list(reversed(OrderedDict.fromkeys("xyz"))))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    od.move_to_end("nope")
except KeyError as e:
    print("KeyError:", e)
for unhashable in (defaultdict(), OrderedDict(), Counter()):
    try:
        {unhashable: 1}
    except TypeError as e:
        print("TypeError:", e)
Counter("ab")["a"] + Counter()["b"]
od["missing"]
