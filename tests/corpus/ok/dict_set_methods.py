stock = {"apple": 3, "pear": 0, "fig": 12}
stock["kiwi"] = 5
stock.update({"pear": 4, "plum": 1})
print(stock)
print(stock.get("mango"), stock.get("mango", -1), stock.setdefault("lime", 9))
print(stock.pop("fig"), stock.pop("nope", "default"))
print(list(stock.keys()))
print(list(stock.values()))
print([k for k, v in stock.items() if v > 3])
del stock["apple"]
print("apple" in stock, len(stock))
copy = dict(stock)
copy.clear()
print(copy, len(stock))
print(dict([("a", 1), ("b", 2)]), dict(zip("xyz", range(3))))

a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
a.add(10)
a.discard(1)
a.remove(2)
print(sorted(a), 10 in a, 2 in a)
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)))
print({1, 2} <= {1, 2, 3}, {1, 2}.issubset({2}), set() == set([]))
s = set([3, 1, 3, 2])
print(len(s), sorted(s), s.pop() in (1, 2, 3))
