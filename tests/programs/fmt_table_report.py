def fmt_row(cells: list, widths: list) -> str:
    parts = []
    for cell, w in zip(cells, widths):
        text = str(cell)
        if isinstance(cell, (int, float)):
            parts.append(text.rjust(w))
        else:
            parts.append(text.ljust(w))
    return " | ".join(parts)


header = ["item", "qty", "price", "total"]
data = [["widget", 4, 2.5], ["gadget", 10, 19.99], ["thingamajig", 1, 1000.0], ["nut", 250, 0.05]]
rows = [header]
grand = 0.0
for name, qty, price in data:
    total = qty * price
    grand += total
    rows.append([name, qty, f"{price:.2f}", f"{total:,.2f}"])
widths = [max(len(str(r[i])) for r in rows) for i in range(4)]
print(widths)
for r in rows:
    print(fmt_row(r, widths))
print("-" * (sum(widths) + 9))
print(f"{'grand total':<{widths[0]}} | {grand:>{sum(widths[1:]) + 6},.2f}")
print(f"{grand:e} {grand:.1e} {grand:g}")
