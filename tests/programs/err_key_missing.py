stock = {"apple": 3, "pear": 0}
for name in ["apple", "pear"]:
    print(name, stock[name])


def lookup(d: dict, key: str) -> int:
    return d[key]


print(lookup(stock, "missing"))
