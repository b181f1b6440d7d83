prices = {"tea": 2.5, "cake": 4.0}
order = ["tea", "cake", "coffee"]
total = 0.0
print("menu:", sorted(prices))
for item in order:
    print("looking up", item)
    total += prices[item]
    print(f"{item:<6} {total:6.2f}")
print("unreachable")
print(total)
