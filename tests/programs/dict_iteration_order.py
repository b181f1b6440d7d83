d = {}
for word in ["zeta", "alpha", "mu", "beta", "alpha", "omega"]:
    d[word] = len(word)
print(d)
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(f"{k}={v}", end=" ")
print()
del d["mu"]
d["mu"] = 99
print(list(d))
d["zeta"] = 0
print(list(d.items()))
print(sorted(d), sorted(d.items(), key=lambda kv: kv[1]), sorted(d, key=d.get))
print(max(d, key=lambda k: d[k]), min(d.values()), sum(d.values()))
inv = {v: k for k, v in d.items()}
print(inv)
keys = list(d.keys())
for k in keys:
    if d[k] % 2 == 0:
        del d[k]
print(d)
print(list(reversed(list(d))), {**d, "new": 1}, {**{"a": 1}, **{"a": 2}})
